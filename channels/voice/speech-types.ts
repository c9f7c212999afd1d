/**
 * The speech services the voice channel works with. Two providers implement each interface (Azure Speech
 * through its SDK, an OpenAI-compatible audio endpoint through the `openai` package) and pass one contract
 * suite (`speech-to-text.contract.ts`, `text-to-speech.contract.ts`).
 */

/** One utterance being recognised: 16 kHz mono 16-bit PCM goes in as it is captured. */
export interface RecognitionStream {
  /** Adds captured audio (16 kHz mono 16-bit little-endian PCM). */
  write(pcm: Buffer): void;
  /**
   * No more audio: resolves to the final text, or rejects with an AppError whose message a person can read
   * ("没有听清，请再说一遍" when nothing was recognised; the service unreachable, slow or refusing).
   */
  end(): Promise<string>;
  /** Drops the utterance (the person left or cancelled); nothing more is reported. */
  abort(): void;
}

export interface RecognitionOptions {
  /** The text recognised so far, while the person is still speaking. */
  onPartial?(text: string): void;
  /**
   * A failure noticed while audio is still coming (the service closed the connection): the stream is over and
   * `end()` rejects with the same error.
   */
  onError?(error: Error): void;
}

export interface SpeechToText {
  /** `azure` or `openai`: shown in /api/health. */
  readonly provider: string;
  /** Where it recognises (the region, the host or the base URL and model), for /api/health. */
  readonly description: string;
  start(options?: RecognitionOptions): RecognitionStream;
  close(): Promise<void>;
}

export interface SynthesisedAudio {
  /** `audio/wav` or `audio/mpeg`, as the provider answered. */
  contentType: string;
  audio: Buffer;
}

export interface TextToSpeech {
  readonly provider: string;
  readonly description: string;
  /** Chinese text read aloud by the configured voice. */
  synthesize(text: string): Promise<SynthesisedAudio>;
  close(): Promise<void>;
}
