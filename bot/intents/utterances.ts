import fs from 'node:fs';
import path from 'node:path';
import { intents, type Intent } from './intents';

export interface Utterance {
  intent: Intent;
  text: string;
}

/** The training sets: the first set, the everyday phrasings of issue 13, the framed ones (scripts/agent/write-utterances.ts), the officials' (issue 16), everyday life in the domain's nouns. */
export const trainingUtteranceFiles = [
  'utterances.txt',
  'utterances-everyday.txt',
  'utterances-framed.txt',
  'utterances-officials.txt',
  'utterances-daily-life.txt',
].map((name) => path.join(__dirname, name));
/** Written separately from the training sets, for evaluation only: never trained on. */
export const heldOutUtterancesFile = path.join(__dirname, 'held-out-utterances.txt');

/** "intent<TAB>text" lines; # starts a comment. An unknown intent is an error in the set, not a new intent. */
export function readUtterances(files: string | readonly string[] = trainingUtteranceFiles): Utterance[] {
  return (typeof files === 'string' ? [files] : files).flatMap((file) => readUtteranceFile(file));
}

function readUtteranceFile(file: string): Utterance[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line, index) => {
      const [intent, text] = line.split('\t');
      if (!intent || !text || !(intents as readonly string[]).includes(intent))
        throw new Error(`${path.basename(file)} line ${index + 1}: "${line}"`);
      return { intent: intent as Intent, text: text.trim() };
    });
}
