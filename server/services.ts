import { randomBytes } from 'node:crypto';
import { openDatabase, type DatabaseHandle } from '../hotline/db/database';
import { readDemoData } from '../hotline/demo/demo-data-files';
import { loadDemoData, type DemoLoadResult } from '../hotline/demo/load-demo-data';
import { createRepositories, type Repositories } from '../hotline/repositories';
import type { AppDependencies } from './app';
import { createAuthService } from './auth/auth-service';
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

function healthChecksFor(services: Services): HealthCheck[] {
  const { config } = services;
  const vectorStore = config.chromaUrl
    ? createHttpHealthCheck({
        name: 'vectorStore',
        essential: false,
        url: new URL('/api/v2/heartbeat', config.chromaUrl).toString(),
        okDetail: 'Chroma 服务器',
      })
    : staticHealthCheck('vectorStore', false, { status: 'down', detail: '向量索引尚未启用（知识库模块接入后自动启动内置 Chroma）' });
  const chatModel = config.openai.baseUrl
    ? createHttpHealthCheck({
        name: 'chatModel',
        essential: true,
        url: `${config.openai.baseUrl.replace(/\/$/, '')}/models`,
        okDetail: `OpenAI 兼容模型服务（${config.openai.chatModel ?? '未指定模型'}）`,
        headers: config.openai.apiKey ? { Authorization: `Bearer ${config.openai.apiKey}` } : {},
      })
    : staticHealthCheck('chatModel', true, { status: 'ok', detail: '离线模式：使用内置模型，不连接外部服务' });
  return [createDatabaseHealthCheck(services.database), vectorStore, chatModel];
}

/** Builds what createApp needs from opened services. */
export async function buildAppDependencies(services: Services, logger: Logger): Promise<AppDependencies> {
  const { config, repositories } = services;
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
  });
  return {
    logger,
    repositories,
    auth,
    healthChecks: healthChecksFor(services),
    cookieSecret,
    settings: {
      bodyLimitBytes: config.bodyLimitBytes,
      apiRateLimitPerMinute: config.apiRateLimitPerMinute,
      cookieSecure: config.cookieSecure,
      trustProxy: config.trustProxy,
    },
  };
}
