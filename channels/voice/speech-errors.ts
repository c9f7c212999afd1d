import { AppError } from '../../common';

/** What a person reads when speech fails; the widget shows it and keeps the text box working. */
export const speechTexts = {
  notHeard: '没有听清，请再说一遍。',
  notConfigured: '语音识别还没有开通，请用文字输入您的问题。',
  unreachable: '语音服务暂时连不上，请先用文字输入您的问题。',
  slow: '语音服务响应太慢，请先用文字输入您的问题。',
  refused: '语音服务暂时不可用，请先用文字输入您的问题。',
  busy: '语音服务现在太忙，请稍后再试，或用文字输入。',
  synthesisFailed: '朗读暂时不可用，请稍后再试。',
} as const;

export type SpeechFailure = 'unreachable' | 'slow' | 'refused' | 'busy';

/** One error for every provider failure: the person reads a plain sentence, the log keeps the cause. */
export function speechServiceError(failure: SpeechFailure, provider: string, cause?: unknown, synthesis = false): AppError {
  const message = synthesis ? speechTexts.synthesisFailed : speechTexts[failure];
  return new AppError(failure === 'busy' ? 'RATE_LIMITED' : 'SERVICE_UNAVAILABLE', message, {
    cause,
    details: { provider, failure },
  });
}

export const notHeardError = (provider: string): AppError =>
  new AppError('UNPROCESSABLE', speechTexts.notHeard, { details: { provider, failure: 'not-heard' } });

export const notConfiguredError = (): AppError =>
  new AppError('SERVICE_UNAVAILABLE', speechTexts.notConfigured, { details: { failure: 'not-configured' } });

/** Rejects with `onTimeout()` when `work` takes longer than `timeoutMs`. */
export function withDeadline<T>(work: Promise<T>, timeoutMs: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), timeoutMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
