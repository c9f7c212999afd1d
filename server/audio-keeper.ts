import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * SPEECH_KEEP_AUDIO=true: each recognised utterance is written to DATA_DIR/audio as a WAV file beside a text
 * file of what was recognised (for checking recognition quality). Without it no audio touches the disk.
 */
export function createAudioKeeper(dataDirectory: string, logger: { error(object: object, message: string): void }) {
  const folder = path.join(dataDirectory, 'audio');
  return async (wav: Buffer, text: string): Promise<void> => {
    const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}`;
    try {
      await fs.mkdir(folder, { recursive: true });
      await fs.writeFile(path.join(folder, `${name}.wav`), wav);
      await fs.writeFile(path.join(folder, `${name}.txt`), `${text}\n`);
    } catch (error) {
      // Keeping audio is a diagnostic: a full disk must not cost the person their answer.
      logger.error({ err: error }, 'could not keep an utterance');
    }
  };
}
