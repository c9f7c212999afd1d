import { tool } from 'langchain';
import { z } from 'zod';
import { previewView } from '../../hotline';
import { asToolResult, type ToolDependencies } from './tool-context';

export function createGetHotlinePreviewsTool(deps: ToolDependencies) {
  return tool(
    async ({ unitId, from, to }) => {
      const now = deps.now?.() ?? new Date();
      const units = new Map((await deps.repositories.units.list()).map((unit) => [unit.id, unit]));
      const rows = await deps.repositories.previews.list({
        unitId,
        from: from ? new Date(from) : now,
        to: to ? new Date(to) : undefined,
        publishedOnly: true,
      });
      return asToolResult({ previews: rows.slice(0, 8).map((row) => previewView(row, units.get(row.unitId))) });
    },
    {
      name: 'get_hotline_previews',
      description:
        '查询领导接线预告：哪个单位、哪天几点、哪位领导接听、接线范围和参与方式。可按单位编号和时间段筛选，默认列出即将到来的场次。',
      schema: z.object({
        unitId: z.string().optional().describe('单位编号，例如 zjj（住建局）、xpx（霞浦县）'),
        from: z.string().optional().describe('开始时间（ISO 8601）'),
        to: z.string().optional().describe('结束时间（ISO 8601，不含）'),
      }),
    },
  );
}
