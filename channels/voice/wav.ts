import { AppError } from '../../common';

/** The one audio format the voice channel accepts and sends on: 16 kHz, mono, 16-bit little-endian PCM. */
export const speechSampleRate = 16_000;
export const bytesPerSecond = speechSampleRate * 2;

export interface WavAudio {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** 1 is integer PCM. */
  format: number;
  pcm: Buffer;
}

/** Reads a RIFF/WAVE file's fmt and data chunks; undefined when the bytes are not a WAV file. */
export function readWav(bytes: Buffer): WavAudio | undefined {
  if (bytes.length < 12 || bytes.toString('ascii', 0, 4) !== 'RIFF' || bytes.toString('ascii', 8, 12) !== 'WAVE') return undefined;
  let offset = 12;
  let format: Omit<WavAudio, 'pcm'> | undefined;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= bytes.length) {
      format = {
        format: bytes.readUInt16LE(body),
        channels: bytes.readUInt16LE(body + 2),
        sampleRate: bytes.readUInt32LE(body + 4),
        bitsPerSample: bytes.readUInt16LE(body + 14),
      };
    } else if (id === 'data' && format) {
      // Streamed WAV files (sox to a pipe, the Azure SDK's header) declare a size they could not know: read to the end.
      const end = size === 0 || size === 0xffffffff || body + size > bytes.length ? bytes.length : body + size;
      return { ...format, pcm: bytes.subarray(body, end) };
    }
    offset = body + size + (size % 2);
  }
  return undefined;
}

/** Whether the audio is the speech format (16 kHz mono 16-bit PCM). */
export const isSpeechFormat = (audio: Omit<WavAudio, 'pcm'>): boolean =>
  audio.format === 1 && audio.channels === 1 && audio.sampleRate === speechSampleRate && audio.bitsPerSample === 16;

/** The PCM of a WAV file in the speech format, or a Chinese error saying what is wrong with it. */
export function speechPcmFromWav(bytes: Buffer): Buffer {
  const audio = readWav(bytes);
  if (!audio) throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请上传 WAV 格式的录音（16 kHz、单声道、16 位 PCM）。');
  if (!isSpeechFormat(audio)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '录音格式不对：需要 16 kHz、单声道、16 位 PCM 的 WAV。', {
      details: { sampleRate: audio.sampleRate, channels: audio.channels, bitsPerSample: audio.bitsPerSample, format: audio.format },
    });
  }
  return audio.pcm;
}

/** A WAV file around 16 kHz mono 16-bit PCM. */
export function wavFromPcm(pcm: Buffer, sampleRate = speechSampleRate): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + pcm.length, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(pcm.length, 40);
  return Buffer.concat([header, pcm]);
}

/** Root mean square of 16-bit samples, 0–32768: how loud the audio is. */
export function pcmLoudness(pcm: Buffer): number {
  const samples = Math.floor(pcm.length / 2);
  if (samples === 0) return 0;
  let sum = 0;
  for (let index = 0; index < samples; index += 1) {
    const sample = pcm.readInt16LE(index * 2);
    sum += sample * sample;
  }
  return Math.sqrt(sum / samples);
}
