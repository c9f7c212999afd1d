import { readWav } from './wav';
import { speechTexts } from './speech-errors';
import type { SpeechContractServer } from './speech-contract-server';
import type { RecognitionStream, SpeechToText } from './speech-types';
import { silentWav, spokenWav } from '../../tests/support/spoken-wav';

interface SpeechToTextSetup {
  server: SpeechContractServer;
  speechToText: SpeechToText;
}

/** Sends PCM as the browser does, in 100 ms chunks, here ten times faster than real time. */
async function streamPaced(speechToText: SpeechToText, wav: Buffer, partials: string[]): Promise<RecognitionStream> {
  const recognition = speechToText.start({ onPartial: (text) => partials.push(text) });
  const { pcm } = readWav(wav)!;
  for (let offset = 0; offset < pcm.length; offset += 3200) {
    recognition.write(pcm.subarray(offset, offset + 3200));
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return recognition;
}

/** All at once: for the failures, where pacing proves nothing. */
function stream(speechToText: SpeechToText, wav: Buffer): RecognitionStream {
  const recognition = speechToText.start();
  const { pcm } = readWav(wav)!;
  for (let offset = 0; offset < pcm.length; offset += 3200) recognition.write(pcm.subarray(offset, offset + 3200));
  return recognition;
}

const timed = async <T>(work: () => Promise<T>) => {
  const started = Date.now();
  const outcome = await work().then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error: error as Error }),
  );
  return { ...outcome, elapsedMs: Date.now() - started };
};

/**
 * The behaviour every SpeechToText must have, run against each provider's fake server. The audio is real
 * speech: Chinese questions spoken by espeak-ng.
 */
export function describeSpeechToTextContract(name: string, setup: () => Promise<SpeechToTextSetup>): void {
  describe(`SpeechToText contract: ${name}`, () => {
    let context: SpeechToTextSetup;
    beforeAll(async () => {
      context = await setup();
    });
    afterAll(async () => {
      await context.speechToText.close();
      await context.server.close();
    });
    beforeEach(() => {
      context.server.mode = 'normal';
      context.server.transcript = '住房公积金怎么提取？';
    });

    it('streams spoken Chinese as 16 kHz mono PCM, reports partial text, then the final text', async () => {
      const partials: string[] = [];
      const recognition = await streamPaced(context.speechToText, spokenWav('住房公积金怎么提取'), partials);
      const text = await recognition.end();
      expect(text).toBe('住房公积金怎么提取？');
      expect(partials.length).toBeGreaterThan(0);
      expect('住房公积金怎么提取？'.startsWith(partials[0]!.slice(0, 2))).toBe(true);
      const last = context.server.received().at(-1)!;
      expect(last).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16, loud: true });
    });

    it('says it did not hear anything for silence', async () => {
      const { error } = await timed(() => stream(context.speechToText, silentWav(1.5)).end());
      expect(error?.message).toBe(speechTexts.notHeard);
    });

    it('turns a refusal (401) into a plain Chinese message', async () => {
      context.server.mode = 'refuse';
      const { error, elapsedMs } = await timed(() => stream(context.speechToText, spokenWav('住房公积金怎么提取')).end());
      expect(error?.message).toBe(speechTexts.refused);
      expect(elapsedMs).toBeLessThan(5000);
    });

    it('says the service is busy when it answers 429', async () => {
      context.server.mode = 'busy';
      const { error, elapsedMs } = await timed(() => stream(context.speechToText, spokenWav('住房公积金怎么提取')).end());
      expect(error?.message).toBe(speechTexts.busy);
      expect(elapsedMs).toBeLessThan(5000);
    });

    it('gives up on a service that never answers within 5 s', async () => {
      context.server.mode = 'silent';
      const { error, elapsedMs } = await timed(() => stream(context.speechToText, spokenWav('住房公积金怎么提取')).end());
      expect([speechTexts.slow, speechTexts.unreachable]).toContain(error?.message);
      expect(elapsedMs).toBeLessThan(5000);
    });

    it('reports a connection dropped mid-stream as unreachable, and recognises again afterwards', async () => {
      context.server.mode = 'close';
      const { error, elapsedMs } = await timed(() => stream(context.speechToText, spokenWav('住房公积金怎么提取')).end());
      expect(error?.message).toBe(speechTexts.unreachable);
      expect(elapsedMs).toBeLessThan(5000);
      context.server.mode = 'normal';
      await expect(stream(context.speechToText, spokenWav('住房公积金怎么提取')).end()).resolves.toBe('住房公积金怎么提取？');
    });
  });
}
