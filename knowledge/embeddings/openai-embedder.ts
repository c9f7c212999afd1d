import { z } from 'zod';
import { AppError } from '../../common/errors';
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

/** Only the fields we use; anything else the server adds is ignored. */
const responseSchema = z.object({
  data: z.array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) })),
});

const retryable = (status: number) => status === 429 || status >= 500;

/** Embeddings from any OpenAI-compatible `/v1/embeddings` endpoint (bge-m3 on vLLM, Ollama, Qwen, OpenAI…). */
export function createOpenAiEmbedder(options: OpenAiEmbedderOptions): Embedder {
  const batchSize = options.batchSize ?? 64;
  const attempts = options.attempts ?? 3;
  const timeoutMs = options.timeoutMs ?? 30000;
  const backoffMs = options.backoffMs ?? 500;
  const fetchImplementation = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/$/, '')}/embeddings`;

  const request = async (input: string[]): Promise<number[][]> => {
    let lastError: unknown;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      try {
        const response = await fetchImplementation(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...(options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {}) },
          body: JSON.stringify({ model: options.model, input }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.ok) {
          const parsed = responseSchema.parse(await response.json());
          if (parsed.data.length !== input.length) throw new Error(`expected ${input.length} embeddings, got ${parsed.data.length}`);
          return [...parsed.data].sort((left, right) => left.index - right.index).map((entry) => normaliseVector(entry.embedding));
        }
        lastError = new Error(`embeddings endpoint answered ${response.status}`);
        if (!retryable(response.status)) break;
      } catch (error) {
        lastError = error;
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
