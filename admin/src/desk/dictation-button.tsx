import { useEffect, useRef, useState } from 'preact/hooks';
import { io, type Socket } from 'socket.io-client';
import { chatNamespace } from '../../../common/chat-protocol';
import { createDictation, speechChannelOfSocket, type Dictation, type DictationState, type SpeechSocket } from '../../../common/dictation';
import { browserMicrophone, microphoneSupported, type BrowserGlobals } from '../../../common/microphone-capture';

const notConfigured = '语音识别还没有开通，请直接输入来电内容。';
const notSupported = '这个浏览器不能录音，请直接输入来电内容。';
const statusFailed = '暂时无法确认语音功能是否开通，请稍后再试或直接输入来电内容。';

const stateLines: Record<DictationState, string> = {
  idle: '',
  starting: '正在打开麦克风…',
  listening: '正在听，说完请再按一次',
  recognising: '正在识别…',
};

async function recognitionAvailable(): Promise<boolean | undefined> {
  try {
    const response = await fetch('/api/speech/status', { credentials: 'same-origin' });
    if (!response.ok) return undefined;
    return ((await response.json()) as { recognition?: boolean }).recognition === true;
  } catch {
    return undefined;
  }
}

/**
 * Dictation into 来电内容: the same microphone capture and `/chat` speech stream as the widget's 点击说话. The
 * spoken text is appended to what the box held when dictation started, so the live analysis follows it as it grows.
 * The socket opens on the first press only: an official who never dictates opens no chat connection.
 */
export function DictationButton(props: { text: string; onText: (text: string) => void }) {
  const [state, setState] = useState<DictationState>('idle');
  const [problem, setProblem] = useState('');
  const dictation = useRef<Dictation | undefined>(undefined);
  const socket = useRef<Socket | undefined>(undefined);
  const base = useRef('');
  const latest = useRef(props);
  latest.current = props;

  useEffect(
    () => () => {
      dictation.current?.cancel();
      socket.current?.disconnect();
    },
    [],
  );

  const withBase = (spoken: string) => {
    const before = base.current;
    const separator = before === '' || /[\s，。！？；,.!?;]$/u.test(before) ? '' : '，';
    return `${before}${separator}${spoken}`;
  };

  const dictationOf = (): Dictation => {
    if (dictation.current) return dictation.current;
    const opened = io(`${location.origin}${chatNamespace}`, { withCredentials: true });
    socket.current = opened;
    dictation.current = createDictation(
      {
        devices: browserMicrophone(window as unknown as BrowserGlobals, location.origin),
        channel: speechChannelOfSocket(opened as unknown as SpeechSocket),
      },
      {
        onState: setState,
        onPartial: (spoken) => latest.current.onText(withBase(spoken)),
        onFinal: (spoken) => latest.current.onText(withBase(spoken)),
        onError: setProblem,
      },
    );
    return dictation.current;
  };

  const begin = async () => {
    setProblem('');
    const available = await recognitionAvailable();
    if (available === undefined) return setProblem(statusFailed);
    if (!available) return setProblem(notConfigured);
    if (!microphoneSupported(window as unknown as Partial<BrowserGlobals>)) return setProblem(notSupported);
    base.current = latest.current.text;
    await dictationOf().start();
  };

  const active = state === 'listening' || state === 'starting';
  const toggle = () => {
    if (state === 'idle') void begin();
    else if (active) dictation.current?.stop();
  };

  return (
    <div class="dictation">
      <button
        type="button"
        class={active ? 'quiet-button recording' : 'quiet-button'}
        aria-pressed={active}
        aria-describedby="dictation-note"
        disabled={state === 'recognising'}
        onClick={toggle}
      >
        <svg class="microphone" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9h-2z" />
        </svg>
        {active ? '说完了' : '语音输入'}
      </button>
      <p id="dictation-note" class="dictation-note" role="status">
        {problem || stateLines[state] || '按一下开始说话，来电内容会边说边出现'}
      </p>
    </div>
  );
}
