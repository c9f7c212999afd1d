import { z } from 'zod';
import { chinaDateTime } from '../../../common';
import { previewView } from '../../../hotline';
import { unitAndPeriodFields } from '../filter-fields';
import { defineToolUnit } from '../tool-unit';

const previewSchema = z.looseObject({
  unit: z.looseObject({ name: z.string() }),
  startsAt: z.string(),
  endsAt: z.string(),
  leaderTitle: z.string(),
  scope: z.string(),
});

export const getHotlinePreviews = defineToolUnit({
  name: 'get_hotline_previews',
  description: '查询领导接线预告：哪个单位、哪天几点、哪位领导接听、接线范围和参与方式。可按单位编号和时间段筛选，默认列出即将到来的场次。',
  kind: 'data',
  input: z.object({
    ...unitAndPeriodFields,
  }),
  output: z.object({ previews: z.array(previewSchema) }),
  async call({ unitId, from, to }, deps) {
    const now = deps.now?.() ?? new Date();
    const units = new Map((await deps.repositories.units.list()).map((unit) => [unit.id, unit]));
    const rows = await deps.repositories.previews.list({
      unitId,
      from: from ? new Date(from) : now,
      to: to ? new Date(to) : undefined,
      publishedOnly: true,
    });
    return { previews: rows.slice(0, 8).map((row) => previewView(row, units.get(row.unitId))) };
  },
  plan: ({ unit, period }) => ({ ...(unit ? { unitId: unit.id } : {}), ...period }),
  render({ previews }) {
    if (previews.length === 0) return '近期还没有发布这方面的接线预告。预告发布后会在本栏目和12345微信公众号上公布。';
    const lines = previews
      .slice(0, 5)
      .map(
        (preview, index) => `${index + 1}. ${chinaDateTime(new Date(preview.startsAt))}，${preview.unit.name}（${preview.leaderTitle}）`,
      );
    return `近期的领导接线安排：\n${lines.join('\n')}\n到时拨打12345热线即可参与，也可以在栏目网页或微信公众号留言。`;
  },
  suggestions: ['怎么参加领导接线？', '往期接线大家都反映了什么？', '现在投票结果怎么样？'],
});
