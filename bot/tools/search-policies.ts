import { tool } from 'langchain';
import { z } from 'zod';
import { asToolResult, type ToolDependencies } from './tool-context';

export function createSearchPoliciesTool(deps: ToolDependencies) {
  return tool(
    async ({ query }) => {
      const hits = await deps.searchPolicies(query, 3);
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
