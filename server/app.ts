import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import cookieParser from 'cookie-parser';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { AppError } from '../common';
import { createMemorySharedState, createSharedRateLimiter, type SharedState } from '../common';
import type { Repositories } from '../storage';
import type { Xiaoning } from '../bot';
import type { AppealAdministration, AppealExplanations, AppealQueries } from '../hotline';
import type { CallAssistant } from '../hotline';
import type { Voting } from '../hotline';
import type { NextUnitSuggestions } from '../hotline';
import type { WechatPublisher } from '../channels';
import type { QuestionSubmissions } from '../hotline';
import type { Knowledge } from '../knowledge';
import { createApiRouter } from './api-router';
import type { AuthService } from './auth/auth-service';
import { createSessionMiddleware } from './auth/middleware';
import { serializeError } from './error-log-serializer';
import { errorHandler, notFoundHandler } from './errors';
import { rejectControlCharacters } from './reject-control-characters';
import { untrustedProxyWarning } from './untrusted-proxy-warning';
import type { HealthCheck } from './health';
import type { Logger } from './logger';
import { registerAdminPagesRoutes } from './routes/admin-pages-routes';
import { registerAdminRoutes } from './routes/admin-routes';
import { registerAdminPollsRoutes } from './routes/admin-polls-routes';
import { registerAdminScheduleRoutes } from './routes/admin-schedule-routes';
import { registerAdminWechatRoutes } from './routes/admin-wechat-routes';
import { registerAdminAppealsRoutes } from './routes/admin-appeals-routes';
import { registerAdminUnitsRoutes } from './routes/admin-units-routes';
import { registerAuthRoutes } from './routes/auth-routes';
import { registerHealthRoutes } from './routes/health-routes';
import { registerKnowledgeRoutes } from './routes/knowledge-routes';
import { registerKnowledgeAdminRoutes } from './routes/knowledge-admin-routes';
import { registerExplanationRoutes } from './routes/explanation-routes';
import { registerPoliciesRoutes } from './routes/policies-routes';
import { registerPollsRoutes } from './routes/polls-routes';
import { registerPreviewsRoutes } from './routes/previews-routes';
import { registerAppealsRoutes } from './routes/appeals-routes';
import { registerChatRoutes } from './routes/chat-routes';
import { registerSpeechRoutes, serveCaptureWorklet, type SpeechRouteOptions } from './routes/speech-routes';
import { registerOfficialsRoutes } from './routes/officials-routes';
import { registerStatsRoutes } from './routes/stats-routes';
import { registerSubmissionAnswersRoutes } from './routes/submission-answers-routes';
import { registerSubmissionsRoutes } from './routes/submissions-routes';
import { voterCookie } from './voter-cookie';
import { registerUnitsRoutes } from './routes/units-routes';
import { registerWebchatRoutes } from './routes/webchat-routes';

export interface AppDependencies {
  logger: Logger;
  repositories: Repositories;
  auth: AuthService;
  healthChecks: HealthCheck[];
  voting: Voting;
  /** 我要留言: citizens' questions for coming sessions, their moderation and the officials' view. */
  submissions: QuestionSubmissions;
  appeals: AppealQueries;
  /** AI详解 of published replies; absent in apps built without it (the route is then not mounted). */
  explanations?: AppealExplanations;
  assistant: CallAssistant;
  /** 诉求管理: import, editing and publishing replies (admin); absent in apps built without it. */
  appealAdministration?: AppealAdministration;
  xiaoning: Xiaoning;
  /** Speech recognition and synthesis for /api/speech (the widget streams over socket.io instead). */
  speech?: SpeechRouteOptions | undefined;
  /** The knowledge module; absent in apps built without it (search and admin knowledge routes are then not mounted). */
  knowledge?: Knowledge;
  /** The WeChat Official Account channel; absent when WECHAT_TOKEN is not set (then /wechat is a 404). */
  wechat?: { router: RequestHandler; stop(): Promise<void> } | undefined;
  /** 下期建议 in the admin panel; absent in apps built without it (the route is then not mounted). */
  nextUnitSuggestions?: NextUnitSuggestions;
  /** Publishing previews and the menu to the Official Account; absent without WECHAT_APP_ID/WECHAT_APP_SECRET. */
  wechatPublisher?: WechatPublisher | undefined;
  /** Signs cookies that must not be forged (e.g. the anonymous voter id). */
  cookieSecret: string;
  /** Rate-limit counters shared by every process (Redis when REDIS_URL is set); this process's memory otherwise. */
  sharedState?: SharedState;
  settings: {
    bodyLimitBytes: number;
    apiRateLimitPerMinute: number;
    cookieSecure: boolean;
    trustProxy: number;
    uploadLimitBytes: number;
  };
}

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

function apiRateLimit(limitPerMinute: number, state: SharedState, logger: Logger): RequestHandler {
  if (limitPerMinute === 0) return (_request, _response, next) => next();
  const limiter = createSharedRateLimiter({
    state,
    name: 'api',
    limit: limitPerMinute,
    windowMs: 60_000,
    onStoreError: (error) => logger.warn({ err: error }, 'API rate limit store unreachable; request let through'),
  });
  return (request, response, next) => {
    void limiter.hit(request.ip ?? 'unknown').then((result) => {
      response.setHeader('RateLimit-Limit', String(limitPerMinute));
      response.setHeader('RateLimit-Remaining', String(Math.max(0, limitPerMinute - result.count)));
      if (result.allowed) return next();
      next(new AppError('RATE_LIMITED', '请求太频繁了，请稍等一会儿再试。', { retryAfterSeconds: result.retryAfterSeconds }));
    });
  };
}

export function createApp(dependencies: AppDependencies): Express {
  const { logger, repositories, settings } = dependencies;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', settings.trustProxy);
  app.set('query parser', 'simple');

  app.use(
    pinoHttp({
      logger,
      genReqId: (request: IncomingMessage, response) => {
        const incoming = request.headers['x-request-id'];
        const id = typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
        response.setHeader('X-Request-Id', id);
        return id;
      },
      // Only what is needed to follow a request: never headers (cookies) or bodies (passwords).
      serializers: {
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url.split('?')[0],
        }),
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        // pino-http would otherwise put pino's own error serializer back, with the query parameters.
        err: serializeError,
      },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    }),
  );
  app.use(untrustedProxyWarning(logger, settings.trustProxy));
  // Over plain HTTP (COOKIE_SECURE=false: a LAN address, a test) upgrade-insecure-requests would make browsers
  // fetch the widget's script over HTTPS that is not there; behind HTTPS it stays on.
  app.use(
    helmet({
      contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': settings.cookieSecure ? [] : null } },
    }),
  );
  app.use('/api', apiRateLimit(settings.apiRateLimitPerMinute, dependencies.sharedState ?? createMemorySharedState(), logger));
  app.use(express.json({ limit: settings.bodyLimitBytes }));
  app.use(rejectControlCharacters);
  app.use(cookieParser(dependencies.cookieSecret));
  app.use(createSessionMiddleware(dependencies.auth));
  app.use('/api', voterCookie(dependencies.cookieSecret, settings.cookieSecure));

  const api = createApiRouter();
  registerHealthRoutes(api, dependencies.healthChecks);
  registerUnitsRoutes(api, repositories.units, repositories.previews);
  registerPreviewsRoutes(api, repositories);
  registerStatsRoutes(api, repositories.stats);
  registerAppealsRoutes(api, dependencies.appeals);
  if (dependencies.explanations) registerExplanationRoutes(api, dependencies.explanations);
  registerPoliciesRoutes(api, repositories.documents);
  registerOfficialsRoutes(api, dependencies.assistant);
  registerChatRoutes(api, dependencies.xiaoning);
  if (dependencies.speech) registerSpeechRoutes(api, dependencies.speech);
  registerPollsRoutes(api, dependencies.voting);
  registerSubmissionsRoutes(api, dependencies.submissions, repositories.auditLog);
  registerSubmissionAnswersRoutes(api, dependencies.submissions, repositories.auditLog);
  registerAuthRoutes(api, dependencies.auth, settings.cookieSecure);
  registerAdminRoutes(api, repositories);
  if (dependencies.nextUnitSuggestions) registerAdminPollsRoutes(api, repositories, dependencies.nextUnitSuggestions, dependencies.voting);
  registerAdminScheduleRoutes(api, repositories);
  registerAdminWechatRoutes(api, repositories, dependencies.wechatPublisher);
  registerAdminUnitsRoutes(api, repositories, () => dependencies.xiaoning.unitsChanged());
  if (dependencies.appealAdministration) registerAdminAppealsRoutes(api, dependencies.appealAdministration);
  if (dependencies.knowledge) registerKnowledgeRoutes(api, dependencies.knowledge, repositories, settings.uploadLimitBytes);
  const knowledge = dependencies.knowledge;
  if (knowledge?.queue)
    registerKnowledgeAdminRoutes(api, { ...knowledge, queue: knowledge.queue }, repositories, settings.uploadLimitBytes);
  const openApiDocument = api.document();
  app.get('/api/openapi.json', (_request, response) => {
    response.json(openApiDocument);
  });
  app.use(api.router);
  serveCaptureWorklet(app);
  // WeChat posts XML: the channel's router reads it with its own 1 MB text parser (the JSON one skips XML).
  if (dependencies.wechat) app.use('/wechat', dependencies.wechat.router);
  registerAdminPagesRoutes(app);
  registerWebchatRoutes(app, {
    previewIsPublic: async (id) => (await repositories.previews.get(id))?.published === true,
  });

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
