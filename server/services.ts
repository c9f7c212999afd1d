import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle } from '../storage';
import { demoKnowledgeDirectory, readDemoData } from '../hotline';
import { loadDemoData, type DemoLoadResult } from '../hotline';
import { createRepositories, type Repositories } from '../storage';
import type { Embedder } from '../knowledge';
import { createOfflineEmbedder } from '../knowledge';
import { createOpenAiEmbedder } from '../knowledge';
import type { IngestSummary } from '../knowledge';
import { openKnowledge, type Knowledge } from '../knowledge';
import { textCharacterPairs } from '../text';
import { createXiaoning, type Xiaoning } from '../bot';
import { composePolicyAnswer, createQueryRewriter } from '../bot';
import {
  createAppealExplanations,
  createAppealQueries,
  createOpenAiCompletion,
  type AppealExplanations,
  type AppealQueries,
} from '../hotline';
import { createCallAssistant, type CallAssistant } from '../hotline';
import { createAppealAdministration } from '../hotline';
import { loadAppealIntelligence } from '../hotline';
import { createTokenizer, type Tokenizer } from '../text';
import type { PolicyReference } from '../hotline';
import { createQuestionSubmissions, createVoting, type Voting } from '../hotline';
import { createNextUnitSuggestions } from '../hotline';
import type { AppDependencies } from './app';
import { answerWithXiaoning } from '../channels';
import { createWebChatAdapter } from '../channels';
import { createWechatChannel } from '../channels';
import { createWechatPublisher } from '../channels';
import { createSpeechServices, createVoiceStreams, type SpeechServices, type VoiceStreams } from '../channels';
import { createAudioKeeper } from './audio-keeper';
import { createRealtimeServer, type RealtimeServer } from './realtime/realtime-server';
import { openSharedState, type SharedStateConnection } from './realtime/shared-state-connection';
import type { SharedState } from '../common';
import { createAuthService } from './auth/auth-service';
import { staffFromCookieHeader } from './auth/chat-staff';
import { ensureBootstrapAdmin } from './auth/user-accounts';
import type { Config } from './config';
import { createDatabaseHealthCheck, createHttpHealthCheck, staticHealthCheck, type HealthCheck } from './health';
import type { Logger } from './logger';

export interface Services {
  config: Config;
  database: DatabaseHandle;
  repositories: Repositories;
  close(): Promise<void>;
}

/** Opens storage (applying migrations). Shared by the server and every CLI command. */
export async function openServices(config: Config): Promise<Services> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDirectory: config.dataDir });
  return { config, database, repositories: createRepositories(database.db), close: () => database.close() };
}

/** Loads the demo data set when the database has no units yet (a fresh installation). */
export async function seedIfEmpty(services: Services, logger: Logger): Promise<DemoLoadResult | undefined> {
  if (!services.config.seedDemoData || (await services.repositories.units.count()) > 0) return undefined;
  const result = await loadDemoData(services.database, readDemoData());
  logger.info(result, 'demo data loaded');
  return result;
}

export function createEmbedder(config: Config): Embedder {
  const { baseUrl, apiKey, embeddingModel } = config.openai;
  return embeddingModel && baseUrl ? createOpenAiEmbedder({ baseUrl, apiKey, model: embeddingModel }) : createOfflineEmbedder();
}

/** The knowledge module as configured: embedded Chroma, a Chroma server at CHROMA_URL, or BM25 alone. */
export function openKnowledgeFor(services: Services, logger: Logger): Promise<Knowledge> {
  const { config, repositories } = services;
  return openKnowledge({
    documents: repositories.documents,
    appMeta: repositories.appMeta,
    analyse: textCharacterPairs,
    embedder: createEmbedder(config),
    logger,
    searchCacheEntries: config.searchCacheEntries,
    // REDIS_URL means several processes on one database (config refuses it otherwise).
    queue: { jobs: repositories.ingestionJobs, auditLog: repositories.auditLog, sharedWithOtherProcesses: config.redisUrl !== undefined },
    vectorStore: config.chromaUrl
      ? { kind: 'remote', url: config.chromaUrl }
      : config.vectorStore === 'embedded'
        ? { kind: 'embedded', dataDirectory: config.dataDir }
        : { kind: 'none' },
  });
}

const demoKnowledgeMarker = 'demo-knowledge-ingested-at';

/**
 * Ingests the demo knowledge corpus unless that already finished once. Ingestion is idempotent per
 * document, so an interrupted run simply continues where it stopped at the next start.
 */
export async function seedKnowledgeIfNeeded(
  services: Services,
  knowledge: Knowledge,
  logger: Logger,
  options: { ignoreSetting?: boolean; signal?: AbortSignal } = {},
): Promise<IngestSummary | undefined> {
  if (!options.ignoreSetting && !services.config.seedDemoData) return undefined;
  if (await services.repositories.appMeta.get(demoKnowledgeMarker)) return undefined;
  const summary = await knowledge.ingester.ingestPaths([demoKnowledgeDirectory()], undefined, options.signal);
  if (summary.interrupted) return summary;
  if (summary.failed.length === 0) await services.repositories.appMeta.set(demoKnowledgeMarker, new Date().toISOString());
  logger.info({ ...summary, failed: summary.failed.length }, 'demo knowledge ingested');
  return summary;
}

function vectorStoreHealthCheck(config: Config, knowledge: Knowledge | undefined): HealthCheck {
  if (!knowledge || (!config.chromaUrl && config.vectorStore === 'off')) {
    return staticHealthCheck('vectorStore', false, { status: 'down', detail: '向量检索未启用，知识检索只用关键词（BM25）' });
  }
  return {
    name: 'vectorStore',
    essential: false,
    check: async () => {
      const url = knowledge.vectorUrl();
      if (!url) return { status: 'down', detail: 'Chroma 未运行，知识检索暂时只用关键词（BM25）' };
      const response = await fetch(`${url.replace(/\/$/, '')}/api/v2/heartbeat`, { signal: AbortSignal.timeout(2500) }).catch(
        () => undefined,
      );
      if (!response?.ok) return { status: 'down', detail: 'Chroma 无响应，知识检索暂时只用关键词（BM25）' };
      const { documents, chunks } = knowledge.knowledgeBase.size;
      return { status: 'ok', detail: `${config.chromaUrl ? 'Chroma 服务器' : '内置 Chroma'}：${documents} 份文件，${chunks} 个段落` };
    },
  };
}

/** The speech component in /api/health: never essential, since the text box works without it. */
function speechHealthCheck(config: Config, speech: SpeechServices): HealthCheck {
  const recognition = speech.speechToText;
  if (!recognition) {
    return staticHealthCheck('speech', false, { status: 'ok', detail: '未配置语音服务：麦克风提示语音未开通，朗读使用浏览器自带语音' });
  }
  const { baseUrl, apiKey } = config.speech.openai;
  if (speech.provider === 'openai' && baseUrl) {
    return createHttpHealthCheck({
      name: 'speech',
      essential: false,
      url: `${baseUrl.replace(/\/$/, '')}/models`,
      okDetail: recognition.description,
      headers: apiKey ? { Authorization: `Bearer ${apiKey}` } : {},
    });
  }
  // Azure has no cheap probe that costs no quota: the configuration is shown, failures show per utterance.
  return staticHealthCheck('speech', false, { status: 'ok', detail: `${recognition.description}（已配置）` });
}

function healthChecksFor(services: Services, knowledge: Knowledge | undefined, speech: SpeechServices): HealthCheck[] {
  const { config } = services;
  const vectorStore = vectorStoreHealthCheck(config, knowledge);
  const chatModel = config.openai.baseUrl
    ? createHttpHealthCheck({
        name: 'chatModel',
        essential: true,
        url: `${config.openai.baseUrl.replace(/\/$/, '')}/models`,
        okDetail: `OpenAI 兼容模型服务（${config.openai.chatModel ?? '未指定模型'}）`,
        headers: config.openai.apiKey ? { Authorization: `Bearer ${config.openai.apiKey}` } : {},
      })
    : staticHealthCheck('chatModel', true, { status: 'ok', detail: '离线模式：使用内置模型，不连接外部服务' });
  return [createDatabaseHealthCheck(services.database), vectorStore, chatModel, speechHealthCheck(config, speech)];
}

/** Related policies for an appeal: the knowledge base's best distinct documents above its threshold, best chunk alone. */
const policyFinder =
  (knowledge: Knowledge) =>
  (query: string): Promise<PolicyReference[]> =>
    knowledge.knowledgeBase.searchPassages(query, { k: 3, following: 0, runnerUp: false });

/**
 * Xiaoning as configured: the offline model, or the OpenAI-compatible one when OPENAI_BASE_URL is set. Policy
 * passages come from the knowledge base (each hit's best chunk and the next one under the same heading).
 */
export function createXiaoningFor(
  config: Config,
  parts: {
    repositories: Repositories;
    voting: Voting;
    appeals: AppealQueries;
    knowledge: Knowledge | undefined;
    tokenizer: Tokenizer;
    /** The call assistant behind the officials' tools; without it they say they are unavailable. */
    assistant?: CallAssistant;
    /** AI详解 of published replies, for explain_appeal_reply. */
    explanations?: AppealExplanations;
    /** Rate limits shared by all processes (Redis), or this process's own. */
    sharedState?: SharedState;
  },
): Xiaoning {
  const { knowledge, repositories } = parts;
  const { baseUrl, apiKey, chatModel } = config.openai;
  // With a chat model, the question's official terms (its rewrite) are searched besides its own words.
  const rewrite = baseUrl && chatModel ? createQueryRewriter({ baseUrl, apiKey, model: chatModel }) : undefined;
  return createXiaoning({
    repositories,
    voting: parts.voting,
    appeals: parts.appeals,
    assistant: parts.assistant,
    explanations: parts.explanations,
    tokenizer: parts.tokenizer,
    composePolicy: composePolicyAnswer,
    // 0 (load tests) switches the per-conversation limit off along with the visitor's.
    messagesPerConversationPerMinute: config.chatRateLimitPerMinute === 0 ? 0 : undefined,
    sharedState: parts.sharedState,
    chatModel: { baseUrl: config.openai.baseUrl, apiKey: config.openai.apiKey, model: config.openai.chatModel },
    searchPolicies: async (query, k) =>
      knowledge ? knowledge.knowledgeBase.searchPassages(query, { k, ...(rewrite ? { expansions: await rewrite(query) } : {}) }) : [],
  });
}

/** Builds what createApp needs from opened services. */
export async function buildAppDependencies(
  services: Services,
  logger: Logger,
  knowledge?: Knowledge,
  /** For tests: the WeChat channel's clock, so recorded requests signed at a fixed time are inside its window. */
  options: { wechatNow?: () => number } = {},
): Promise<AppDependencies & { realtime: RealtimeServer; voiceStreams: VoiceStreams; shared: SharedStateConnection }> {
  const { config, repositories } = services;
  // Redis when REDIS_URL is set (several processes), memory otherwise.
  const shared = await openSharedState(config.redisUrl, logger);
  const cookieSecret =
    config.sessionSecret ?? (await repositories.appMeta.getOrInsert('cookie-secret', randomBytes(32).toString('base64url')));
  if (await ensureBootstrapAdmin(repositories, config.adminUsername, config.adminPassword)) {
    logger.info({ username: config.adminUsername }, 'bootstrap administrator created');
  }
  const auth = createAuthService({
    users: repositories.users,
    sessionTtlHours: config.sessionTtlHours,
    maxFailuresPerAccount: config.loginMaxFailuresPerAccount,
    maxFailuresPerIp: config.loginMaxFailuresPerIp,
    sharedState: shared.state.kind === 'redis' ? shared.state : undefined,
  });
  // The live tally follows every accepted vote; realtime reads tallies through voting.
  const findPolicies = knowledge ? policyFinder(knowledge) : undefined;
  const tokenizer = createTokenizer();
  const appeals = createAppealQueries({ repositories, findPolicies });
  const voteListeners: ((pollId: string) => void)[] = [];
  const voting = createVoting({
    polls: repositories.polls,
    units: repositories.units,
    onVote: (pollId) => voteListeners.forEach((listener) => listener(pollId)),
    votesPerAddressPerHour: config.voteRateLimitPerIpHour,
    addressSalt: cookieSecret,
    // With Redis there are several processes: the throttle counts in Redis and the tally comes from the database.
    sharedState: shared.state,
    otherWriters: shared.state.kind === 'redis',
    onBackgroundError: (error) => logger.warn({ err: error }, 'vote throttle or tally check failed'),
  });
  const intelligence = loadAppealIntelligence({ tokenizer });
  const assistant = createCallAssistant({ repositories, intelligence, findPolicies });
  const explanations = createAppealExplanations({
    detail: appeals.detail,
    complete:
      config.openai.baseUrl && config.openai.chatModel
        ? createOpenAiCompletion({ baseUrl: config.openai.baseUrl, apiKey: config.openai.apiKey, model: config.openai.chatModel })
        : undefined,
    logger,
  });
  const xiaoning = createXiaoningFor(config, {
    repositories,
    voting,
    appeals,
    knowledge,
    tokenizer,
    assistant,
    explanations,
    sharedState: shared.state,
  });
  const speech = createSpeechServices(config.speech);
  const keepAudio = config.speech.keepAudio ? createAudioKeeper(config.dataDir, logger) : undefined;
  const voiceStreams = createVoiceStreams({
    speechToText: speech.speechToText,
    utterancesPerMinute: config.speech.utterancesPerMinute,
    keepAudio,
    logger,
  });
  const webChat = createWebChatAdapter({
    voice: voiceStreams,
    conversations: repositories.conversations,
    cookieSecret,
    cookieSecure: config.cookieSecure,
    embeddedElsewhere: config.webchatAllowedOrigins.length > 0,
    // socket.io traffic does not pass the /api limiter: the same per-address figure applies to it here.
    eventsPerAddressPerMinute: config.apiRateLimitPerMinute,
    messagesPerMinute: config.chatRateLimitPerMinute,
    sharedState: shared.state,
    trustedProxies: config.trustProxy,
    columnUrl: config.wechat.publicBaseUrl,
    logger,
    staffOf: staffFromCookieHeader(auth),
  });
  void webChat.start(answerWithXiaoning(xiaoning, logger));
  const wechat = createWechatChannel(config.wechat, {
    repositories,
    voting,
    logger,
    now: options.wechatNow,
    speechToText: speech.speechToText,
    sharedState: shared.state.kind === 'redis' ? shared.state : undefined,
    tokenState: shared.state,
  });
  void wechat?.start(answerWithXiaoning(xiaoning, logger));
  const realtime = createRealtimeServer({
    voting,
    logger,
    channels: [webChat],
    allowedOrigins: config.webchatAllowedOrigins,
    adapter: shared.socketAdapter,
  });
  // Uploads left queued or half-parsed by a stopped process are taken up again now.
  knowledge?.queue?.start();
  voteListeners.push(realtime.voteAccepted);
  return {
    logger,
    repositories,
    auth,
    voting,
    submissions: createQuestionSubmissions({
      submissions: repositories.submissions,
      previews: repositories.previews,
      units: repositories.units,
      addressSalt: cookieSecret,
    }),
    realtime,
    voiceStreams,
    shared,
    sharedState: shared.state,
    wechat,
    nextUnitSuggestions: createNextUnitSuggestions({
      polls: repositories.polls,
      units: repositories.units,
      appeals: repositories.appeals,
      hotTopics: (unitId, period) => assistant.hotTopics(unitId, period),
    }),
    wechatPublisher: createWechatPublisher(config.wechat, { tokenState: shared.state }),
    appeals,
    explanations,
    assistant,
    appealAdministration: createAppealAdministration({
      database: services.database,
      intelligence,
      onRepliesChanged: assistant.forgetPastCases,
    }),
    xiaoning,
    healthChecks: healthChecksFor(services, knowledge, speech),
    speech: { speech, utterancesPerMinute: config.speech.utterancesPerMinute, keepAudio },
    knowledge,
    cookieSecret,
    settings: {
      bodyLimitBytes: config.bodyLimitBytes,
      apiRateLimitPerMinute: config.apiRateLimitPerMinute,
      cookieSecure: config.cookieSecure,
      trustProxy: config.trustProxy,
      uploadLimitBytes: config.uploadLimitBytes,
    },
  };
}
