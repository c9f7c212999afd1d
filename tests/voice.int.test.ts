import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startFakeAzureSpeechServer } from './fakes/fake-azure-speech-server';
import { startFakeOpenAiAudioServer } from './fakes/fake-openai-audio-server';
import { ask, connectChat, visitorCookie } from './support/chat-client';
import { pcmOfWav, speak } from './support/speak-to-chat';
import { pcmWav, silentWav, spokenWav } from './support/spoken-wav';
import { createTestApp } from './support/test-app';

jest.setTimeout(120_000);

const question = '住房公积金在什么情况下可以提取？';
const housingFundRegulation = path.resolve(__dirname, '../data/demo/knowledge/laws/住房公积金管理条例(2019-03-24).md');

interface FakeSpeech {
  environment: Record<string, string>;
  transcript: string;
  mode: string;
  received(): { sampleRate: number; channels: number; bitsPerSample: number; loud: boolean }[];
  close(): Promise<void>;
}

const providers: [string, () => Promise<FakeSpeech>][] = [
  [
    'azure',
    async () => {
      const fake = await startFakeAzureSpeechServer({ transcript: question });
      return Object.assign(fake, {
        environment: { SPEECH_PROVIDER: 'azure', AZURE_SPEECH_HOST: fake.host, AZURE_SPEECH_KEY: fake.key },
        received: () => fake.recognitions,
      });
    },
  ],
  [
    'openai',
    async () => {
      const fake = await startFakeOpenAiAudioServer({ transcript: question });
      return Object.assign(fake, {
        environment: { SPEECH_PROVIDER: 'openai', SPEECH_BASE_URL: fake.baseUrl, SPEECH_API_KEY: fake.apiKey, STT_MODEL: 'whisper-1' },
        received: () => fake.transcriptions,
      });
    },
  ],
];

describe.each(providers)('voice through the app with the %s provider (espeak-ng speech, fake provider)', (provider, startFake) => {
  let fake: FakeSpeech;
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    fake = await startFake();
    testApp = await createTestApp(
      { VECTOR_STORE: 'off', SPEECH_UTTERANCES_PER_MINUTE: '30', ...fake.environment },
      { knowledge: true, demoData: true },
    );
    await testApp.knowledge!.ingester.ingestPaths([housingFundRegulation]);
    served = await testApp.listen();
  });
  afterAll(async () => {
    await served?.close();
    await testApp?.close();
    await fake?.close();
  });
  beforeEach(() => {
    fake.mode = 'normal';
    fake.transcript = question;
  });

  it('shows the speech component in /api/health and says voice is on', async () => {
    const health = await request(testApp.app).get('/api/health').expect(200);
    expect(health.body.components.speech).toMatchObject({ status: 'ok', essential: false });
    expect(health.body.components.speech.detail).toContain(provider === 'azure' ? 'Azure' : 'OpenAI');
    const status = await request(testApp.app).get('/api/speech/status').expect(200);
    expect(status.body).toEqual({ provider, recognition: true, synthesis: true });
  });

  it('POST /api/speech/transcribe: a spoken WAV becomes its text; the provider got 16 kHz mono PCM', async () => {
    const response = await request(testApp.app)
      .post('/api/speech/transcribe')
      .set('Content-Type', 'audio/wav')
      .send(spokenWav('住房公积金在什么情况下可以提取'))
      .expect(200);
    expect(response.body).toEqual({ text: question });
    expect(fake.received().at(-1)).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16, loud: true });
  });

  it('the socket stream shows partial text, then the final text, whose answer equals the typed question’s', async () => {
    const cookie = await visitorCookie(served.url);
    const { socket } = await connectChat(served.url, cookie);
    try {
      const spoken = await speak(socket, pcmOfWav(spokenWav('住房公积金在什么情况下可以提取')), { paceMs: 10 });
      expect(spoken.error).toBeUndefined();
      expect(spoken.partials.length).toBeGreaterThan(0);
      expect(spoken.final).toBe(question);
      const byVoice = await ask(socket, spoken.final!);
      const typed = await request(testApp.app).post('/api/chat').send({ message: question }).expect(200);
      expect(byVoice.done?.answer).toBe(typed.body.answer);
      expect(byVoice.done?.answer).toContain('[1]');
      expect(byVoice.done?.sources.map((source) => source.title)).toEqual(
        typed.body.sources.map((source: { title: string }) => source.title),
      );
    } finally {
      socket.disconnect();
    }
  });

  it('says 没有听清 for silence, and a dropped service within 5 s; the text box still works after', async () => {
    const { socket } = await connectChat(served.url, await visitorCookie(served.url));
    try {
      const silent = await speak(socket, pcmOfWav(silentWav(1)));
      expect(silent.error).toEqual({ code: 'UNPROCESSABLE', message: '没有听清，请再说一遍。' });
      fake.mode = 'close';
      const dropped = await speak(socket, pcmOfWav(spokenWav('住房公积金在什么情况下可以提取')));
      expect(dropped.error?.message).toBe('语音服务暂时连不上，请先用文字输入您的问题。');
      expect(dropped.answeredAt - dropped.endedAt).toBeLessThan(5000);
      fake.mode = 'refuse';
      const refused = await speak(socket, pcmOfWav(spokenWav('住房公积金在什么情况下可以提取')));
      expect(refused.error?.message).toBe('语音服务暂时不可用，请先用文字输入您的问题。');
      const typed = await ask(socket, question);
      expect(typed.done?.answer).toContain('[1]');
    } finally {
      socket.disconnect();
    }
  });

  it('POST /api/speech/synthesize reads an answer aloud', async () => {
    const response = await request(testApp.app)
      .post('/api/speech/synthesize')
      .send({ text: '住房公积金可以在购买自住住房时提取。' })
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(response.headers['content-type']).toContain('audio/wav');
    expect((response.body as Buffer).toString('ascii', 0, 4)).toBe('RIFF');
  });
});

describe('voice limits and failures (OpenAI-compatible fake)', () => {
  let fake: Awaited<ReturnType<typeof startFakeOpenAiAudioServer>>;
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    fake = await startFakeOpenAiAudioServer({ transcript: '下周谁接线？' });
    testApp = await createTestApp({
      SPEECH_PROVIDER: 'openai',
      SPEECH_BASE_URL: fake.baseUrl,
      SPEECH_API_KEY: fake.apiKey,
      SPEECH_UTTERANCES_PER_MINUTE: '4',
      SPEECH_KEEP_AUDIO: 'true',
    });
    served = await testApp.listen();
  });
  afterAll(async () => {
    await served?.close();
    await testApp?.close();
    await fake?.close();
  });

  it('refuses other formats, more than 60 s, and other content types with Chinese messages', async () => {
    const wrongRate = Buffer.from(pcmWav(Buffer.alloc(8000)));
    wrongRate.writeUInt32LE(44_100, 24);
    const refused = await request(testApp.app).post('/api/speech/transcribe').set('Content-Type', 'audio/wav').send(wrongRate).expect(415);
    expect(refused.body.error.message).toBe('录音格式不对：需要 16 kHz、单声道、16 位 PCM 的 WAV。');
    const tooLong = await request(testApp.app)
      .post('/api/speech/transcribe')
      .set('Content-Type', 'audio/wav')
      .send(pcmWav(Buffer.alloc(61 * 32_000)))
      .expect(413);
    expect(tooLong.body.error.message).toContain('每段最多 60 秒');
    const notWav = await request(testApp.app).post('/api/speech/transcribe').set('Content-Type', 'text/plain').send('你好').expect(415);
    expect(notWav.body.error.message).toContain('WAV');
  });

  it('holds one stream per socket, stops an utterance at 60 s, and limits utterances per visitor', async () => {
    const { socket } = await connectChat(served.url, await visitorCookie(served.url));
    try {
      const final = new Promise<string>((resolve) => socket.once('audio:final', ({ text }: { text: string }) => resolve(text)));
      const conflict = new Promise<string>((resolve) => socket.once('audio:error', ({ message }: { message: string }) => resolve(message)));
      socket.emit('audio:start', { sampleRate: 16000, channels: 1, encoding: 'pcm_s16le' });
      socket.emit('audio:start', { sampleRate: 16000, channels: 1, encoding: 'pcm_s16le' });
      expect(await conflict).toBe('上一段语音还没有结束，请稍等。');
      // Sixty-one seconds of loud audio and no audio:end: the app stops at 60 s (1.92 MB) and recognises what fitted.
      const loud = pcmOfWav(spokenWav('下周谁接线'));
      const minute: Buffer[] = [];
      for (let size = 0; size < 61 * 32_000; size += loud.length) minute.push(loud);
      const audio = Buffer.concat(minute).subarray(0, 61 * 32_000);
      for (let offset = 0; offset < audio.length; offset += 32_000) socket.emit('audio:chunk', audio.subarray(offset, offset + 32_000));
      expect(await final).toBe('下周谁接线？');
      expect(fake.transcriptions.at(-1)?.audioBytes).toBe(60 * 32_000);
      const wrong = await speak(socket, Buffer.alloc(3200), { format: { sampleRate: 44100, channels: 2, encoding: 'pcm_s16le' } });
      expect(wrong.error?.message).toBe('录音格式不对：需要 16 kHz、单声道、16 位 PCM。');
      const outcomes = [];
      for (let index = 0; index < 4; index += 1) outcomes.push(await speak(socket, loud));
      expect(outcomes.at(-1)?.error).toEqual({ code: 'RATE_LIMITED', message: '您说得太频繁了，请稍等一会儿再试。' });
    } finally {
      socket.disconnect();
    }
  });

  it('keeps the audio only with SPEECH_KEEP_AUDIO=true', async () => {
    const folder = path.join(testApp.services.config.dataDir, 'audio');
    // Written after the text is sent, so the person does not wait for the disk.
    const deadline = Date.now() + 5000;
    while (fs.readdirSync(folder).filter((name) => name.endsWith('.txt')).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const kept = fs.readdirSync(folder);
    expect(kept.some((name) => name.endsWith('.wav'))).toBe(true);
    expect(kept.some((name) => name.endsWith('.txt'))).toBe(true);
  });
});

describe('voice without a speech provider (the default)', () => {
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let served: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    testApp = await createTestApp();
    served = await testApp.listen();
  });
  afterAll(async () => {
    await served?.close();
    await testApp?.close();
  });

  it('says voice is not configured everywhere, at once, and stores nothing', async () => {
    const health = await request(testApp.app).get('/api/health').expect(200);
    expect(health.body.components.speech).toMatchObject({
      status: 'ok',
      essential: false,
      detail: expect.stringContaining('未配置语音服务'),
    });
    expect((await request(testApp.app).get('/api/speech/status').expect(200)).body).toEqual({
      provider: 'none',
      recognition: false,
      synthesis: false,
    });
    const transcribe = await request(testApp.app)
      .post('/api/speech/transcribe')
      .set('Content-Type', 'audio/wav')
      .send(silentWav(1))
      .expect(503);
    expect(transcribe.body.error.message).toBe('语音识别还没有开通，请用文字输入您的问题。');
    const synthesize = await request(testApp.app).post('/api/speech/synthesize').send({ text: '你好' }).expect(503);
    expect(synthesize.body.error.message).toContain('浏览器自带的朗读');
    const { socket } = await connectChat(served.url, await visitorCookie(served.url));
    try {
      const spoken = await speak(socket, Buffer.alloc(3200));
      expect(spoken.error).toEqual({ code: 'SERVICE_UNAVAILABLE', message: '语音识别还没有开通，请用文字输入您的问题。' });
    } finally {
      socket.disconnect();
    }
    expect(fs.existsSync(path.join(testApp.services.config.dataDir, 'audio'))).toBe(false);
  });
});
