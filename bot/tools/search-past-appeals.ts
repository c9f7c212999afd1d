import { tool } from 'langchain';
import { z } from 'zod';
import { asToolResult, type ToolDependencies } from './tool-context';

export function createSearchPastAppealsTool(deps: ToolDependencies) {
  return tool(
    async ({ unitId, keywords, from, to }) => {
      const search = (q: string | undefined) =>
        deps.appeals.list({ unitId, q, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined, page: 1, pageSize: 5 });
      let result = await search(keywords);
      // Every word must match; when that finds nothing, the most specific (longest) word alone is tried.
      const words = (keywords ?? '').split(/\s+/).filter(Boolean);
      if (result.total === 0 && words.length > 1) result = await search([...words].sort((left, right) => right.length - left.length)[0]);
      return asToolResult({ total: result.total, appeals: result.items });
    },
    {
      name: 'search_past_appeals',
      description: '查询往期诉求（个人信息已遮挡）：可按单位编号、关键词和时间段筛选，返回诉求摘要、办理状态和是否已答复。',
      schema: z.object({
        unitId: z.string().optional().describe('单位编号'),
        keywords: z.string().max(50).optional().describe('事情的关键词，例如 停水、物业收费；不要填个人信息'),
        from: z.string().optional().describe('开始时间（ISO 8601）'),
        to: z.string().optional().describe('结束时间（ISO 8601，不含）'),
      }),
    },
  );
}
