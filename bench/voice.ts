/**
 * The voice pipeline's own cost, with each speech provider's fake answering at once: the real app (PGlite, demo
 * data, the housing-fund regulation, offline model, the services of server/services.ts) on 127.0.0.1, real
 * socket.io clients streaming an espeak-ng recording of a question as the widget does. For each utterance it
 * times end of speech (`audio:end` sent) → final text (`audio:final`) → first answer text (`answer:delta` of
 * the final text sent as the message). Prints p50/p95/max per run and the medians of the runs, then the heap
 * held per concurrent open stream (10 s of audio each, not yet ended).
 *
 *   npm run bench:voice [-- --runs 3] [--utterances 15] [--concurrency 1] [--streams 50]
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import { chatNamespace, speechAudioFormat } from '../common';
import { percentile } from '../scripts/retrieval/retrieval-metrics';
import { option } from '../scripts/support/command-line';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';
import { createLogger } from '../server/logger';
import { buildAppDependencies, openKnowledgeFor, openServices, seedIfEmpty } from '../server/services';
import { startFakeAzureSpeechServer } from '../tests/fakes/fake-azure-speech-server';
import { startFakeOpenAiAudioServer } from '../tests/fakes/fake-openai-audio-server';
import { visitorCookie } from '../tests/support/chat-client';
import { spokenWav } from '../tests/support/spoken-wav';

const print = (line: string) => process.stdout.write(`${line}\n`);
const median = (values: number[]) => percentile(values, 0.5);
const question = '住房公积金在什么情况下可以提取？';
const housingFundRegulation = path.resolve(__dirname, '../data/demo/knowledge/laws/住房公积金管理条例(2019-03-24).md');

const connect = async (url: string): Promise<Socket> => {
  const cookie = await visitorCookie(url);
  const socket = io(`${url}${chatNamespace}`, { forceNew: true, reconnection: false, transports: ['websocket'], extraHeaders: { cookie } });
  await new Promise<void>((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
};

/**
 * One utterance: streams `pcm` in 100 ms chunks at the pace a microphone produces them, then times end of
 * speech → final text → first answer text. (Sent all at once, the Azure SDK would still be uploading at
 * audio:end, which no person speaking can cause.)
 */
async function timeUtterance(socket: Socket, pcm: Buffer): Promise<{ toFinal: number; toFirstText: number }> {
  let endedAt = 0;
  const result = new Promise<{ toFinal: number; toFirstText: number }>((resolve, reject) => {
    socket.once('audio:error', (error: { message: string }) => reject(new Error(error.message)));
    socket.once('audio:final', ({ text }: { text: string }) => {
      const finalAt = performance.now();
      socket.once('answer:delta', () => resolve({ toFinal: finalAt - endedAt, toFirstText: performance.now() - endedAt }));
      socket.emit('message', { text });
    });
  });
  socket.emit('audio:start', speechAudioFormat);
  const started = performance.now();
  for (let offset = 0, chunk = 0; offset < pcm.length; offset += 3200, chunk += 1) {
    const due = started + chunk * 100 - performance.now();
    if (due > 0) await new Promise((resolve) => setTimeout(resolve, due));
    socket.emit('audio:chunk', pcm.subarray(offset, offset + 3200));
  }
  endedAt = performance.now();
  socket.emit('audio:end');
  return result;
}

const waitForAnswerDone = (socket: Socket) => new Promise<void>((resolve) => socket.once('answer:done', () => resolve()));

async function benchProvider(
  name: string,
  environment: Record<string, string>,
  options: { runs: number; utterances: number; streams: number; concurrency: number },
) {
  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-bench-voice-'));
  const config = loadConfig({
    DATA_DIR: dataDirectory,
    VECTOR_STORE: 'off',
    LOG_LEVEL: 'silent',
    API_RATE_LIMIT_PER_MINUTE: '0',
    SPEECH_UTTERANCES_PER_MINUTE: '1000',
    ...environment,
  });
  const logger = createLogger('silent');
  const services = await openServices(config);
  const knowledge = await openKnowledgeFor(services, logger);
  const server = http.createServer();
  let dependencies: Awaited<ReturnType<typeof buildAppDependencies>> | undefined;
  try {
    await seedIfEmpty(services, logger);
    await knowledge.ingester.ingestPaths([housingFundRegulation]);
    dependencies = await buildAppDependencies(services, logger, knowledge);
    server.on('request', createApp(dependencies));
    dependencies.realtime.attach(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const pcm = spokenWav('住房公积金在什么情况下可以提取').subarray(44);

    const p95s: number[] = [];
    const p50s: number[] = [];
    for (let run = 1; run <= options.runs; run += 1) {
      const toFirstText: number[] = [];
      const toFinal: number[] = [];
      // `concurrency` visitors speak at the same time, each a new visitor per utterance (the chat allows 12
      // questions per visitor per minute).
      let next = 0;
      const speaker = async () => {
        while (next < options.utterances) {
          next += 1;
          const socket = await connect(url);
          const done = waitForAnswerDone(socket);
          const timing = await timeUtterance(socket, pcm);
          await done;
          socket.disconnect();
          toFirstText.push(timing.toFirstText);
          toFinal.push(timing.toFinal);
        }
      };
      await Promise.all(Array.from({ length: options.concurrency }, speaker));
      const p50 = percentile(toFirstText, 0.5);
      const p95 = percentile(toFirstText, 0.95);
      p50s.push(p50);
      p95s.push(p95);
      print(
        `${name} run ${run}: end of speech → first answer text p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...toFirstText).toFixed(1)} ms` +
          ` (→ final text p50 ${percentile(toFinal, 0.5).toFixed(1)} ms, p95 ${percentile(toFinal, 0.95).toFixed(1)} ms; ${options.utterances} utterances, ${options.concurrency} at a time)`,
      );
    }
    print(`${name} median of ${options.runs} runs: p50 ${median(p50s).toFixed(1)} ms, p95 ${median(p95s).toFixed(1)} ms`);

    // Memory: open streams still being spoken (10 s of audio each, no audio:end yet), measured as what closing
    // them frees, so the clients' own sockets (in this process too) and earlier garbage do not count.
    const sockets = await Promise.all(Array.from({ length: options.streams }, () => connect(url)));
    const gc = (globalThis as { gc?: () => void }).gc;
    const used = () => {
      gc?.();
      gc?.();
      const usage = process.memoryUsage();
      return usage.heapUsed + usage.arrayBuffers;
    };
    const tenSeconds = Buffer.concat([pcm, pcm, pcm]).subarray(0, 10 * 32_000);
    for (const socket of sockets) {
      socket.emit('audio:start', speechAudioFormat);
      for (let offset = 0; offset < tenSeconds.length; offset += 3200)
        socket.emit('audio:chunk', tenSeconds.subarray(offset, offset + 3200));
    }
    while (dependencies.voiceStreams.activeStreams() < options.streams) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const open = used();
    sockets.forEach((socket) => socket.disconnect());
    while (dependencies.voiceStreams.activeStreams() > 0) await new Promise((resolve) => setTimeout(resolve, 100));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const closed = used();
    const perStream = (open - closed) / options.streams / 1024;
    print(
      `${name}: ${options.streams} concurrent open streams of 10 s hold ${((open - closed) / 1024 / 1024).toFixed(1)} MB, ${perStream.toFixed(0)} KB per stream` +
        ` (heap + array buffers freed when they close; 10 s of 16 kHz PCM is 313 KB${gc ? '' : '; run without --expose-gc'})`,
    );
  } finally {
    await dependencies?.realtime.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await knowledge.close();
    await services.close();
    fs.rmSync(dataDirectory, { recursive: true, force: true });
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const options = {
    runs: Number(option(argv, '--runs') ?? 3),
    utterances: Number(option(argv, '--utterances') ?? 15),
    streams: Number(option(argv, '--streams') ?? 50),
    concurrency: Number(option(argv, '--concurrency') ?? 1),
  };
  const openai = await startFakeOpenAiAudioServer({ transcript: question });
  const azure = await startFakeAzureSpeechServer({ transcript: question });
  try {
    await benchProvider('openai', { SPEECH_PROVIDER: 'openai', SPEECH_BASE_URL: openai.baseUrl, SPEECH_API_KEY: openai.apiKey }, options);
    await benchProvider('azure', { SPEECH_PROVIDER: 'azure', AZURE_SPEECH_HOST: azure.host, AZURE_SPEECH_KEY: azure.key }, options);
  } finally {
    await openai.close();
    await azure.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
