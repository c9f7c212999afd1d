import { bytesPerSecond } from './wav';

/** Per utterance (issue 18): at most 60 s and 2 MB of 16 kHz mono 16-bit PCM, whichever comes first (60 s is 1.92 MB). */
export const maxUtteranceSeconds = 60;
export const maxUtteranceBytes = Math.min(2 * 1024 * 1024, maxUtteranceSeconds * bytesPerSecond);
/** One `audio:chunk`: the widget sends 100 ms (3,200 bytes); anything far larger is not a microphone. */
export const maxChunkBytes = 64 * 1024;
