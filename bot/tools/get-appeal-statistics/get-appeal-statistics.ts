import { z } from 'zod';
import { appealTypes } from '../../../hotline';
import { unitAndPeriodFields } from '../filter-fields';
import { defineToolUnit } from '../tool-unit';

const dimensions = ['category', 'type', 'tag', 'month'] as const;
const statsTitles = { category: '按类别', type: '按类型', tag: '热点话题', month: '按月' } as const;

/** Which count a question asks for: by type, hot topics, a monthly trend, or (by default) by category. */
const statisticsDimension = (text: string): (typeof dimensions)[number] =>
  /类型|咨询|投诉|求助|建议|紧急/.test(text)
    ? 'type'
    : /热点|热门|标签|话题|关心/.test(text)
      ? 'tag'
      : /趋势|每个月|每月|按月|变化/.test(text)
        ? 'month'
        : 'category';

export const getAppealStatistics = defineToolUnit({
  name: 'get_appeal_statistics',
  description: '统计诉求数据：按类别、类型（咨询/投诉/求助/建议/紧急件）、热点标签或按月趋势，可按单位编号和时间段筛选。',
  kind: 'data',
  input: z.object({
    ...unitAndPeriodFields,
    by: z.enum(dimensions).default('category').describe('统计方式'),
  }),
  output: z.object({ by: z.enum(dimensions), items: z.array(z.object({ name: z.string(), count: z.number() })) }),
  async call({ unitId, from, to, by }, deps) {
    const filter = { unitId, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
    const { stats } = deps.repositories;
    if (by === 'type') {
      const counts = await stats.countByType(filter);
      return { by, items: appealTypes.map((type) => ({ name: type, count: counts.get(type) ?? 0 })) };
    }
    if (by === 'tag') return { by, items: (await stats.countByTag(filter, 8)).map(({ tag, count }) => ({ name: tag, count })) };
    if (by === 'month')
      return { by, items: (await stats.trend(filter, 'month')).map(({ start, count }) => ({ name: start.slice(0, 7), count })) };
    const counts = await stats.countByCategory(filter);
    return {
      by: 'category' as const,
      items: [...counts].map(([name, count]) => ({ name, count })).sort((left, right) => right.count - left.count),
    };
  },
  plan: ({ slotText, unit, period }) => ({ ...(unit ? { unitId: unit.id } : {}), ...period, by: statisticsDimension(slotText) }),
  render({ by, items }) {
    const nonEmpty = items.filter((item) => item.count > 0);
    if (nonEmpty.length === 0) return '这段时间还没有诉求数据。';
    const shown = by === 'month' ? nonEmpty.slice(-6) : nonEmpty.slice(0, 6);
    return `诉求统计（${statsTitles[by]}）：\n${shown.map((item) => `${item.name}：${item.count}件`).join('\n')}`;
  },
  suggestions: ['热点话题有哪些？', '以前有人反映过类似问题吗？'],
});
