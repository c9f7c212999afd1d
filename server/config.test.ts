import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xiaoning-config-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('embedded defaults need no variable but DATA_DIR', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir,
      databaseUrl: undefined,
      chromaUrl: undefined,
      apiRateLimitPerMinute: 300,
      cookieSecure: false,
      seedDemoData: true,
      wechat: { apiBase: 'https://api.weixin.qq.com' },
    });
  });

  test('production settings are read and typed', () => {
    const config = loadConfig({
      DATA_DIR: dataDir,
      PORT: '8080',
      DATABASE_URL: 'postgres://xiaoning:secret@db.internal:5432/xiaoning',
      CHROMA_URL: 'http://chroma.internal:8000',
      COOKIE_SECURE: 'true',
      API_RATE_LIMIT_PER_MINUTE: '0',
      PUBLIC_BASE_URL: 'https://12345.ningde.example/column/',
    });
    expect(config).toMatchObject({
      port: 8080,
      wechat: { publicBaseUrl: 'https://12345.ningde.example/column' },
      databaseUrl: 'postgres://xiaoning:secret@db.internal:5432/xiaoning',
      cookieSecure: true,
      apiRateLimitPerMinute: 0,
    });
  });

  test.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'not-a-url'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['CHROMA_URL', 'chroma'],
    ['PUBLIC_BASE_URL', 'ftp://column.example'],
    ['COOKIE_SECURE', 'maybe'],
    ['API_RATE_LIMIT_PER_MINUTE', '-1'],
    ['LOG_LEVEL', 'loud'],
    ['WECHAT_ENCODING_AES_KEY', 'too-short'],
  ])('%s=%s is refused with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ DATA_DIR: dataDir, [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ DATA_DIR: dataDir, [name]: value })).toThrow(new RegExp(`配置错误：${name} `));
  });

  test('the WeChat channel is off without WECHAT_TOKEN and refuses half a configuration, naming the variable', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).wechat.token).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dataDir, WECHAT_TOKEN: 'pamtest', WECHAT_API_BASE: 'http://127.0.0.1:9' }).wechat).toMatchObject({
      token: 'pamtest',
      apiBase: 'http://127.0.0.1:9',
    });
    expect(() => loadConfig({ DATA_DIR: dataDir, WECHAT_TOKEN: 'has spaces' })).toThrow(/配置错误：WECHAT_TOKEN /);
    expect(() => loadConfig({ DATA_DIR: dataDir, WECHAT_APP_ID: 'wx1' })).toThrow(/WECHAT_APP_ID.*WECHAT_TOKEN/);
    const aesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    expect(() => loadConfig({ DATA_DIR: dataDir, WECHAT_TOKEN: 'pamtest', WECHAT_ENCODING_AES_KEY: aesKey })).toThrow(
      /WECHAT_ENCODING_AES_KEY.*WECHAT_APP_ID/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, WECHAT_TOKEN: 'pamtest', WECHAT_APP_SECRET: 's' })).toThrow(
      /WECHAT_APP_SECRET.*WECHAT_APP_ID/,
    );
    expect(() => loadConfig({ DATA_DIR: dataDir, WECHAT_TOKEN: 'pamtest', WECHAT_API_BASE: 'ftp://x' })).toThrow(
      /配置错误：WECHAT_API_BASE /,
    );
  });

  test('speech is off by default; each provider needs its settings, named when missing', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).speech).toMatchObject({ provider: 'none', keepAudio: false, utterancesPerMinute: 10 });
    expect(() => loadConfig({ DATA_DIR: dataDir, SPEECH_PROVIDER: 'azure', AZURE_SPEECH_KEY: 'k' })).toThrow(/AZURE_SPEECH_REGION/);
    expect(() => loadConfig({ DATA_DIR: dataDir, SPEECH_PROVIDER: 'openai' })).toThrow(/SPEECH_BASE_URL/);
    expect(() => loadConfig({ DATA_DIR: dataDir, SPEECH_PROVIDER: 'google' })).toThrow(/SPEECH_PROVIDER 应为 none、azure 或 openai/);
    const container = loadConfig({ DATA_DIR: dataDir, SPEECH_PROVIDER: 'azure', AZURE_SPEECH_HOST: 'ws://speech.internal:5000' });
    expect(container.speech.azure).toMatchObject({ host: 'ws://speech.internal:5000', voice: 'zh-CN-XiaoxiaoNeural' });
    const openai = loadConfig({
      DATA_DIR: dataDir,
      SPEECH_PROVIDER: 'openai',
      SPEECH_BASE_URL: 'http://asr.internal:8000/v1',
      STT_MODEL: 'iic/SenseVoiceSmall',
      SPEECH_KEEP_AUDIO: 'true',
    });
    expect(openai.speech).toMatchObject({
      provider: 'openai',
      openai: { baseUrl: 'http://asr.internal:8000/v1', transcriptionModel: 'iic/SenseVoiceSmall' },
      keepAudio: true,
    });
  });

  test('a guessable ADMIN_PASSWORD is refused at start-up, naming the variable and not echoing it', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, ADMIN_PASSWORD: 'aaaaaaaaaa' })).toThrow(/配置错误：ADMIN_PASSWORD 密码不能是同一个字符/);
    expect(() => loadConfig({ DATA_DIR: dataDir, ADMIN_PASSWORD: '1234567890' })).toThrow(/配置错误：ADMIN_PASSWORD 密码不能是连续的/);
    expect(() => loadConfig({ DATA_DIR: dataDir, ADMIN_PASSWORD: 'admin12345' })).toThrow(/ADMIN_PASSWORD 这个密码太常见/);
    expect(() => loadConfig({ DATA_DIR: dataDir, ADMIN_PASSWORD: '0987654321' })).not.toThrow(/0987654321/);
  });

  test('secrets are not echoed in the message', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir, ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD.*\*\*\*/);
    expect(() => loadConfig({ DATA_DIR: dataDir, ADMIN_PASSWORD: 'short' })).not.toThrow(/short/);
  });

  test('an unwritable DATA_DIR is refused, naming DATA_DIR', () => {
    const file = path.join(dataDir, 'a-file');
    fs.writeFileSync(file, 'not a directory');
    expect(() => loadConfig({ DATA_DIR: path.join(file, 'data') })).toThrow(/配置错误：DATA_DIR 指向的目录不可写/);
    // Node's recursive mkdir never returns for this path; ours must fail at once.
    expect(() => loadConfig({ DATA_DIR: '/proc/xiaoning/data' })).toThrow(/DATA_DIR/);
  });

  test('WEBCHAT_ALLOWED_ORIGINS takes bare origins only, and names the bad one', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).webchatAllowedOrigins).toEqual([]);
    expect(
      loadConfig({ DATA_DIR: dataDir, WEBCHAT_ALLOWED_ORIGINS: 'https://www.ningde.gov.cn, http://127.0.0.1:8080' }).webchatAllowedOrigins,
    ).toEqual(['https://www.ningde.gov.cn', 'http://127.0.0.1:8080']);
    for (const bad of ['https://www.ningde.gov.cn/', 'www.ningde.gov.cn', 'javascript:alert(1)', 'https://a.cn/page']) {
      expect(() => loadConfig({ DATA_DIR: dataDir, WEBCHAT_ALLOWED_ORIGINS: bad })).toThrow(/WEBCHAT_ALLOWED_ORIGINS/);
    }
  });
});
