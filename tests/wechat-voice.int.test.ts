import { wechatTexts } from '../channels/wechat/wechat-texts';
import { startFakeOpenAiAudioServer } from './fakes/fake-openai-audio-server';
import { startFakeWechatServer, type FakeWechatServer } from './fakes/fake-wechat-server';
import { spokenAmr } from './support/spoken-wav';
import { createTestApp } from './support/test-app';
import {
  cryptoVectors,
  postWechat,
  readReply,
  replyText,
  textMessageXml,
  wechatMessageXml,
  type WechatSecrets,
} from './support/wechat-client';

jest.setTimeout(120_000);

const vectors = cryptoVectors().request;
const plain: WechatSecrets = { token: vectors.token };
const appSecret = 'fake-app-secret';
const question = '下周谁接线？';

const voiceXml = (mediaId: string, msgId: string) =>
  wechatMessageXml({
    ToUserName: 'gh_ningde12345',
    FromUserName: 'oNingdeCitizen009',
    CreateTime: Math.floor(Date.now() / 1000),
    MsgType: 'voice',
    MediaId: mediaId,
    Format: 'amr',
    Recognition: '',
    MsgId: msgId,
  });

/**
 * A WeChat voice message without WeChat's Recognition: the app fetches the AMR recording from the (fake) media
 * API, decodes it with sox and has the (fake) speech provider transcribe it, then answers as for typed text.
 */
describe('WeChat voice messages transcribed by the configured speech provider', () => {
  let wechatApi: FakeWechatServer;
  let speech: Awaited<ReturnType<typeof startFakeOpenAiAudioServer>>;
  let testApp: Awaited<ReturnType<typeof createTestApp>>;
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    wechatApi = await startFakeWechatServer({ appId: vectors.appId, appSecret });
    wechatApi.media.set('media-question', { contentType: 'audio/amr', bytes: spokenAmr('下周谁接线') });
    speech = await startFakeOpenAiAudioServer({ transcript: question });
    testApp = await createTestApp(
      {
        WECHAT_TOKEN: vectors.token,
        WECHAT_APP_ID: vectors.appId,
        WECHAT_APP_SECRET: appSecret,
        WECHAT_API_BASE: wechatApi.apiBase,
        SPEECH_PROVIDER: 'openai',
        SPEECH_BASE_URL: speech.baseUrl,
        SPEECH_API_KEY: speech.apiKey,
      },
      { demoData: true },
    );
    const served = await testApp.listen();
    url = `${served.url}/wechat`;
    close = served.close;
  });
  afterAll(async () => {
    await close?.();
    await testApp?.close();
    await wechatApi?.close();
    await speech?.close();
  });

  const answerOf = async (xml: string) => {
    const response = await postWechat(url, xml, plain);
    expect(response.status).toBe(200);
    return replyText(readReply(response.body, plain));
  };

  it('answers the recording as it answers the same words typed', async () => {
    const spoken = await answerOf(voiceXml('media-question', '24500000000000101'));
    expect(wechatApi.mediaRequests).toContain('media-question');
    // sox decoded the 8 kHz AMR to what the provider expects.
    expect(speech.transcriptions.at(-1)).toMatchObject({ sampleRate: 16_000, channels: 1, bitsPerSample: 16, loud: true });
    const typed = await answerOf(textMessageXml('oNingdeCitizen010', question, '24500000000000102'));
    expect(spoken).toBe(typed);
    expect(spoken).toMatch(/接线/);
  });

  it('asks the person to type when the recording cannot be fetched or the service refuses', async () => {
    expect(await answerOf(voiceXml('media-gone', '24500000000000103'))).toBe(wechatTexts.voiceUnavailable);
    speech.mode = 'refuse';
    expect(await answerOf(voiceXml('media-question', '24500000000000104'))).toBe(wechatTexts.voiceUnavailable);
    speech.mode = 'normal';
    speech.transcript = '';
    expect(await answerOf(voiceXml('media-question', '24500000000000105'))).toBe(wechatTexts.typeInstead);
  });
});
