import { useEffect, useRef, useState } from 'preact/hooks';
import { createDictation, type Dictation, type DictationState, type SpeechChannel } from '../../../common/dictation';
import { browserMicrophone, microphoneSupported, type BrowserGlobals } from '../../../common/microphone-capture';
import type { SpeechStatus } from '../speech-support';

export interface VoiceInputProps {
  origin: string;
  /** The chat socket's speech half; absent before the first connection. */
  channel: SpeechChannel | undefined;
  status: () => Promise<SpeechStatus>;
  /** The recognised text, for the text box (the person reads, edits and sends it). */
  onText: (text: string) => void;
}

const notConfigured = '语音识别还没有开通，请用文字输入您的问题。';
const notSupported = '这个浏览器不能录音，请用文字输入您的问题。';

/** Phones get press-and-hold; elsewhere a press starts and a second press (or silence) stops. */
const holdToTalk = () => typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

const labels: Record<DictationState, string> = {
  idle: '',
  starting: '正在打开麦克风…',
  listening: '正在听，请说话…',
  recognising: '正在识别…',
};

/** The microphone button (点击说话 / 按住说话) and the line that shows what is being heard. */
export function VoiceInput({ origin, channel, status, onText }: VoiceInputProps) {
  const [state, setState] = useState<DictationState>('idle');
  const [heard, setHeard] = useState('');
  const [problem, setProblem] = useState('');
  const [hold] = useState(holdToTalk);
  const dictation = useRef<Dictation | undefined>(undefined);
  const onTextRef = useRef(onText);
  onTextRef.current = onText;

  useEffect(() => {
    if (!channel) return undefined;
    const created = createDictation(
      { devices: browserMicrophone(window as unknown as BrowserGlobals, origin), channel },
      {
        onState: (next) => {
          setState(next);
          if (next === 'starting') setHeard('');
        },
        onPartial: setHeard,
        onFinal: (text) => {
          setHeard('');
          onTextRef.current(text);
        },
        onError: (message) => {
          setHeard('');
          setProblem(message);
        },
      },
    );
    dictation.current = created;
    return () => created.cancel();
  }, [channel, origin]);

  const begin = async () => {
    setProblem('');
    if (!(await status()).recognition) return setProblem(notConfigured);
    if (!microphoneSupported(window as unknown as Partial<BrowserGlobals>)) return setProblem(notSupported);
    await dictation.current?.start();
  };
  const toggle = () => {
    if (state === 'idle') void begin();
    else if (state === 'listening' || state === 'starting') dictation.current?.stop();
  };

  const active = state === 'listening' || state === 'starting';
  const label = active ? '说完了' : hold ? '按住说话' : '点击说话';
  const line = problem || (heard ? `${state === 'recognising' ? '识别中：' : '听到：'}${heard}` : labels[state]);
  return (
    <div class="xn-voice">
      <button
        type="button"
        class={active ? 'xn-voice-button xn-recording' : 'xn-voice-button'}
        aria-pressed={active}
        aria-describedby="xn-voice-line"
        disabled={!channel || state === 'recognising'}
        onClick={hold ? undefined : toggle}
        onKeyDown={
          hold
            ? (event) => {
                // Keyboards cannot hold a press the way a finger does: Enter or Space toggles.
                if (event.key !== 'Enter' && event.key !== ' ') return;
                event.preventDefault();
                toggle();
              }
            : undefined
        }
        onPointerDown={hold ? () => state === 'idle' && void begin() : undefined}
        onPointerUp={hold ? () => dictation.current?.stop() : undefined}
        onPointerLeave={hold ? () => active && dictation.current?.stop() : undefined}
        onContextMenu={hold ? (event) => event.preventDefault() : undefined}
      >
        <svg class="xn-voice-icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1A7 7 0 0 0 19 11h-2z" />
        </svg>
        {label}
      </button>
      <p id="xn-voice-line" class={problem ? 'xn-voice-line xn-voice-problem' : 'xn-voice-line'} aria-live="polite">
        {line}
      </p>
    </div>
  );
}
