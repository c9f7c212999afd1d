import type { Socket } from 'socket.io';
import { z } from 'zod';
import { AppError, createRateLimiter, messageForPerson, speechAudioFormat } from '../../common';
import type { ChatClientEvents, ChatServerEvents } from '../../common';
import { notConfiguredError } from './speech-errors';
import type { RecognitionStream, SpeechToText } from './speech-types';
import { maxChunkBytes, maxUtteranceBytes, maxUtteranceSeconds } from './voice-limits';
import { wavFromPcm } from './wav';

export interface VoiceStreamDependencies {
  /** The configured recogniser; absent when no speech service is configured. */
  speechToText: SpeechToText | undefined;
  /** Utterances one visitor may start per minute (all their sockets together). */
  utterancesPerMinute?: number;
  /** Called with each recognised utterance when SPEECH_KEEP_AUDIO=true; otherwise audio is never stored. */
  keepAudio?: ((wav: Buffer, text: string) => Promise<void>) | undefined;
  logger?: { error(object: object, message: string): void };
  /** For tests: a shorter limit than 60 s / 2 MB. */
  maxBytes?: number;
}

type ChatSocket = Socket<ChatClientEvents, ChatServerEvents>;

const startSchema = z.object({
  sampleRate: z.literal(speechAudioFormat.sampleRate),
  channels: z.literal(speechAudioFormat.channels),
  encoding: z.literal(speechAudioFormat.encoding),
});

interface Utterance {
  recognition: RecognitionStream;
  bytes: number;
  kept: Buffer[];
  ending: boolean;
  failed: boolean;
  timer: NodeJS.Timeout;
}

const pcmOf = (data: unknown): Buffer | undefined => {
  if (Buffer.isBuffer(data)) return data;
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
};

/**
 * Spoken questions over the chat socket: `audio:start` (the format), binary `audio:chunk`s, `audio:end`. The
 * recogniser's partial text goes back as `audio:partial`, the final text as `audio:final`; the widget puts it
 * in the text box for the person to send. One utterance at a time per socket, 60 s / 2 MB at most (the
 * recogniser gets what fits, then the utterance ends as if the person had stopped), a per-visitor rate.
 */
export function createVoiceStreams(deps: VoiceStreamDependencies) {
  const limiter = createRateLimiter({ limit: deps.utterancesPerMinute ?? 10, windowMs: 60_000, maxKeys: 50_000 });
  const maxBytes = deps.maxBytes ?? maxUtteranceBytes;
  let activeStreams = 0;

  function attach(socket: ChatSocket, userId: string): void {
    let current: Utterance | undefined;
    const fail = (error: unknown): void => {
      socket.emit('audio:error', messageForPerson(error));
    };

    const release = (utterance: Utterance) => {
      clearTimeout(utterance.timer);
      if (current === utterance) {
        current = undefined;
        activeStreams -= 1;
      }
    };

    const finish = (utterance: Utterance) => {
      if (utterance.ending) return;
      utterance.ending = true;
      utterance.recognition
        .end()
        .then(async (text) => {
          if (utterance.failed) return;
          // Free the socket first: the person may speak again as soon as the text is shown.
          release(utterance);
          socket.emit('audio:final', { text });
          if (deps.keepAudio) await deps.keepAudio(wavFromPcm(Buffer.concat(utterance.kept)), text);
        })
        .catch((error: unknown) => {
          if (utterance.failed) return;
          deps.logger?.error({ err: error, socketId: socket.id }, 'speech recognition failed');
          fail(error);
        })
        .finally(() => release(utterance));
    };

    socket.on('audio:start', (payload: unknown) => {
      if (current) return fail(new AppError('CONFLICT', '上一段语音还没有结束，请稍等。'));
      if (!deps.speechToText) return fail(notConfiguredError());
      if (!startSchema.safeParse(payload).success) {
        return fail(new AppError('UNSUPPORTED_MEDIA_TYPE', '录音格式不对：需要 16 kHz、单声道、16 位 PCM。'));
      }
      if (!limiter.hit(userId).allowed) return fail(new AppError('RATE_LIMITED', '您说得太频繁了，请稍等一会儿再试。'));
      const utterance: Utterance = {
        bytes: 0,
        kept: [],
        ending: false,
        failed: false,
        // A widget that never says `audio:end` (a closed laptop lid) still gets its answer after the limit.
        timer: setTimeout(() => finish(utterance), (maxUtteranceSeconds + 5) * 1000),
        recognition: deps.speechToText.start({
          onPartial: (text) => {
            if (!utterance.ending && !utterance.failed) socket.emit('audio:partial', { text });
          },
          onError: (error) => {
            if (utterance.failed) return;
            utterance.failed = true;
            deps.logger?.error({ err: error, socketId: socket.id }, 'speech recognition failed');
            fail(error);
            release(utterance);
          },
        }),
      };
      current = utterance;
      activeStreams += 1;
    });

    socket.on('audio:chunk', (data: unknown) => {
      const utterance = current;
      if (!utterance || utterance.ending) return;
      const pcm = pcmOf(data);
      if (!pcm || pcm.length % 2 !== 0 || pcm.length > maxChunkBytes) {
        utterance.failed = true;
        utterance.recognition.abort();
        release(utterance);
        return fail(new AppError('UNSUPPORTED_MEDIA_TYPE', '录音格式不对：需要 16 kHz、单声道、16 位 PCM。'));
      }
      const room = maxBytes - utterance.bytes;
      const accepted = pcm.length > room ? pcm.subarray(0, room - (room % 2)) : pcm;
      utterance.bytes += accepted.length;
      if (deps.keepAudio) utterance.kept.push(accepted);
      if (accepted.length > 0) utterance.recognition.write(accepted);
      if (utterance.bytes >= maxBytes) finish(utterance);
    });

    socket.on('audio:end', () => {
      if (current) finish(current);
    });

    socket.on('disconnect', () => {
      if (!current) return;
      current.failed = true;
      current.recognition.abort();
      release(current);
    });
  }

  return {
    attach,
    /** Utterances being recognised now (for the benchmark's memory per stream). */
    activeStreams: () => activeStreams,
  };
}

export type VoiceStreams = ReturnType<typeof createVoiceStreams>;
