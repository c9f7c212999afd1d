import { createAzureSpeechToText, createAzureTextToSpeech } from './azure-speech';
import { createOpenAiSpeechToText, createOpenAiTextToSpeech } from './openai-speech';
import type { SpeechToText, TextToSpeech } from './speech-types';

/** The speech settings of the config (SPEECH_PROVIDER and the provider's variables). */
export interface SpeechSettings {
  provider: 'none' | 'azure' | 'openai';
  azure: { key: string | undefined; region: string | undefined; host: string | undefined; voice: string };
  openai: {
    baseUrl: string | undefined;
    apiKey: string | undefined;
    transcriptionModel: string | undefined;
    speechModel: string | undefined;
    voice: string | undefined;
  };
}

export interface SpeechServices {
  provider: SpeechSettings['provider'];
  /** Absent without a provider: the microphone says voice is not configured. */
  speechToText: SpeechToText | undefined;
  /** Absent without a provider: 朗读 uses the browser's own speech synthesis. */
  textToSpeech: TextToSpeech | undefined;
}

/** The configured provider's recogniser and voice, or neither (SPEECH_PROVIDER=none). */
export function createSpeechServices(settings: SpeechSettings): SpeechServices {
  if (settings.provider === 'azure') {
    const options = { key: settings.azure.key, region: settings.azure.region, host: settings.azure.host, voice: settings.azure.voice };
    return { provider: 'azure', speechToText: createAzureSpeechToText(options), textToSpeech: createAzureTextToSpeech(options) };
  }
  if (settings.provider === 'openai' && settings.openai.baseUrl) {
    const options = {
      baseUrl: settings.openai.baseUrl,
      apiKey: settings.openai.apiKey,
      transcriptionModel: settings.openai.transcriptionModel,
      speechModel: settings.openai.speechModel,
      voice: settings.openai.voice,
    };
    return { provider: 'openai', speechToText: createOpenAiSpeechToText(options), textToSpeech: createOpenAiTextToSpeech(options) };
  }
  return { provider: 'none', speechToText: undefined, textToSpeech: undefined };
}
