import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pcmWav } from '../support/spoken-wav';

/**
 * An OpenAI-compatible audio server on 127.0.0.1 (what whisper, SenseVoice or CosyVoice servers offer):
 * POST /v1/audio/transcriptions takes a multipart WAV file, checks it is 16 kHz mono 16-bit PCM and answers
 * `{text}` with its script (empty for quiet audio, as a real recogniser hears nothing); POST /v1/audio/speech
 * answers a WAV file. `mode` makes it refuse (401), be busy (429), never answer, or drop the connection.
 */
export interface FakeOpenAiAudioServer {
  baseUrl: string;
  apiKey: string;
  transcript: string;
  mode: 'normal' | 'refuse' | 'busy' | 'silent' | 'close';
  transcriptions: {
    model: string;
    language: string | null;
    sampleRate: number;
    channels: number;
    bitsPerSample: number;
    audioBytes: number;
    loud: boolean;
  }[];
  speeches: { model: string; voice: string; input: string; response_format?: string }[];
  close(): Promise<void>;
}

function loudness(pcm: Buffer): number {
  let sum = 0;
  const samples = Math.floor(pcm.length / 2);
  for (let index = 0; index < samples; index += 1) sum += pcm.readInt16LE(index * 2) ** 2;
  return samples === 0 ? 0 : Math.sqrt(sum / samples);
}

const json = (response: http.ServerResponse, status: number, body: unknown) =>
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));

export async function startFakeOpenAiAudioServer(options: { transcript?: string; apiKey?: string } = {}): Promise<FakeOpenAiAudioServer> {
  const state: FakeOpenAiAudioServer = {
    baseUrl: '',
    apiKey: options.apiKey ?? 'fake-speech-key',
    transcript: options.transcript ?? '',
    mode: 'normal',
    transcriptions: [],
    speeches: [],
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
  const synthesisPcm = Buffer.from(
    Int16Array.from({ length: 8000 }, (_value, index) => Math.round(3000 * Math.sin((2 * Math.PI * 330 * index) / 16_000))).buffer,
  );

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      void (async () => {
        if (state.mode === 'silent') return;
        if (state.mode === 'close') {
          request.socket.destroy();
          return;
        }
        if (state.mode === 'refuse' || request.headers.authorization !== `Bearer ${state.apiKey}`) {
          json(response, 401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } });
          return;
        }
        if (state.mode === 'busy') {
          json(response, 429, { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } });
          return;
        }
        const body = Buffer.concat(chunks);
        if (request.method === 'POST' && request.url === '/v1/audio/transcriptions') {
          const form = await new Response(body, { headers: { 'content-type': request.headers['content-type'] ?? '' } }).formData();
          const file = form.get('file');
          if (!(file instanceof Blob)) {
            json(response, 400, { error: { message: 'file is required' } });
            return;
          }
          const wav = Buffer.from(await file.arrayBuffer());
          if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') {
            json(response, 400, { error: { message: 'not a WAV file' } });
            return;
          }
          const format = { channels: wav.readUInt16LE(22), sampleRate: wav.readUInt32LE(24), bitsPerSample: wav.readUInt16LE(34) };
          const pcm = wav.subarray(44);
          const loud = loudness(pcm) > 300;
          state.transcriptions.push({
            model: String(form.get('model')),
            language: form.get('language') as string | null,
            ...format,
            audioBytes: pcm.length,
            loud,
          });
          const valid = format.sampleRate === 16_000 && format.channels === 1 && format.bitsPerSample === 16;
          if (!valid) json(response, 400, { error: { message: 'expected 16 kHz mono 16-bit PCM' } });
          else json(response, 200, { text: loud ? state.transcript : '' });
          return;
        }
        if (request.method === 'POST' && request.url === '/v1/audio/speech') {
          state.speeches.push(JSON.parse(body.toString('utf8')) as FakeOpenAiAudioServer['speeches'][number]);
          response.writeHead(200, { 'Content-Type': 'audio/wav' }).end(pcmWav(synthesisPcm));
          return;
        }
        if (request.method === 'GET' && request.url === '/v1/models') json(response, 200, { object: 'list', data: [] });
        else json(response, 404, { error: { message: 'not found' } });
      })();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return state;
}
