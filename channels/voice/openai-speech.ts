import OpenAI, { toFile } from 'openai';
import { notHeardError, speechServiceError, type SpeechFailure } from './speech-errors';
import type { RecognitionOptions, RecognitionStream, SpeechToText, TextToSpeech } from './speech-types';
import { bytesPerSecond, wavFromPcm } from './wav';

export interface OpenAiSpeechOptions {
  /** SPEECH_BASE_URL: an OpenAI-compatible server with /audio/transcriptions and /audio/speech (whisper, SenseVoice, CosyVoice…). */
  baseUrl: string;
  apiKey?: string | undefined;
  /** STT_MODEL, e.g. `whisper-1` or `iic/SenseVoiceSmall`. */
  transcriptionModel?: string | undefined;
  /** TTS_MODEL and TTS_VOICE, e.g. `tts-1` and `alloy`, or a CosyVoice model and speaker. */
  speechModel?: string | undefined;
  voice?: string | undefined;
  /** Each request's limit: the person hears back within 5 s. */
  timeoutMs?: number;
  /**
   * Audio between two interim transcriptions: the endpoint takes whole files, so partial text comes from
   * transcribing what was said so far, at most one request at a time.
   */
  partialEveryMs?: number;
  /** For tests: the HTTP client. */
  fetch?: typeof fetch;
}

const provider = 'openai';

function failureOf(error: unknown): SpeechFailure {
  if (error instanceof OpenAI.APIConnectionTimeoutError) return 'slow';
  if (error instanceof OpenAI.APIConnectionError) return 'unreachable';
  if (error instanceof OpenAI.APIError) {
    if (error.status === 401 || error.status === 403) return 'refused';
    if (error.status === 429) return 'busy';
    if (error.status === 408 || error.status === 504) return 'slow';
  }
  return 'unreachable';
}

function clientFor(options: OpenAiSpeechOptions): OpenAI {
  return new OpenAI({
    baseURL: options.baseUrl,
    // Local servers (SenseVoice, CosyVoice) often need no key; the client insists on one.
    apiKey: options.apiKey ?? 'not-needed',
    timeout: options.timeoutMs ?? 4000,
    // A retry would pass the 5 s a person waits; the person can simply speak again.
    maxRetries: 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}

/** OpenAI-compatible recognition (`/audio/transcriptions`, language zh), with interim transcriptions as partial text. */
export function createOpenAiSpeechToText(options: OpenAiSpeechOptions): SpeechToText {
  const client = clientFor(options);
  const model = options.transcriptionModel ?? 'whisper-1';
  const partialBytes = Math.round(((options.partialEveryMs ?? 1500) / 1000) * bytesPerSecond);

  const transcribe = async (pcm: Buffer, signal?: AbortSignal): Promise<string> => {
    const file = await toFile(wavFromPcm(pcm), 'speech.wav', { type: 'audio/wav' });
    const result = await client.audio.transcriptions.create({ file, model, language: 'zh', response_format: 'json' }, { signal });
    return result.text.trim();
  };

  return {
    provider,
    description: `OpenAI 兼容语音识别（${new URL(options.baseUrl).host}，${model}）`,
    start(recognition: RecognitionOptions = {}): RecognitionStream {
      const chunks: Buffer[] = [];
      let received = 0;
      let transcribedUpTo = 0;
      let interim: Promise<void> | undefined;
      let over = false;
      const aborter = new AbortController();
      const interimTranscription = () => {
        if (interim || over || received - transcribedUpTo < partialBytes) return;
        transcribedUpTo = received;
        interim = transcribe(Buffer.concat(chunks), aborter.signal)
          .then((text) => {
            if (!over && text !== '') recognition.onPartial?.(text);
          })
          // An interim failure is not the person's answer: the final request reports the service's state.
          .catch(() => undefined)
          .finally(() => {
            interim = undefined;
          });
      };
      return {
        write(pcm) {
          if (over) return;
          chunks.push(pcm);
          received += pcm.length;
          interimTranscription();
        },
        async end() {
          over = true;
          // The final transcription covers everything; an interim one still running is no longer wanted.
          aborter.abort();
          let text: string;
          try {
            text = await transcribe(Buffer.concat(chunks));
          } catch (error) {
            const failure = speechServiceError(failureOf(error), provider, error);
            recognition.onError?.(failure);
            throw failure;
          }
          if (text === '') throw notHeardError(provider);
          return text;
        },
        abort() {
          over = true;
          aborter.abort();
        },
      };
    },
    async close() {},
  };
}

/** OpenAI-compatible synthesis (`/audio/speech`), asked for WAV. */
export function createOpenAiTextToSpeech(options: OpenAiSpeechOptions): TextToSpeech {
  const client = clientFor(options);
  const model = options.speechModel ?? 'tts-1';
  const voice = options.voice ?? 'alloy';
  return {
    provider,
    description: `OpenAI 兼容语音合成（${new URL(options.baseUrl).host}，${model}，${voice}）`,
    async synthesize(text) {
      try {
        const response = await client.audio.speech.create({ model, voice, input: text, response_format: 'wav' });
        const audio = Buffer.from(await response.arrayBuffer());
        return { contentType: response.headers.get('content-type')?.split(';')[0]?.trim() || 'audio/wav', audio };
      } catch (error) {
        throw speechServiceError(failureOf(error), provider, error, true);
      }
    },
    async close() {},
  };
}
