import { startFakeAzureSpeechServer } from '../../tests/fakes/fake-azure-speech-server';
import { createAzureSpeechToText, createAzureTextToSpeech } from './azure-speech';
import { describeSpeechToTextContract } from './speech-to-text.contract';
import { describeTextToSpeechContract } from './text-to-speech.contract';

// The real SDK against a local server speaking its websocket protocol (the on-premises container mode).
describeSpeechToTextContract('Azure Speech SDK', async () => {
  const fake = await startFakeAzureSpeechServer();
  return {
    server: Object.assign(fake, { received: () => fake.recognitions }),
    speechToText: createAzureSpeechToText({ host: fake.host, key: fake.key }),
  };
});

describeTextToSpeechContract('Azure Speech SDK', async () => {
  const fake = await startFakeAzureSpeechServer();
  return {
    server: Object.assign(fake, { received: () => fake.recognitions, synthesisTexts: () => fake.syntheses }),
    textToSpeech: createAzureTextToSpeech({ host: fake.host, key: fake.key }),
  };
});
