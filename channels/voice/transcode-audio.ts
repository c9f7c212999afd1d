import { spawn } from 'node:child_process';
import { AppError } from '../../common';
import { isSpeechFormat, readWav } from './wav';

export interface AudioTranscoderOptions {
  /** The sox program (Debian's `sox` reads AMR-NB and AMR-WB through libopencore). */
  command?: string;
  timeoutMs?: number;
  /** Largest decoded PCM accepted: 60 s of 16 kHz mono 16-bit. */
  maxPcmBytes?: number;
}

const unsupported = (reason: string, cause?: unknown) =>
  new AppError('UNSUPPORTED_MEDIA_TYPE', '这段语音的格式暂时无法识别，请直接打字。', { cause, details: { reason } });

/** Which sox input type the bytes are, by their magic number; undefined for what we do not decode. */
function soxTypeOf(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 9).toString('latin1') === '#!AMR-WB\n') return 'amr-wb';
  if (bytes.subarray(0, 6).toString('latin1') === '#!AMR\n') return 'amr-nb';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF') return 'wav';
  return undefined;
}

/**
 * Recordings other channels hand us (WeChat voice messages are AMR) turned into the speech format, 16 kHz
 * mono 16-bit PCM, by sox in a child process with a time and size limit. A WAV already in that format is
 * used as it is.
 */
export function createAudioTranscoder(options: AudioTranscoderOptions = {}) {
  const command = options.command ?? 'sox';
  const timeoutMs = options.timeoutMs ?? 3000;
  const maxPcmBytes = options.maxPcmBytes ?? 60 * 32_000;

  return {
    toSpeechPcm(bytes: Buffer): Promise<Buffer> {
      const wav = readWav(bytes);
      if (wav && isSpeechFormat(wav)) return Promise.resolve(wav.pcm.subarray(0, maxPcmBytes));
      const type = soxTypeOf(bytes);
      if (!type) return Promise.reject(unsupported('unknown audio format'));
      return new Promise((resolve, reject) => {
        const child = spawn(command, ['-t', type, '-', '-r', '16000', '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', '-'], {
          stdio: ['pipe', 'pipe', 'ignore'],
        });
        const chunks: Buffer[] = [];
        let size = 0;
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.stdout.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= maxPcmBytes) chunks.push(chunk);
        });
        child.on('error', (error) => {
          clearTimeout(timer);
          reject(unsupported(`${command} could not run`, error));
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          if (code === 0) resolve(Buffer.concat(chunks).subarray(0, maxPcmBytes));
          else reject(unsupported(`${command} exited with ${code ?? 'a signal'}`));
        });
        // A broken pipe (sox refused the input early) shows as its exit code.
        child.stdin.on('error', () => undefined);
        child.stdin.end(bytes);
      });
    },
  };
}

export type AudioTranscoder = ReturnType<typeof createAudioTranscoder>;
