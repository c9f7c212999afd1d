/**
 * With an OpenAI-compatible chat model configured, a citizen's question is rewritten into the official terms
 * laws and notices use (失业金怎么领 → 失业保险金 领取 条件) before retrieval (issue 13). The terms are added
 * to the search, never replace the question: the offline thesaurus still applies, and a model that is slow,
 * down or answers nonsense costs nothing but the rewrite.
 */
import { z } from 'zod';

export interface QueryRewriterOptions {
  baseUrl: string;
  apiKey?: string | undefined;
  model: string;
  fetch?: typeof fetch;
  /** The rewrite is skipped when the model takes longer: retrieval must not wait on it. */
  timeoutMs?: number;
}

export type QueryRewriter = (question: string) => Promise<string[]>;

const instructions =
  '你是政策法规检索助手。把市民的口语问题改写成法律法规和政府文件里使用的正式术语，' +
  '例如“失业金”写成“失业保险金”，“炒掉物业”写成“解聘物业服务企业”，“老板不给钱”写成“拖欠劳动报酬”。' +
  '只输出3到8个正式术语，用空格分隔，不要解释，不要回答问题。';

/** Lenient: only the field used. */
const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullish() }) })).min(1),
});

/** Terms of the model's answer: runs of Han characters (and Latin words), each at most 20 characters, at most 12. */
export function termsOfRewrite(content: string): string[] {
  const terms = content
    .normalize('NFKC')
    .split(/[\s,，、;；。:：!！?？"“”'‘’()（）[\]【】\d]+/u)
    .map((term) => term.trim())
    .filter((term) => term.length >= 2 && term.length <= 20 && /\p{Script=Han}/u.test(term));
  return [...new Set(terms)].slice(0, 12);
}

export function createQueryRewriter(options: QueryRewriterOptions): QueryRewriter {
  const fetchImplementation = options.fetch ?? fetch;
  const url = `${options.baseUrl.replace(/\/$/, '')}/chat/completions`;
  return async (question) => {
    try {
      const response = await fetchImplementation(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {}) },
        body: JSON.stringify({
          model: options.model,
          temperature: 0,
          max_tokens: 80,
          messages: [
            { role: 'system', content: instructions },
            { role: 'user', content: question.slice(0, 500) },
          ],
        }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
      });
      if (!response.ok) return [];
      const parsed = completionSchema.safeParse(await response.json());
      return parsed.success ? termsOfRewrite(parsed.data.choices[0]!.message.content ?? '') : [];
    } catch {
      // A rewrite is an aid: without it the question is searched with the thesaurus alone.
      return [];
    }
  };
}
