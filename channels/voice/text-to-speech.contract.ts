import { readWav } from './wav';
import { speechTexts } from './speech-errors';
import type { SpeechContractServer } from './speech-contract-server';
import type { TextToSpeech } from './speech-types';

interface TextToSpeechSetup {
  server: SpeechContractServer & { synthesisTexts(): string[] };
  textToSpeech: TextToSpeech;
}

/** The behaviour every TextToSpeech must have, run against each provider's fake server. */
export function describeTextToSpeechContract(name: string, setup: () => Promise<TextToSpeechSetup>): void {
  describe(`TextToSpeech contract: ${name}`, () => {
    let context: TextToSpeechSetup;
    beforeAll(async () => {
      context = await setup();
    });
    afterAll(async () => {
      await context.textToSpeech.close();
      await context.server.close();
    });
    beforeEach(() => {
      context.server.mode = 'normal';
    });

    it('reads Chinese text aloud as a WAV file', async () => {
      const result = await context.textToSpeech.synthesize('住房公积金可以在购房时提取。');
      expect(result.contentType).toBe('audio/wav');
      const wav = readWav(result.audio);
      expect(wav?.pcm.length).toBeGreaterThan(1000);
      expect(context.server.synthesisTexts().at(-1)).toContain('住房公积金可以在购房时提取。');
    });

    it('turns a refusal into a plain Chinese message', async () => {
      context.server.mode = 'refuse';
      await expect(context.textToSpeech.synthesize('你好')).rejects.toThrow(speechTexts.synthesisFailed);
    });

    it('gives up on a service that never answers within 5 s', async () => {
      context.server.mode = 'silent';
      const started = Date.now();
      await expect(context.textToSpeech.synthesize('你好')).rejects.toThrow(speechTexts.synthesisFailed);
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });
}
