import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure, requestJson } from '../api';
import type { CallAnalysis } from '../types';

export const analysisDebounceMs = 200;
/** The API's shortest text: fewer characters say too little to analyse. */
const minimumLength = 4;

export type LiveAnalysis =
  | { status: 'idle' }
  | { status: 'analysing'; previous: CallAnalysis | null }
  | { status: 'ready'; analysis: CallAnalysis; text: string }
  | { status: 'failed'; message: string; previous: CallAnalysis | null };

/**
 * The analysis follows the text as it grows: a request goes out once typing pauses (debounced); a newer text
 * aborts the request still running, and an answer is shown only if it belongs to the newest request, so a stale
 * result is replaced as a whole and never mixed with a newer one.
 */
export function useLiveAnalysis(text: string, unitId: string, csrfToken: string): LiveAnalysis {
  const [state, setState] = useState<LiveAnalysis>({ status: 'idle' });
  const latest = useRef(0);
  const running = useRef<AbortController | null>(null);
  const shown = useRef<CallAnalysis | null>(null);

  useEffect(() => {
    const trimmed = text.trim();
    const request = ++latest.current;
    running.current?.abort();
    running.current = null;
    if ([...trimmed].length < minimumLength) {
      shown.current = null;
      setState({ status: 'idle' });
      return undefined;
    }
    const timer = setTimeout(() => {
      const controller = new AbortController();
      running.current = controller;
      setState({ status: 'analysing', previous: shown.current });
      requestJson<CallAnalysis>('/api/assist/analyze', {
        method: 'POST',
        body: { text: trimmed.slice(0, 3000), unitId },
        csrfToken,
        signal: controller.signal,
      }).then(
        (analysis) => {
          if (request !== latest.current) return;
          shown.current = analysis;
          setState({ status: 'ready', analysis, text: trimmed });
        },
        (error: unknown) => {
          if (request !== latest.current || controller.signal.aborted) return;
          setState({
            status: 'failed',
            message: error instanceof ApiFailure ? error.message : '分析没有成功，请稍后再试。',
            previous: shown.current,
          });
        },
      );
    }, analysisDebounceMs);
    return () => clearTimeout(timer);
  }, [text, unitId, csrfToken]);

  return state;
}
