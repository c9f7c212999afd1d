import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

/**
 * Azure Speech's websocket protocol on 127.0.0.1, as the real `microsoft-cognitiveservices-speech-sdk` speaks
 * it to an on-premises container (`SpeechConfig.fromHost('ws://127.0.0.1:PORT')`). Text frames are headers
 * (`Path`, `X-RequestId`, `Content-Type`), a blank line and a body; binary frames start with a 2-byte
 * big-endian header length, then the headers, then the audio.
 *
 * Recognition: the client sends `speech.config`, `speech.context`, then `audio` frames (the first carries the
 * WAV header of the stream, an empty one ends it). The fake checks the header is 16 kHz mono 16-bit PCM,
 * answers `turn.start`, `speech.startDetected`, a `speech.hypothesis` with a growing prefix of its script per
 * half second of audio, and at the end `speech.endDetected`, `speech.phrase` (the script, or
 * `InitialSilenceTimeout` for quiet audio) and `turn.end`.
 * Synthesis: `speech.config`, `synthesis.context`, `ssml` in; `turn.start`, `response` (the stream id),
 * binary `audio` frames of 16 kHz PCM and `turn.end` out.
 */
export interface FakeAzureSpeechServer {
  host: string;
  key: string;
  /** The text every recognition returns. */
  transcript: string;
  /** What each recognition received. */
  recognitions: { sampleRate: number; channels: number; bitsPerSample: number; audioBytes: number; loud: boolean }[];
  /** The SSML of each synthesis. */
  syntheses: string[];
  /** `normal`; `close` drops the connection after the first audio; `silent` never answers; `refuse` and `busy` reject the handshake with 401 and 429. */
  mode: 'normal' | 'close' | 'silent' | 'refuse' | 'busy';
  /** The PCM every synthesis returns. */
  synthesisPcm: Buffer;
  close(): Promise<void>;
}

interface Frame {
  headers: Record<string, string>;
  body: Buffer;
}

function parseFrame(data: RawData, isBinary: boolean): Frame {
  const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
  let headerText: string;
  let body: Buffer;
  if (isBinary) {
    const headerLength = bytes.readUInt16BE(0);
    headerText = bytes.toString('ascii', 2, 2 + headerLength);
    body = bytes.subarray(2 + headerLength);
  } else {
    const text = bytes.toString('utf8');
    const split = text.indexOf('\r\n\r\n');
    headerText = split < 0 ? text : text.slice(0, split);
    body = Buffer.from(split < 0 ? '' : text.slice(split + 4), 'utf8');
  }
  const headers: Record<string, string> = {};
  for (const line of headerText.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

const headerLines = (path: string, requestId: string, contentType?: string, streamId?: string) =>
  [
    `X-RequestId: ${requestId}`,
    `Path: ${path}`,
    `X-Timestamp: ${new Date().toISOString()}`,
    ...(contentType ? [`Content-Type: ${contentType}`] : []),
    ...(streamId ? [`X-StreamId: ${streamId}`] : []),
  ].join('\r\n') + '\r\n';

function sendText(socket: WebSocket, path: string, requestId: string, body: object) {
  socket.send(`${headerLines(path, requestId, 'application/json; charset=utf-8')}\r\n${JSON.stringify(body)}`);
}

function sendAudio(socket: WebSocket, requestId: string, streamId: string, pcm: Buffer) {
  const headers = Buffer.from(headerLines('audio', requestId, 'audio/x-wav', streamId), 'ascii');
  const prefix = Buffer.alloc(2);
  prefix.writeUInt16BE(headers.length);
  socket.send(Buffer.concat([prefix, headers, pcm]));
}

/** 100-ns ticks, the unit of Azure's Offset and Duration. */
const ticks = (audioBytes: number) => Math.round((audioBytes / 32_000) * 10_000_000);

function loudness(pcm: Buffer): number {
  let sum = 0;
  const samples = Math.floor(pcm.length / 2);
  for (let index = 0; index < samples; index += 1) sum += pcm.readInt16LE(index * 2) ** 2;
  return samples === 0 ? 0 : Math.sqrt(sum / samples);
}

export async function startFakeAzureSpeechServer(options: { transcript?: string; key?: string } = {}): Promise<FakeAzureSpeechServer> {
  const httpServer = http.createServer((_request, response) => response.writeHead(404).end());
  const webSockets = new WebSocketServer({ noServer: true });
  const state: FakeAzureSpeechServer = {
    host: '',
    key: options.key ?? 'fake-azure-key',
    transcript: options.transcript ?? '',
    recognitions: [],
    syntheses: [],
    mode: 'normal',
    // Half a second of a quiet 440 Hz tone: recognisable audio without a speech engine.
    synthesisPcm: Buffer.from(
      Int16Array.from({ length: 8000 }, (_value, index) => Math.round(3000 * Math.sin((2 * Math.PI * 440 * index) / 16_000))).buffer,
    ),
    close: async () => {
      webSockets.clients.forEach((client) => client.terminate());
      httpServer.closeAllConnections();
      await new Promise((resolve) => httpServer.close(resolve));
    },
  };

  httpServer.on('upgrade', (request, socket, head) => {
    if (state.mode === 'busy') {
      socket.end('HTTP/1.1 429 Too Many Requests\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    if (state.mode === 'refuse' || request.headers['ocp-apim-subscription-key'] !== state.key) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
      return;
    }
    webSockets.handleUpgrade(request, socket, head, (client) => serve(client, request.url ?? '/'));
  });

  function serve(socket: WebSocket, url: string) {
    const recognition = url.includes('/speech/');
    let format: { sampleRate: number; channels: number; bitsPerSample: number } | undefined;
    let pcm: Buffer[] = [];
    let audioBytes = 0;
    let hypotheses = 0;
    socket.on('message', (data, isBinary) => {
      if (state.mode === 'silent') return;
      const frame = parseFrame(data, isBinary);
      const path = frame.headers.path?.toLowerCase();
      const requestId = frame.headers['x-requestid'] ?? '';
      if (recognition && path === 'audio') {
        if (!format) {
          // The first audio frame of a stream is its WAV header; a reconnecting client may send leftovers first.
          const header = frame.body;
          if (header.length < 44 || header.toString('ascii', 0, 4) !== 'RIFF') return;
          format = { channels: header.readUInt16LE(22), sampleRate: header.readUInt32LE(24), bitsPerSample: header.readUInt16LE(34) };
          sendText(socket, 'turn.start', requestId, { context: { serviceTag: randomUUID().replaceAll('-', '') } });
          sendText(socket, 'speech.startDetected', requestId, { Offset: 0 });
          return;
        }
        if (state.mode === 'close') {
          socket.terminate();
          return;
        }
        if (frame.body.length > 0) {
          pcm.push(frame.body);
          audioBytes += frame.body.length;
          const due = Math.floor(audioBytes / 16_000);
          if (due > hypotheses && state.transcript !== '') {
            hypotheses = due;
            const characters = [...state.transcript];
            const shown = characters.slice(0, Math.max(1, Math.min(characters.length - 1, hypotheses * 2))).join('');
            sendText(socket, 'speech.hypothesis', requestId, { Text: shown, Offset: 0, Duration: ticks(audioBytes) });
          }
          return;
        }
        const audio = Buffer.concat(pcm);
        const loud = loudness(audio) > 300;
        state.recognitions.push({ ...format, audioBytes, loud });
        const valid = format.sampleRate === 16_000 && format.channels === 1 && format.bitsPerSample === 16;
        sendText(socket, 'speech.endDetected', requestId, { Offset: ticks(audioBytes) });
        sendText(
          socket,
          'speech.phrase',
          requestId,
          valid && loud && state.transcript !== ''
            ? { RecognitionStatus: 'Success', DisplayText: state.transcript, Offset: 0, Duration: ticks(audioBytes) }
            : { RecognitionStatus: 'InitialSilenceTimeout', Offset: 0, Duration: ticks(audioBytes) },
        );
        sendText(socket, 'turn.end', requestId, {});
        format = undefined;
        pcm = [];
        audioBytes = 0;
        hypotheses = 0;
        return;
      }
      if (!recognition && path === 'ssml') {
        state.syntheses.push(frame.body.toString('utf8'));
        if (state.mode === 'close') {
          socket.terminate();
          return;
        }
        const streamId = randomUUID().replaceAll('-', '').toUpperCase();
        sendText(socket, 'turn.start', requestId, { context: { serviceTag: 'fake' } });
        sendText(socket, 'response', requestId, { context: { serviceTag: 'fake' }, audio: { type: 'inline', streamId } });
        for (let offset = 0; offset < state.synthesisPcm.length; offset += 3200) {
          sendAudio(socket, requestId, streamId, state.synthesisPcm.subarray(offset, offset + 3200));
        }
        sendText(socket, 'turn.end', requestId, {});
      }
    });
  }

  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  state.host = `ws://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  return state;
}
