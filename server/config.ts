import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../common';
import type { SpeechSettings } from '../channels';
import { passwordWeakness } from './auth/password-strength';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const optionalUrl = (protocols: string[]) =>
  optionalText.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `应为以 ${protocols.map((protocol) => `${protocol}//`).join(' 或 ')} 开头的网址` },
  );

const integer = (defaultValue: number, minimum: number, maximum: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === '') return defaultValue;
      const parsed = /^-?\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(parsed) || parsed < minimum || parsed > maximum) {
        context.addIssue({ code: 'custom', message: `应为 ${minimum}–${maximum} 之间的整数` });
        return z.NEVER;
      }
      return parsed;
    });

const flag = (defaultValue: boolean) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === '') return defaultValue;
      if (/^(1|true|yes|on)$/i.test(value)) return true;
      if (/^(0|false|no|off)$/i.test(value)) return false;
      context.addIssue({ code: 'custom', message: '应为 true 或 false' });
      return z.NEVER;
    });

/** Every variable the service reads. README's configuration table and .env.example list the same names. */
const environmentSchema = z.object({
  PORT: integer(3000, 0, 65535),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  DATABASE_URL: optionalUrl(['postgres:', 'postgresql:']),
  CHROMA_URL: optionalUrl(['http:', 'https:']),
  VECTOR_STORE: z.enum(['embedded', 'off']).default('embedded'),
  UPLOAD_LIMIT_MB: integer(20, 1, 200),
  OPENAI_BASE_URL: optionalUrl(['http:', 'https:']),
  PUBLIC_BASE_URL: optionalUrl(['http:', 'https:']),
  OPENAI_API_KEY: optionalText,
  CHAT_MODEL: optionalText,
  EMBEDDING_MODEL: optionalText,
  SPEECH_PROVIDER: z.enum(['none', 'azure', 'openai'], { error: '应为 none、azure 或 openai' }).default('none'),
  AZURE_SPEECH_KEY: optionalText,
  AZURE_SPEECH_REGION: optionalText,
  AZURE_SPEECH_HOST: optionalUrl(['ws:', 'wss:', 'http:', 'https:']),
  AZURE_SPEECH_VOICE: z.string().trim().min(1).default('zh-CN-XiaoxiaoNeural'),
  SPEECH_BASE_URL: optionalUrl(['http:', 'https:']),
  SPEECH_API_KEY: optionalText,
  STT_MODEL: optionalText,
  TTS_MODEL: optionalText,
  TTS_VOICE: optionalText,
  SPEECH_KEEP_AUDIO: flag(false),
  SPEECH_UTTERANCES_PER_MINUTE: integer(10, 1, 1000),
  // WeChat's own rule for the token: 3 to 32 letters or digits.
  WECHAT_TOKEN: optionalText.refine((value) => value === undefined || /^[A-Za-z0-9]{3,32}$/.test(value), {
    message: '应为 3–32 位字母或数字（与公众号后台“服务器配置”里的 Token 一致）',
  }),
  WECHAT_APP_ID: optionalText,
  WECHAT_APP_SECRET: optionalText,
  WECHAT_ENCODING_AES_KEY: optionalText.refine((value) => value === undefined || /^[A-Za-z0-9]{43}$/.test(value), {
    message: '应为 43 位字母或数字',
  }),
  WECHAT_API_BASE: optionalUrl(['http:', 'https:']).transform((value) => value ?? 'https://api.weixin.qq.com'),
  REDIS_URL: optionalUrl(['redis:', 'rediss:']),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  API_RATE_LIMIT_PER_MINUTE: integer(300, 0, 1_000_000),
  VOTE_RATE_LIMIT_PER_IP_HOUR: integer(500, 0, 1_000_000),
  CHAT_RATE_LIMIT_PER_MINUTE: integer(12, 0, 1_000_000),
  SEARCH_CACHE_ENTRIES: integer(2000, 0, 100_000),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: integer(5, 1, 1000),
  LOGIN_MAX_FAILURES_PER_IP: integer(20, 1, 100_000),
  BODY_LIMIT_KB: integer(100, 1, 10_240),
  SESSION_TTL_HOURS: integer(12, 1, 24 * 30),
  SESSION_SECRET: optionalText.refine((value) => value === undefined || value.length >= 32, {
    message: '至少 32 个字符',
  }),
  COOKIE_SECURE: flag(false),
  TRUST_PROXY: integer(0, 0, 10),
  WEBCHAT_ALLOWED_ORIGINS: z
    .string()
    .trim()
    .default('')
    .transform((value, context) => {
      const origins = value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
      for (const origin of origins) {
        let parsed: URL | undefined;
        try {
          parsed = new URL(origin);
        } catch {
          parsed = undefined;
        }
        if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
          context.addIssue({ code: 'custom', message: `“${origin}”不是网站来源，应写成 https://www.example.gov.cn（不带路径和结尾的 /）` });
          return z.NEVER;
        }
      }
      return origins;
    }),
  ADMIN_USERNAME: z.string().trim().min(1).default('admin'),
  ADMIN_PASSWORD: optionalText.superRefine((value, context) => {
    if (value === undefined) return;
    const problem = value.length < 10 ? '至少 10 个字符' : passwordWeakness(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  }),
  SEED_DEMO_DATA: flag(true),
});

type Environment = z.infer<typeof environmentSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  chromaUrl: string | undefined;
  /** `embedded` starts Chroma as a child process (unless CHROMA_URL is set); `off` searches with BM25 alone. */
  vectorStore: 'embedded' | 'off';
  uploadLimitBytes: number;
  openai: { baseUrl: string | undefined; apiKey: string | undefined; chatModel: string | undefined; embeddingModel: string | undefined };
  /** SPEECH_PROVIDER (`none` leaves the microphone off; 朗读 then uses the browser's own voice) and the provider's settings. */
  speech: SpeechSettings & {
    /** SPEECH_KEEP_AUDIO: keep each recognised utterance as a WAV file in DATA_DIR/audio (off: audio lives in memory only). */
    keepAudio: boolean;
    /** Utterances one visitor may speak per minute. */
    utterancesPerMinute: number;
  };
  wechat: {
    token: string | undefined;
    appId: string | undefined;
    appSecret: string | undefined;
    encodingAesKey: string | undefined;
    apiBase: string;
    /** Where people reach the column (PUBLIC_BASE_URL, no trailing slash): WeChat's 预告 cards link to /previews/:id there. */
    publicBaseUrl: string | undefined;
  };
  redisUrl: string | undefined;
  logLevel: Environment['LOG_LEVEL'];
  apiRateLimitPerMinute: number;
  voteRateLimitPerIpHour: number;
  /** Chat messages one visitor may send per minute (web: per visitor cookie); 0 disables it and the per-conversation limit. */
  chatRateLimitPerMinute: number;
  /** Recent knowledge searches kept in memory until the documents change; 0 searches every time. */
  searchCacheEntries: number;
  loginMaxFailuresPerAccount: number;
  loginMaxFailuresPerIp: number;
  bodyLimitBytes: number;
  sessionTtlHours: number;
  sessionSecret: string | undefined;
  cookieSecure: boolean;
  trustProxy: number;
  /** Other sites whose pages may chat through the embedded widget (socket.io CORS with credentials). */
  webchatAllowedOrigins: string[];
  adminUsername: string;
  adminPassword: string | undefined;
  seedDemoData: boolean;
}

/** Thrown at start-up; its message names the variable so an administrator can fix it. */
export class ConfigError extends AppError {
  constructor(message: string, cause?: unknown) {
    super('CONFIG_INVALID', message, { cause });
  }
}

function describeIssues(error: z.ZodError, environment: NodeJS.ProcessEnv): string {
  return error.issues
    .map((issue) => {
      const name = String(issue.path[0] ?? '');
      const received = environment[name];
      const shown =
        received === undefined
          ? ''
          : `（当前值 "${name.includes('SECRET') || name.includes('PASSWORD') || name.includes('KEY') ? '***' : received}"）`;
      return `配置错误：${name} ${issue.message}${shown}`;
    })
    .join('\n');
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdirSync can spin forever on some kernel file
 * systems (seen with a DATA_DIR under /proc), where a plain mkdir fails at once.
 */
function makeDirectories(directory: string): void {
  if (fs.existsSync(directory)) return;
  const parent = path.dirname(directory);
  if (parent !== directory) makeDirectories(parent);
  fs.mkdirSync(directory);
}

/** Creates DATA_DIR if needed and proves it is writable, so a bad path fails at start, not at the first write. */
function ensureWritableDirectory(directory: string): void {
  try {
    makeDirectories(directory);
    const probe = path.join(directory, `.write-probe-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String((error as NodeJS.ErrnoException).code) : String(error);
    throw new ConfigError(`配置错误：DATA_DIR 指向的目录不可写（${directory}，${reason}）`, error);
  }
}

/** WeChat settings that only make sense together; a half-configured channel would fail at the first message. */
/** Several processes (REDIS_URL) need stores they can share: PGlite and the embedded Chroma belong to one process. */
function checkMultiProcess(value: Environment): void {
  if (!value.REDIS_URL) return;
  if (!value.DATABASE_URL) {
    throw new ConfigError(
      '配置错误：设置了 REDIS_URL（多进程部署）就必须设置 DATABASE_URL（PostgreSQL）：内置数据库（PGlite）只能由一个进程使用',
    );
  }
  if (!value.CHROMA_URL && value.VECTOR_STORE === 'embedded') {
    throw new ConfigError(
      '配置错误：设置了 REDIS_URL（多进程部署）就必须设置 CHROMA_URL（单独运行的 Chroma 服务器）：内置 Chroma 只能由一个进程使用（或设 VECTOR_STORE=off 只用关键词检索）',
    );
  }
}

function checkWechat(value: Environment): void {
  const others = (['WECHAT_APP_ID', 'WECHAT_APP_SECRET', 'WECHAT_ENCODING_AES_KEY'] as const).filter((name) => value[name] !== undefined);
  if (!value.WECHAT_TOKEN && others.length > 0) {
    throw new ConfigError(`配置错误：设置了 ${others.join('、')} 却没有设置 WECHAT_TOKEN（微信公众号通道需要 Token 才会开启）`);
  }
  if (value.WECHAT_ENCODING_AES_KEY && !value.WECHAT_APP_ID) {
    throw new ConfigError('配置错误：WECHAT_ENCODING_AES_KEY（安全模式）需要同时设置 WECHAT_APP_ID（解密时要核对 AppID）');
  }
  if (value.WECHAT_APP_SECRET && !value.WECHAT_APP_ID) {
    throw new ConfigError('配置错误：WECHAT_APP_SECRET 需要同时设置 WECHAT_APP_ID（获取 access_token 需要两者）');
  }
}

/** A speech provider needs its own settings; naming the missing one beats failing at the first utterance. */
function checkSpeech(value: Environment): void {
  if (value.SPEECH_PROVIDER === 'azure' && !value.AZURE_SPEECH_HOST && !(value.AZURE_SPEECH_KEY && value.AZURE_SPEECH_REGION)) {
    throw new ConfigError(
      '配置错误：SPEECH_PROVIDER=azure 需要同时设置 AZURE_SPEECH_KEY 和 AZURE_SPEECH_REGION（或本地语音容器的 AZURE_SPEECH_HOST）',
    );
  }
  if (value.SPEECH_PROVIDER === 'openai' && !value.SPEECH_BASE_URL) {
    throw new ConfigError('配置错误：SPEECH_PROVIDER=openai 需要同时设置 SPEECH_BASE_URL（OpenAI 兼容语音服务的地址）');
  }
}

/** Reads `.env` from the working directory when there is one; variables already set win. */
export function readEnvironment(): NodeJS.ProcessEnv {
  if (fs.existsSync('.env')) process.loadEnvFile('.env');
  return process.env;
}

export function loadConfig(environment: NodeJS.ProcessEnv = readEnvironment()): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) throw new ConfigError(describeIssues(parsed.error, environment));
  const value = parsed.data;
  if (value.EMBEDDING_MODEL && !value.OPENAI_BASE_URL) {
    throw new ConfigError('配置错误：EMBEDDING_MODEL 需要同时设置 OPENAI_BASE_URL（向量模型服务的地址）');
  }
  checkWechat(value);
  checkSpeech(value);
  checkMultiProcess(value);
  const dataDir = path.resolve(value.DATA_DIR);
  ensureWritableDirectory(dataDir);
  return {
    port: value.PORT,
    host: value.HOST,
    dataDir,
    databaseUrl: value.DATABASE_URL,
    chromaUrl: value.CHROMA_URL,
    vectorStore: value.VECTOR_STORE,
    uploadLimitBytes: value.UPLOAD_LIMIT_MB * 1024 * 1024,
    openai: {
      baseUrl: value.OPENAI_BASE_URL,
      apiKey: value.OPENAI_API_KEY,
      chatModel: value.CHAT_MODEL,
      embeddingModel: value.EMBEDDING_MODEL,
    },
    speech: {
      provider: value.SPEECH_PROVIDER,
      azure: {
        key: value.AZURE_SPEECH_KEY,
        region: value.AZURE_SPEECH_REGION,
        host: value.AZURE_SPEECH_HOST,
        voice: value.AZURE_SPEECH_VOICE,
      },
      openai: {
        baseUrl: value.SPEECH_BASE_URL,
        apiKey: value.SPEECH_API_KEY,
        transcriptionModel: value.STT_MODEL,
        speechModel: value.TTS_MODEL,
        voice: value.TTS_VOICE,
      },
      keepAudio: value.SPEECH_KEEP_AUDIO,
      utterancesPerMinute: value.SPEECH_UTTERANCES_PER_MINUTE,
    },
    wechat: {
      token: value.WECHAT_TOKEN,
      appId: value.WECHAT_APP_ID,
      appSecret: value.WECHAT_APP_SECRET,
      encodingAesKey: value.WECHAT_ENCODING_AES_KEY,
      apiBase: value.WECHAT_API_BASE,
      publicBaseUrl: value.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    },
    redisUrl: value.REDIS_URL,
    logLevel: value.LOG_LEVEL,
    apiRateLimitPerMinute: value.API_RATE_LIMIT_PER_MINUTE,
    voteRateLimitPerIpHour: value.VOTE_RATE_LIMIT_PER_IP_HOUR,
    chatRateLimitPerMinute: value.CHAT_RATE_LIMIT_PER_MINUTE,
    searchCacheEntries: value.SEARCH_CACHE_ENTRIES,
    loginMaxFailuresPerAccount: value.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    loginMaxFailuresPerIp: value.LOGIN_MAX_FAILURES_PER_IP,
    bodyLimitBytes: value.BODY_LIMIT_KB * 1024,
    sessionTtlHours: value.SESSION_TTL_HOURS,
    sessionSecret: value.SESSION_SECRET,
    cookieSecure: value.COOKIE_SECURE,
    trustProxy: value.TRUST_PROXY,
    webchatAllowedOrigins: value.WEBCHAT_ALLOWED_ORIGINS,
    adminUsername: value.ADMIN_USERNAME,
    adminPassword: value.ADMIN_PASSWORD,
    seedDemoData: value.SEED_DEMO_DATA,
  };
}
