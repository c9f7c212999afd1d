import type { Socket } from 'socket.io-client';
import { speechAudioFormat, type AudioText, type ChatError } from '../../common';

export interface SpokenOutcome {
  partials: string[];
  final?: string;
  error?: ChatError;
  /** When `audio:end` was sent and when the final text (or error) came back, by `performance.now()`. */
  endedAt: number;
  answeredAt: number;
}

/** The PCM of a 16 kHz mono WAV file (its 44-byte header dropped, as the files here are written). */
export const pcmOfWav = (wav: Buffer): Buffer => wav.subarray(44);

/**
 * Speaks `pcm` over the chat socket as the widget does: `audio:start`, 100 ms binary `audio:chunk`s every
 * `paceMs`, `audio:end`; resolves with the partial texts and the final text or the error.
 */
export function speak(socket: Socket, pcm: Buffer, options: { paceMs?: number; format?: unknown } = {}): Promise<SpokenOutcome> {
  return new Promise((resolve) => {
    const partials: string[] = [];
    let endedAt = 0;
    const onPartial = ({ text }: AudioText) => partials.push(text);
    const finish = (outcome: { final?: string; error?: ChatError }) => {
      socket.off('audio:partial', onPartial);
      socket.off('audio:final', onFinal);
      socket.off('audio:error', onError);
      resolve({ partials, ...outcome, endedAt, answeredAt: performance.now() });
    };
    const onFinal = ({ text }: AudioText) => finish({ final: text });
    const onError = (error: ChatError) => finish({ error });
    socket.on('audio:partial', onPartial);
    socket.on('audio:final', onFinal);
    socket.on('audio:error', onError);
    socket.emit('audio:start', options.format ?? speechAudioFormat);
    void (async () => {
      for (let offset = 0; offset < pcm.length; offset += 3200) {
        socket.emit('audio:chunk', pcm.subarray(offset, offset + 3200));
        if (options.paceMs) await new Promise((wait) => setTimeout(wait, options.paceMs));
      }
      endedAt = performance.now();
      socket.emit('audio:end');
    })();
  });
}
