import { z } from 'zod';
import { isAddressedToAssistant } from '../../../text';
import { noPolicyReply } from '../../models/offline-replies';
import { defineToolUnit } from '../tool-unit';

export const policySourceSchema = z.object({
  n: z.number(),
  source: z.string(),
  title: z.string(),
  headingPath: z.array(z.string()),
  excerpt: z.string(),
});

const articleHeading = /^第[一二三四五六七八九十百千零〇两\d]+条(之[一二三四五六七八九十]+)?$/u;

export const searchPolicies = defineToolUnit({
  name: 'search_policies',
  description:
    '检索政策法规原文：返回最相关的段落（带编号 n、出处、标题、章节条款）。没有足够相关的内容时 found 为 false，此时不要回答政策内容。',
  kind: 'policy',
  input: z.object({ query: z.string().min(1).max(500).describe('要查的政策问题') }),
  output: z.object({ found: z.boolean(), sources: z.array(policySourceSchema) }),
  async call({ query }, deps) {
    // A passage that speaks to the assistant is never handed over (to the offline composer or a chat model),
    // where it could be taken for an instruction; documents ingested now have such sentences removed already.
    const hits = (await deps.searchPolicies(query, 3)).filter((hit) => !isAddressedToAssistant(hit.excerpt));
    // A law is cited by its article (住房公积金管理条例 · 第二十四条): the passage is that article.
    return {
      found: hits.length > 0,
      sources: hits.map((hit, index) => {
        const article = hit.headingPath.at(-1);
        const title = article && articleHeading.test(article) && hit.title !== article ? `${hit.title} · ${article}` : hit.title;
        return { n: index + 1, ...hit, title };
      }),
    };
  },
  plan: ({ slotText }) => ({ query: slotText }),
  render({ found, sources }, { question, composePolicy }) {
    if (!found || sources.length === 0) return noPolicyReply;
    const { answer } = composePolicy(
      question,
      sources.map((source) => ({ title: source.title, headingPath: source.headingPath, text: source.excerpt })),
    );
    return answer.trim() === '' ? noPolicyReply : answer;
  },
  suggestions: ['以前有人反映过类似问题吗？', '下周谁来接听热线？'],
});
