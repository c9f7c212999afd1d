import { tool } from 'langchain';
import { z } from 'zod';
import { isAddressedToAssistant } from '../../knowledge/text/addressed-to-assistant';
import { asToolResult, type ToolDependencies } from './tool-context';

export function createSearchPoliciesTool(deps: ToolDependencies) {
  return tool(
    async ({ query }) => {
      // A passage that speaks to the assistant is never handed over (to the offline composer or a chat model),
      // where it could be taken for an instruction; documents ingested now have such sentences removed already.
      const hits = (await deps.searchPolicies(query, 3)).filter((hit) => !isAddressedToAssistant(hit.excerpt));
      return asToolResult({ found: hits.length > 0, sources: hits.map((hit, index) => ({ n: index + 1, ...hit })) });
    },
    {
      name: 'search_policies',
      description:
        '检索政策法规原文：返回最相关的段落（带编号 n、出处、标题、章节条款）。没有足够相关的内容时 found 为 false，此时不要回答政策内容。',
      schema: z.object({ query: z.string().min(1).max(500).describe('要查的政策问题') }),
    },
  );
}
