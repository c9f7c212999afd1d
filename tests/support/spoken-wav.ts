import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const folder = path.join(os.tmpdir(), 'xiaoning-spoken-wav');

/**
 * A WAV file of `text` spoken in Mandarin by Debian's espeak-ng (voice cmn), resampled by sox to what the
 * microphone path produces: 16 kHz, mono, 16-bit PCM. Cached by text under the system's temporary folder.
 * `.ci/run` installs both tools.
 */
export function spokenWavFile(text: string, options: { sampleRate?: number; padSeconds?: number } = {}): string {
  const sampleRate = options.sampleRate ?? 16_000;
  const pad = options.padSeconds ?? 0;
  const name = createHash('sha256').update(`${text}|${sampleRate}|${pad}`).digest('hex').slice(0, 16);
  const file = path.join(folder, `${name}.wav`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(folder, { recursive: true });
  const raw = path.join(folder, `${name}.espeak.wav`);
  execFileSync('espeak-ng', ['-v', 'cmn', '-w', raw, text]);
  const padding = pad > 0 ? ['pad', '0', String(pad)] : [];
  execFileSync('sox', [raw, '-r', String(sampleRate), '-c', '1', '-b', '16', '-e', 'signed-integer', `${file}.part.wav`, ...padding]);
  fs.renameSync(`${file}.part.wav`, file);
  fs.rmSync(raw);
  return file;
}

export const spokenWav = (text: string): Buffer => fs.readFileSync(spokenWavFile(text));

/** 16 kHz mono 16-bit PCM in a WAV file, written here so the fakes do not trust the code they test. */
export function pcmWav(pcm: Buffer): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(16_000, 24);
  header.writeUInt32LE(32_000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

/** `seconds` of digital silence as a 16 kHz mono WAV. */
export const silentWav = (seconds: number): Buffer => pcmWav(Buffer.alloc(Math.round(seconds * 16_000) * 2));

/** `text` spoken by espeak-ng as a WeChat voice message is recorded: AMR-NB at 8 kHz (sox with libopencore). */
export function spokenAmr(text: string): Buffer {
  const file = `${spokenWavFile(text)}.amr`;
  if (!fs.existsSync(file)) execFileSync('sox', [spokenWavFile(text), '-r', '8000', '-c', '1', '-t', 'amr-nb', file]);
  return fs.readFileSync(file);
}
