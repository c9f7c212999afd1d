import fs from 'node:fs';
import path from 'node:path';
import { intents, type Intent } from './intents';

export interface Utterance {
  intent: Intent;
  text: string;
}

export const defaultUtterancesFile = path.join(__dirname, 'utterances.txt');

/** "intent<TAB>text" lines; # starts a comment. An unknown intent is an error in the set, not a new intent. */
export function readUtterances(file: string = defaultUtterancesFile): Utterance[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line, index) => {
      const [intent, text] = line.split('\t');
      if (!intent || !text || !(intents as readonly string[]).includes(intent)) throw new Error(`utterances line ${index + 1}: "${line}"`);
      return { intent: intent as Intent, text: text.trim() };
    });
}
