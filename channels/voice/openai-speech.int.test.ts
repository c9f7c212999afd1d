import { startFakeOpenAiAudioServer } from '../../tests/fakes/fake-openai-audio-server';
import { createOpenAiSpeechToText, createOpenAiTextToSpeech } from './openai-speech';
import { describeSpeechToTextContract } from './speech-to-text.contract';
import { describeTextToSpeechContract } from './text-to-speech.contract';

describeSpeechToTextContract('OpenAI-compatible audio endpoint', async () => {
  const fake = await startFakeOpenAiAudioServer();
  return {
    server: Object.assign(fake, { received: () => fake.transcriptions }),
    speechToText: createOpenAiSpeechToText({
      baseUrl: fake.baseUrl,
      apiKey: fake.apiKey,
      transcriptionModel: 'whisper-1',
      partialEveryMs: 1000,
    }),
  };
});

describeTextToSpeechContract('OpenAI-compatible audio endpoint', async () => {
  const fake = await startFakeOpenAiAudioServer();
  return {
    server: Object.assign(fake, { received: () => fake.transcriptions, synthesisTexts: () => fake.speeches.map((speech) => speech.input) }),
    textToSpeech: createOpenAiTextToSpeech({ baseUrl: fake.baseUrl, apiKey: fake.apiKey, speechModel: 'tts-1', voice: 'alloy' }),
  };
});
