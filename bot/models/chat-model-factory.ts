import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';
import { OfflineChatModel, type OfflineChatModelDependencies } from './offline-chat-model';

export interface ChatModelSettings {
  /** OpenAI-compatible endpoint; absent → the offline model. */
  baseUrl?: string | undefined;
  apiKey?: string | undefined;
  model?: string | undefined;
  timeoutMs?: number;
  maxRetries?: number;
}

export type ChatModelKind = 'offline' | 'openai-compatible';

/** One factory for both models: the agent and its tools do not know which one runs. */
export function createChatModel(
  settings: ChatModelSettings,
  offline: OfflineChatModelDependencies,
): { model: BaseChatModel; kind: ChatModelKind } {
  if (!settings.baseUrl) return { model: new OfflineChatModel(offline), kind: 'offline' };
  return {
    kind: 'openai-compatible',
    model: new ChatOpenAI({
      model: settings.model ?? 'qwen-plus',
      apiKey: settings.apiKey ?? 'not-needed',
      configuration: { baseURL: settings.baseUrl },
      // `streaming` is left unset: set to true, invoke() estimates token counts with tiktoken files downloaded
      // from the internet, which hangs on a closed network; set to false, it disables stream() as well.
      // Unset, invoke() makes one request and stream() (and the agent's streamed runs) use server-sent events.
      temperature: 0,
      timeout: settings.timeoutMs ?? 30000,
      maxRetries: settings.maxRetries ?? 2,
    }),
  };
}
