import OpenAI, { APIConnectionError, APIError } from 'openai';
import { AppError } from '../../common';
import { normaliseVector, type Embedder } from './embedder';

export interface OpenAiEmbedderOptions {
  baseUrl: string;
  apiKey?: string;
  model: string;
  /** Texts per request; OpenAI-compatible servers commonly accept up to a few hundred. */
  batchSize?: number;
  /** Attempts per batch for network errors, 429 and 5xx (with exponential backoff). */
  attempts?: number;
  timeoutMs?: number;
  /** Base of the backoff; tests pass a small one. */
  backoffMs?: number;
  fetch?: typeof fetch;
}

const retryable = (error: unknown) =>
  error instanceof APIConnectionError || (error instanceof APIError && (error.status === 429 || (error.status ?? 0) >= 500));

/**
 * Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint (bge-m3 on vLLM, Ollama, Qwen, OpenAI…)
 * through the official `openai` SDK. Retries stay ours (the SDK's are turned off) so that the backoff and the
 * one Chinese error are the same for every failure.
 */
export function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Embedder {
  const batchSize = options.batchSize ?? 64;
  const attempts = options.attempts ?? 3;
  const backoffMs = options.backoffMs ?? 500;
  const client = new OpenAI({
    baseURL: options.baseUrl,
    // Local servers (vLLM, Ollama) take no key, but the SDK insists on one.
    apiKey: options.apiKey ?? 'no-key',
    maxRetries: 0,
    timeout: options.timeoutMs ?? 30000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  const request = async (input: string[]): Promise<number[][]> => {
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        // Floats, not the SDK's default base64: several OpenAI-compatible servers only speak floats.
        const response = await client.embeddings.create({ model: options.model, input, encoding_format: 'float' });
        if (response.data.length !== input.length) throw new Error(`expected ${input.length} embeddings, got ${response.data.length}`);
        return [...response.data].sort((left, right) => left.index - right.index).map((entry) => normaliseVector(entry.embedding));
      } catch (error) {
        lastError = error;
        if (!retryable(error)) break;
      }
      if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (attempt - 1)));
    }
    throw new AppError('SERVICE_UNAVAILABLE', '向量模型服务暂时无法访问，请稍后再试。', { cause: lastError });
  };

  return {
    id: `openai-compatible:${options.model}`,
    async embed(texts) {
      const vectors: number[][] = [];
      for (let start = 0; start < texts.length; start += batchSize) vectors.push(...(await request(texts.slice(start, start + batchSize))));
      return vectors;
    },
  };
}
