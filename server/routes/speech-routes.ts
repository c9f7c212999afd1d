import express, { type Express, type RequestHandler } from 'express';
import { z } from 'zod';
import { AppError, createRateLimiter, pcmCaptureWorkletPath, pcmCaptureWorkletSource } from '../../common';
import {
  maxUtteranceBytes,
  maxUtteranceSeconds,
  notConfiguredError,
  speechPcmFromWav,
  transcribeRecording,
  type SpeechServices,
} from '../../channels';
import type { ApiRouter } from '../api-router';

export interface SpeechRouteOptions {
  speech: SpeechServices;
  /** Utterances (and readings) one address may ask for per minute. */
  utterancesPerMinute: number;
  /** Called with each recognised recording when SPEECH_KEEP_AUDIO=true. */
  keepAudio?: ((wav: Buffer, text: string) => Promise<void>) | undefined;
}

const wavTypes = ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'];
const tooLong = `录音太长了：每段最多 ${maxUtteranceSeconds} 秒（2 MB），请分几次说。`;
// The WAV header and a few extra chunks on top of the PCM limit.
const wavLimitBytes = maxUtteranceBytes + 4096;

/** Reads a WAV body into `response.locals.audio`, leaving `request.body` empty for the shared validation. */
function wavBody(): RequestHandler {
  const parse = express.raw({ type: () => true, limit: wavLimitBytes });
  return (request, response, next) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (!wavTypes.includes(type)) {
      next(new AppError('UNSUPPORTED_MEDIA_TYPE', '请上传 WAV 格式的录音（Content-Type: audio/wav）。'));
      return;
    }
    parse(request, response, (error?: unknown) => {
      if (error) {
        const status = (error as { status?: number }).status;
        next(status === 413 ? new AppError('PAYLOAD_TOO_LARGE', tooLong, { cause: error }) : error);
        return;
      }
      response.locals.audio = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      request.body = {};
      next();
    });
  };
}

function rateLimit(limit: number): RequestHandler {
  const limiter = createRateLimiter({ limit, windowMs: 60_000, maxKeys: 50_000 });
  return (request, _response, next) => {
    const result = limiter.hit(request.ip ?? 'unknown');
    next(
      result.allowed
        ? undefined
        : new AppError('RATE_LIMITED', '您说得太频繁了，请稍等一会儿再试。', { retryAfterSeconds: result.retryAfterSeconds }),
    );
  };
}

/** Speech for other clients than the widget: a WAV in, its text out; text in, audio out. */
export function registerSpeechRoutes(api: ApiRouter, options: SpeechRouteOptions): void {
  const { speech } = options;
  const limited = rateLimit(options.utterancesPerMinute);

  api.add(
    {
      method: 'get',
      path: '/api/speech/status',
      summary: '语音功能是否开通：recognition 为 false 时麦克风提示未开通；synthesis 为 false 时朗读使用浏览器自带语音',
      tags: ['speech'],
      access: 'public',
      response: z.object({ provider: z.enum(['none', 'azure', 'openai']), recognition: z.boolean(), synthesis: z.boolean() }),
    },
    () => ({ provider: speech.provider, recognition: speech.speechToText !== undefined, synthesis: speech.textToSpeech !== undefined }),
  );

  api.add(
    {
      method: 'post',
      path: '/api/speech/transcribe',
      summary: `语音识别：请求体是一段 WAV 录音（audio/wav，16 kHz、单声道、16 位 PCM，最多 ${maxUtteranceSeconds} 秒、2 MB），返回识别出的文字`,
      tags: ['speech'],
      access: 'public',
      guards: [limited, wavBody()],
      response: z.object({ text: z.string() }),
      errors: [413, 415, 422, 503],
    },
    async ({ response }) => {
      const speechToText = speech.speechToText;
      if (!speechToText) throw notConfiguredError();
      const audio = response.locals.audio as Buffer;
      const pcm = speechPcmFromWav(audio);
      if (pcm.length > maxUtteranceBytes) throw new AppError('PAYLOAD_TOO_LARGE', tooLong);
      const text = await transcribeRecording(speechToText, pcm);
      if (options.keepAudio) await options.keepAudio(audio, text);
      return { text };
    },
  );

  api.add(
    {
      method: 'post',
      path: '/api/speech/synthesize',
      summary: '朗读：把一段文字（最多 500 字）合成为语音，返回音频（audio/wav 或 audio/mpeg）',
      tags: ['speech'],
      access: 'public',
      guards: [limited],
      body: z.object({
        text: z
          .string({ error: '请提供要朗读的文字' })
          .trim()
          .min(1, { error: '请提供要朗读的文字' })
          .max(500, { error: '要朗读的文字太长了，请控制在500字以内' }),
      }),
      response: z.string().describe('音频的二进制内容'),
      errors: [503],
    },
    async ({ body, response }) => {
      const textToSpeech = speech.textToSpeech;
      if (!textToSpeech) throw new AppError('SERVICE_UNAVAILABLE', '朗读服务没有开通，可以使用浏览器自带的朗读。');
      const result = await textToSpeech.synthesize(body.text);
      response.status(200).setHeader('Cache-Control', 'no-store').type(result.contentType).send(result.audio);
    },
  );
}

/**
 * The microphone's AudioWorklet (common/pcm-capture-worklet.ts) at one address for the widget and the console:
 * a worklet loads from a URL, and the CSP admits scripts from this origin only.
 */
export function serveCaptureWorklet(app: Express): void {
  app.get(pcmCaptureWorkletPath, (_request, response) => {
    response
      .status(200)
      .setHeader('Cross-Origin-Resource-Policy', 'cross-origin')
      .setHeader('Cache-Control', 'public, max-age=300, must-revalidate')
      .type('text/javascript')
      .send(pcmCaptureWorkletSource);
  });
}
