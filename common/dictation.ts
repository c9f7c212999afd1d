import { speechAudioFormat, type AudioText, type ChatError } from './chat-protocol';
import { startMicrophoneCapture, type MicrophoneCapture, type MicrophoneDevices } from './microphone-capture';

/** The speech half of a `/chat` socket, as the front ends use it. */
export interface SpeechChannel {
  start(): void;
  chunk(pcm: ArrayBuffer): void;
  end(): void;
  /** Partial text, final text and failures of the current utterance; returns the unsubscribe. */
  listen(listener: { partial(text: string): void; final(text: string): void; error(error: ChatError): void }): () => void;
}

/** A socket.io client socket on `/chat`, as far as speech goes. */
export interface SpeechSocket {
  emit(event: string, ...body: unknown[]): unknown;
  on(event: string, listener: (payload: unknown) => void): unknown;
  off(event: string, listener: (payload: unknown) => void): unknown;
}

const textOf = (payload: unknown): string | undefined =>
  typeof payload === 'object' && payload !== null && typeof (payload as AudioText).text === 'string'
    ? (payload as AudioText).text
    : undefined;

/** `audio:start`, binary `audio:chunk`s and `audio:end` out; `audio:partial`, `audio:final`, `audio:error` in. */
export function speechChannelOfSocket(socket: SpeechSocket): SpeechChannel {
  return {
    start: () => socket.emit('audio:start', speechAudioFormat),
    chunk: (pcm) => socket.emit('audio:chunk', pcm),
    end: () => socket.emit('audio:end'),
    listen(listener) {
      const partial = (payload: unknown) => {
        const text = textOf(payload);
        if (text !== undefined) listener.partial(text);
      };
      const final = (payload: unknown) => {
        const text = textOf(payload);
        if (text !== undefined) listener.final(text);
      };
      const error = (payload: unknown) => {
        const message = typeof payload === 'object' && payload !== null ? (payload as ChatError).message : undefined;
        listener.error({
          code: String((payload as ChatError | null)?.code ?? 'ERROR'),
          message: message ?? '语音识别失败，请再说一遍或用文字输入。',
        });
      };
      socket.on('audio:partial', partial);
      socket.on('audio:final', final);
      socket.on('audio:error', error);
      return () => {
        socket.off('audio:partial', partial);
        socket.off('audio:final', final);
        socket.off('audio:error', error);
      };
    },
  };
}

/** idle → starting (asking for the microphone) → listening → recognising (waiting for the final text) → idle. */
export type DictationState = 'idle' | 'starting' | 'listening' | 'recognising';

export interface DictationCallbacks {
  onState(state: DictationState): void;
  /** The text so far, while the person speaks. */
  onPartial(text: string): void;
  /** The recognised text: the front end puts it where the person can read and edit it. */
  onFinal(text: string): void;
  /** Plain Chinese for the person; the text box keeps working. */
  onError(message: string): void;
}

export interface Dictation {
  /** Asks for the microphone and streams until `stop()` or silence. */
  start(): Promise<void>;
  stop(): void;
  /** Drops the utterance (the panel closed). */
  cancel(): void;
}

export const microphoneRefused = '无法使用麦克风：请在浏览器设置中允许本网站使用麦克风，或直接打字。';
const noFinalText = '语音服务没有回应，请再说一遍或用文字输入。';

/**
 * One spoken utterance at a time, from the microphone to the speech channel and back: the widget's 点击说话
 * and the console's dictation into 来电内容 both run this, with their own devices and channel.
 */
export function createDictation(
  deps: { devices: MicrophoneDevices; channel: SpeechChannel; finalTimeoutMs?: number },
  callbacks: DictationCallbacks,
): Dictation {
  let state: DictationState = 'idle';
  let capture: MicrophoneCapture | undefined;
  let unsubscribe: (() => void) | undefined;
  let started = false;
  let finalTimer: ReturnType<typeof setTimeout> | undefined;

  const setState = (next: DictationState) => {
    state = next;
    callbacks.onState(next);
  };
  const finish = () => {
    clearTimeout(finalTimer);
    unsubscribe?.();
    unsubscribe = undefined;
    void capture?.stop();
    capture = undefined;
    started = false;
    setState('idle');
  };

  const stop = () => {
    if (state !== 'listening' && state !== 'starting') return;
    void capture?.stop();
    capture = undefined;
    if (!started) {
      finish();
      return;
    }
    deps.channel.end();
    setState('recognising');
    // The server answers within 5 s by design; this only guards against a lost connection.
    finalTimer = setTimeout(() => {
      finish();
      callbacks.onError(noFinalText);
    }, deps.finalTimeoutMs ?? 10_000);
  };

  return {
    async start() {
      if (state !== 'idle') return;
      setState('starting');
      unsubscribe = deps.channel.listen({
        partial: (text) => {
          if (state === 'listening' || state === 'recognising') callbacks.onPartial(text);
        },
        final: (text) => {
          finish();
          callbacks.onFinal(text);
        },
        error: (error) => {
          finish();
          callbacks.onError(error.message);
        },
      });
      try {
        capture = await startMicrophoneCapture(deps.devices, {
          onChunk: (pcm) => {
            // The utterance starts with its first audio, so a refused microphone leaves nothing open on the server.
            if (!started) {
              started = true;
              deps.channel.start();
            }
            deps.channel.chunk(pcm);
          },
          onSilence: stop,
        });
      } catch {
        finish();
        callbacks.onError(microphoneRefused);
        return;
      }
      if ((state as DictationState) === 'starting') setState('listening');
    },
    stop,
    cancel() {
      if (started) deps.channel.end();
      finish();
    },
  };
}
