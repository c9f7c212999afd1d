import * as sdk from 'microsoft-cognitiveservices-speech-sdk';
import { notHeardError, speechServiceError, withDeadline, type SpeechFailure } from './speech-errors';
import type { RecognitionOptions, RecognitionStream, SpeechToText, SynthesisedAudio, TextToSpeech } from './speech-types';
import { speechSampleRate } from './wav';

export interface AzureSpeechOptions {
  /** AZURE_SPEECH_KEY: required for Azure's cloud; an on-premises container may run without one. */
  key?: string | undefined;
  /** AZURE_SPEECH_REGION, e.g. `chinaeast2`. */
  region?: string | undefined;
  /** AZURE_SPEECH_HOST: an on-premises speech container (`ws://…` or `wss://…`); wins over the region. */
  host?: string | undefined;
  language?: string;
  /** A zh-CN neural voice. */
  voice?: string;
  /** How long a result may take after the last audio (or a synthesis in all): the person hears back within 5 s. */
  timeoutMs?: number;
}

const provider = 'azure';

function speechConfig(options: AzureSpeechOptions): sdk.SpeechConfig {
  const config = options.host
    ? sdk.SpeechConfig.fromHost(new URL(options.host), options.key)
    : sdk.SpeechConfig.fromSubscription(options.key ?? '', options.region ?? '');
  config.speechRecognitionLanguage = options.language ?? 'zh-CN';
  config.speechSynthesisLanguage = options.language ?? 'zh-CN';
  config.speechSynthesisVoiceName = options.voice ?? 'zh-CN-XiaoxiaoNeural';
  config.speechSynthesisOutputFormat = sdk.SpeechSynthesisOutputFormat.Riff16Khz16BitMonoPcm;
  return config;
}

const describe = (options: AzureSpeechOptions) =>
  options.host ? `Azure 语音容器（${new URL(options.host).host}）` : `Azure 语音服务（${options.region ?? '未指定区域'}）`;

/** The SDK reports failures as a cancellation code and a text; a person gets one of four plain sentences. */
function failureOf(code: sdk.CancellationErrorCode): SpeechFailure {
  switch (code) {
    case sdk.CancellationErrorCode.AuthenticationFailure:
    case sdk.CancellationErrorCode.Forbidden:
    case sdk.CancellationErrorCode.BadRequestParameters:
      return 'refused';
    case sdk.CancellationErrorCode.TooManyRequests:
      return 'busy';
    case sdk.CancellationErrorCode.ServiceTimeout:
      return 'slow';
    default:
      return 'unreachable';
  }
}

/** A refused websocket handshake comes as a connection failure whose text carries the HTTP status. */
function failureOfDetails(code: sdk.CancellationErrorCode, details: string): SpeechFailure {
  if (/\b(401|403)\b/.test(details)) return 'refused';
  if (/\b429\b/.test(details)) return 'busy';
  return failureOf(code);
}

const failure = (code: sdk.CancellationErrorCode, details: string, synthesis = false) =>
  speechServiceError(failureOfDetails(code, details), provider, new Error(`${sdk.CancellationErrorCode[code]}: ${details}`), synthesis);

const arrayBufferOf = (bytes: Buffer): ArrayBuffer => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer;

/** Azure recognition (zh-CN), continuous over a push stream so an utterance may pause; partial text from `recognizing`. */
export function createAzureSpeechToText(options: AzureSpeechOptions): SpeechToText {
  const timeoutMs = options.timeoutMs ?? 4000;
  return {
    provider,
    description: describe(options),
    start(recognition: RecognitionOptions = {}): RecognitionStream {
      const push = sdk.AudioInputStream.createPushStream(sdk.AudioStreamFormat.getWaveFormatPCM(speechSampleRate, 16, 1));
      const recognizer = new sdk.SpeechRecognizer(speechConfig(options), sdk.AudioConfig.fromStreamInput(push));
      const phrases: string[] = [];
      let settled = false;
      let resolveDone: (text: string) => void = () => undefined;
      let rejectDone: (error: Error) => void = () => undefined;
      const done = new Promise<string>((resolve, reject) => {
        resolveDone = resolve;
        rejectDone = reject;
      });
      // Nobody may be awaiting yet when the service fails early; end() sees the same rejection.
      done.catch(() => undefined);
      const finish = (error?: Error) => {
        if (settled) return;
        settled = true;
        if (error) {
          recognition.onError?.(error);
          rejectDone(error);
        } else {
          const text = phrases.join('').trim();
          if (text === '') rejectDone(notHeardError(provider));
          else resolveDone(text);
        }
        recognizer.stopContinuousRecognitionAsync(
          () => recognizer.close(),
          () => recognizer.close(),
        );
      };
      recognizer.recognizing = (_sender, event) => {
        if (!settled && event.result.text) recognition.onPartial?.([...phrases, event.result.text].join(''));
      };
      recognizer.recognized = (_sender, event) => {
        if (event.result.reason === sdk.ResultReason.RecognizedSpeech && event.result.text) phrases.push(event.result.text);
      };
      recognizer.canceled = (_sender, event) => {
        if (event.reason === sdk.CancellationReason.Error) finish(failure(event.errorCode, event.errorDetails));
        else finish();
      };
      recognizer.sessionStopped = () => finish();
      // A service that drops the connection mid-utterance: the SDK would quietly reconnect and wait, the person
      // would wait with it; say so at once instead.
      sdk.Connection.fromRecognizer(recognizer).disconnected = () =>
        finish(speechServiceError('unreachable', provider, new Error('the speech service closed the connection')));
      recognizer.startContinuousRecognitionAsync(
        () => undefined,
        (details) => finish(failure(sdk.CancellationErrorCode.ConnectionFailure, details)),
      );
      return {
        write(pcm) {
          if (!settled) push.write(arrayBufferOf(pcm));
        },
        end() {
          push.close();
          return withDeadline(done, timeoutMs, () => {
            const error = speechServiceError('slow', provider, new Error(`no result ${timeoutMs} ms after the audio ended`));
            finish(error);
            return error;
          });
        },
        abort() {
          settled = true;
          push.close();
          recognizer.close();
        },
      };
    },
    async close() {},
  };
}

/** Azure synthesis with a zh-CN neural voice, as a 16 kHz mono WAV. */
export function createAzureTextToSpeech(options: AzureSpeechOptions): TextToSpeech {
  const timeoutMs = options.timeoutMs ?? 4000;
  return {
    provider,
    description: `${describe(options)}，${options.voice ?? 'zh-CN-XiaoxiaoNeural'}`,
    synthesize(text) {
      // No audio config: the SDK hands the audio back instead of playing it.
      const synthesizer = new sdk.SpeechSynthesizer(speechConfig(options), null as unknown as sdk.AudioConfig);
      const work = new Promise<SynthesisedAudio>((resolve, reject) => {
        synthesizer.speakTextAsync(
          text,
          (result) => {
            if (result.reason === sdk.ResultReason.SynthesizingAudioCompleted) {
              resolve({ contentType: 'audio/wav', audio: Buffer.from(result.audioData) });
              return;
            }
            const details = sdk.CancellationDetails.fromResult(result);
            reject(failure(details.ErrorCode, details.errorDetails, true));
          },
          (details) => reject(failure(sdk.CancellationErrorCode.ConnectionFailure, details, true)),
        );
      });
      return withDeadline(work, timeoutMs, () => speechServiceError('slow', provider, new Error('synthesis timed out'), true)).finally(() =>
        synthesizer.close(),
      );
    },
    async close() {},
  };
}
