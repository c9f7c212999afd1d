import { tool } from 'langchain';
import { z } from 'zod';
import { appealTypes } from '../../hotline';
import { asToolResult, type ToolDependencies } from './tool-context';

export function createGetAppealStatisticsTool(deps: ToolDependencies) {
  return tool(
    async ({ unitId, from, to, by }) => {
      const filter = { unitId, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
      const { stats } = deps.repositories;
      if (by === 'type') {
        const counts = await stats.countByType(filter);
        return asToolResult({ by, items: appealTypes.map((type) => ({ name: type, count: counts.get(type) ?? 0 })) });
      }
      if (by === 'tag')
        return asToolResult({ by, items: (await stats.countByTag(filter, 8)).map(({ tag, count }) => ({ name: tag, count })) });
      if (by === 'month')
        return asToolResult({
          by,
          items: (await stats.trend(filter, 'month')).map(({ start, count }) => ({ name: start.slice(0, 7), count })),
        });
      const counts = await stats.countByCategory(filter);
      return asToolResult({
        by: 'category',
        items: [...counts].map(([name, count]) => ({ name, count })).sort((left, right) => right.count - left.count),
      });
    },
    {
      name: 'get_appeal_statistics',
      description: '统计诉求数据：按类别、类型（咨询/投诉/求助/建议/紧急件）、热点标签或按月趋势，可按单位编号和时间段筛选。',
      schema: z.object({
        unitId: z.string().optional().describe('单位编号'),
        from: z.string().optional().describe('开始时间（ISO 8601）'),
        to: z.string().optional().describe('结束时间（ISO 8601，不含）'),
        by: z.enum(['category', 'type', 'tag', 'month']).default('category').describe('统计方式'),
      }),
    },
  );
}
