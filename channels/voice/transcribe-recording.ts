import type { SpeechToText } from './speech-types';

/** A whole recording (16 kHz mono 16-bit PCM) through the streaming recogniser, in the widget's 100 ms chunks. */
export function transcribeRecording(speechToText: SpeechToText, pcm: Buffer): Promise<string> {
  const recognition = speechToText.start();
  for (let offset = 0; offset < pcm.length; offset += 3200) recognition.write(pcm.subarray(offset, offset + 3200));
  return recognition.end();
}
