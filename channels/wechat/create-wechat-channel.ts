import type { Preview } from '../../storage';
import { createRecentConversationFinder, type ConversationLookup } from './recent-conversation';
import type { RetryGuardOptions } from './retry-guard';
import type { SharedState } from '../../common';
import { createSharedNonceStore, sharedMessageClaim } from './shared-wechat-state';
import { createWechatAdapter, type WechatAdapter } from './wechat-adapter';
import { createWechatApiClient } from './wechat-api-client';
import { createWechatShortcuts, type ShortcutDependencies } from './wechat-shortcuts';
import type { SpeechToText } from '../voice/speech-types';
import { createAudioTranscoder } from '../voice/transcode-audio';
import { transcribeRecording } from '../voice/transcribe-recording';

export interface WechatSettings {
  token: string | undefined;
  appId: string | undefined;
  appSecret: string | undefined;
  encodingAesKey: string | undefined;
  apiBase: string;
  /** The column's public address; 预告 cards link to the session's page there. */
  publicBaseUrl?: string | undefined;
}

export interface WechatChannelParts {
  repositories: {
    conversations: ConversationLookup;
    previews: { list(filter: { from?: Date; publishedOnly?: boolean }): Promise<Preview[]> };
    units: ShortcutDependencies['units'];
  };
  voting: ShortcutDependencies['voting'];
  logger: {
    info(object: object, message: string): void;
    warn(object: object, message: string): void;
    error(object: object, message: string): void;
  };
  /** For tests: a shorter passive-reply deadline, another fetch, a smaller retry memory. */
  replyDeadlineMs?: number;
  fetch?: typeof fetch;
  retryGuard?: RetryGuardOptions;
  /** Several processes (REDIS_URL): retries and nonces are remembered in this shared state. */
  sharedState?: SharedState | undefined;
  /** Where the access_token is kept: shared with the publisher, and with Redis with every process. */
  tokenState?: SharedState | undefined;
  /** The clock signature timestamps are checked against (tests replaying recorded requests set it). */
  now?: () => number;
  /** The configured recogniser: voice messages WeChat did not recognise are fetched and transcribed with it. */
  speechToText?: SpeechToText | undefined;
}

/** The WeChat channel as configured, or undefined when WECHAT_TOKEN is not set (the channel is off). */
export function createWechatChannel(settings: WechatSettings, parts: WechatChannelParts): WechatAdapter | undefined {
  if (!settings.token) return undefined;
  const api =
    settings.appId && settings.appSecret
      ? createWechatApiClient({
          apiBase: settings.apiBase,
          appId: settings.appId,
          appSecret: settings.appSecret,
          fetch: parts.fetch,
          tokenState: parts.tokenState,
        })
      : undefined;
  if (!api)
    parts.logger.warn({ channel: 'wechat' }, 'WECHAT_APP_ID/WECHAT_APP_SECRET not set: answers slower than 4.5 s cannot be delivered');
  const transcoder = createAudioTranscoder();
  parts.logger.info({ channel: 'wechat', safeMode: Boolean(settings.encodingAesKey) }, 'WeChat channel on at /wechat');
  return createWechatAdapter({
    token: settings.token,
    appId: settings.appId,
    encodingAesKey: settings.encodingAesKey,
    api,
    publicBaseUrl: settings.publicBaseUrl,
    shortcuts: createWechatShortcuts({
      previews: parts.repositories.previews,
      units: parts.repositories.units,
      voting: parts.voting,
      publicBaseUrl: settings.publicBaseUrl,
    }),
    transcribeVoice:
      api && parts.speechToText
        ? async (mediaId: string) => {
            const speechToText = parts.speechToText!;
            const media = await api.fetchMedia(mediaId);
            return transcribeRecording(speechToText, await transcoder.toSpeechPcm(media.bytes));
          }
        : undefined,
    findConversation: createRecentConversationFinder({ conversations: parts.repositories.conversations }),
    logger: parts.logger,
    replyDeadlineMs: parts.replyDeadlineMs,
    retryGuard: parts.retryGuard,
    ...(parts.sharedState
      ? { nonces: createSharedNonceStore(parts.sharedState), claimMessage: sharedMessageClaim(parts.sharedState) }
      : {}),
    now: parts.now,
  });
}
