import { pcmCaptureProcessorName, pcmCaptureWorkletPath } from './pcm-capture-worklet';

/**
 * Microphone capture for the front ends (the widget and the officials' console), written against the few Web
 * Audio calls it makes so it compiles without the DOM library and tests can drive it. A page passes its
 * browser's objects: `browserMicrophone(window, origin)`.
 */
export interface MicrophoneDevices {
  /** `navigator.mediaDevices.getUserMedia`. */
  getUserMedia(constraints: { audio: Record<string, boolean | number> }): Promise<MediaStreamLike>;
  /** A new AudioContext. */
  createAudioContext(): AudioContextLike;
  /** `new AudioWorkletNode(context, name)`. */
  createWorkletNode(context: AudioContextLike, name: string): WorkletNodeLike;
  /** Where the worklet source is served (the server's origin + pcmCaptureWorkletPath). */
  workletUrl: string;
}

export interface MediaStreamLike {
  getTracks(): { stop(): void }[];
}
export interface AudioNodeLike {
  connect(destination: AudioNodeLike): unknown;
  disconnect(): void;
}
export interface AudioContextLike {
  audioWorklet: { addModule(url: string): Promise<void> };
  createMediaStreamSource(stream: MediaStreamLike): AudioNodeLike;
  /** Where the worklet's output goes; some browsers only run a worklet that is connected. */
  createGain(): AudioNodeLike & { gain: { value: number } };
  destination: AudioNodeLike;
  resume(): Promise<void>;
  close(): Promise<void>;
}
export interface WorkletNodeLike extends AudioNodeLike {
  port: { onmessage: ((event: { data: unknown }) => void) | null };
}

export interface CaptureOptions {
  /** Each 100 ms of 16 kHz mono 16-bit PCM. */
  onChunk(pcm: ArrayBuffer): void;
  /** The person stopped speaking (or never started), or the 60 s limit was reached: time to stop. */
  onSilence(): void;
  /** Loudness (RMS of 16-bit samples) under which a chunk counts as silence. */
  silenceLevel?: number;
  /** Silence after speech that ends the utterance. */
  silenceAfterSpeechMs?: number;
  /** Silence from the start after which the capture gives up. */
  silenceBeforeSpeechMs?: number;
  maxMs?: number;
}

export interface MicrophoneCapture {
  stop(): Promise<void>;
}

const chunkMs = 100;

/** Starts capturing; rejects when the microphone is refused or missing (the caller says so in Chinese). */
export async function startMicrophoneCapture(devices: MicrophoneDevices, options: CaptureOptions): Promise<MicrophoneCapture> {
  const stream = await devices.getUserMedia({ audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true } });
  const context = devices.createAudioContext();
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    stream.getTracks().forEach((track) => track.stop());
    await context.close().catch(() => undefined);
  };
  try {
    await context.audioWorklet.addModule(devices.workletUrl);
    await context.resume();
    const source = context.createMediaStreamSource(stream);
    const node = devices.createWorkletNode(context, pcmCaptureProcessorName);
    const mute = context.createGain();
    mute.gain.value = 0;
    source.connect(node);
    node.connect(mute);
    mute.connect(context.destination);
    const silenceLevel = options.silenceLevel ?? 500;
    const afterSpeech = options.silenceAfterSpeechMs ?? 1500;
    const beforeSpeech = options.silenceBeforeSpeechMs ?? 8000;
    const maxMs = options.maxMs ?? 60_000;
    let heardSpeech = false;
    let quietMs = 0;
    let totalMs = 0;
    node.port.onmessage = ({ data }) => {
      if (stopped) return;
      const { pcm, level } = data as { pcm: ArrayBuffer; level: number };
      options.onChunk(pcm);
      totalMs += chunkMs;
      if (level >= silenceLevel) {
        heardSpeech = true;
        quietMs = 0;
      } else {
        quietMs += chunkMs;
      }
      if ((heardSpeech && quietMs >= afterSpeech) || (!heardSpeech && quietMs >= beforeSpeech) || totalMs >= maxMs) options.onSilence();
    };
  } catch (error) {
    await stop();
    throw error;
  }
  return { stop };
}

/** The real browser's devices, for a page whose server is at `origin`. */
export function browserMicrophone(browser: BrowserGlobals, origin: string): MicrophoneDevices {
  return {
    getUserMedia: (constraints) => browser.navigator.mediaDevices.getUserMedia(constraints),
    createAudioContext: () => new browser.AudioContext(),
    createWorkletNode: (context, name) => new browser.AudioWorkletNode(context, name),
    workletUrl: `${origin}${pcmCaptureWorkletPath}`,
  };
}

/** The parts of `window` that browserMicrophone uses. */
export interface BrowserGlobals {
  navigator: { mediaDevices: { getUserMedia(constraints: object): Promise<MediaStreamLike> } };
  AudioContext: new () => AudioContextLike;
  AudioWorkletNode: new (context: AudioContextLike, name: string) => WorkletNodeLike;
}

/** Whether this browser can capture at all (an old browser, or a page over plain HTTP on another host). */
export const microphoneSupported = (browser: Partial<BrowserGlobals>): boolean =>
  typeof browser.AudioWorkletNode === 'function' && typeof browser.navigator?.mediaDevices?.getUserMedia === 'function';
