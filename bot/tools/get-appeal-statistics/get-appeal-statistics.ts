import { z } from 'zod';
import { appealTypes } from '../../../hotline';
import { askedAbout, askedAboutSchema, subjectOf } from '../asked-about';
import { unitAndPeriodFields } from '../filter-fields';
import { findCategoryOutside } from '../../slots/category-slots';
import { defineToolUnit } from '../tool-unit';

const dimensions = ['category', 'type', 'tag', 'month'] as const;
const statsTitles = { category: '按类别', type: '按类型', tag: '热点话题', month: '按月' } as const;
const itemSchema = z.object({ name: z.string(), count: z.number() });

/** Which count a question asks for: by type, hot topics, a monthly trend, or (by default) by category. */
const statisticsDimension = (text: string): (typeof dimensions)[number] =>
  /类型|咨询|投诉|求助|建议|紧急/.test(text)
    ? 'type'
    : /热点|热门|标签|话题|关心/.test(text)
      ? 'tag'
      : /趋势|每个月|每月|按月|变化/.test(text)
        ? 'month'
        : 'category';

const listed = (items: { name: string; count: number }[]) => items.map((item) => `${item.name}${item.count}件`).join('，');

export const getAppealStatistics = defineToolUnit({
  name: 'get_appeal_statistics',
  description:
    '统计诉求数据：按类别、类型（咨询/投诉/求助/建议/紧急件）、热点标签或按月趋势，可按单位编号、诉求类别和时间段筛选；指定单位或类别时还返回总数和类型分布。',
  kind: 'data',
  input: z.object({
    ...unitAndPeriodFields,
    category: z.string().max(20).optional().describe('诉求类别，例如 卫生健康、城乡建设'),
    by: z.enum(dimensions).default('category').describe('统计方式'),
  }),
  output: z.object({
    asked: askedAboutSchema.optional(),
    by: z.enum(dimensions),
    items: z.array(itemSchema),
    /** For a named unit or category: its total and its type distribution. */
    total: z.number().optional(),
    types: z.array(itemSchema).optional(),
  }),
  async call({ unitId, from, to, category, by }, deps) {
    const filter = { unitId, category, from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined };
    const { stats } = deps.repositories;
    const asked = await askedAbout(deps, { unitId, from, to, category });
    const typeItems = async () => {
      const counts = await stats.countByType(filter);
      return appealTypes.map((type) => ({ name: type, count: counts.get(type) ?? 0 }));
    };
    const categoryItems = async () =>
      [...(await stats.countByCategory(filter))].map(([name, count]) => ({ name, count })).sort((left, right) => right.count - left.count);
    const named = unitId !== undefined || category !== undefined ? { types: await typeItems() } : {};
    const total = named.types ? { total: (await categoryItems()).reduce((sum, item) => sum + item.count, 0) } : {};
    if (by === 'type') return { asked, by, items: named.types ?? (await typeItems()), ...named, ...total };
    if (by === 'tag')
      return { asked, by, items: (await stats.countByTag(filter, 8)).map(({ tag, count }) => ({ name: tag, count })), ...named, ...total };
    if (by === 'month')
      return {
        asked,
        by,
        items: (await stats.trend(filter, 'month')).map(({ start, count }) => ({ name: start.slice(0, 7), count })),
        ...named,
        ...total,
      };
    return { asked, by: 'category' as const, items: await categoryItems(), ...named, ...total };
  },
  plan: ({ slotText, unit, period }) => {
    const category = findCategoryOutside(slotText, unit);
    // A named category is one row of the by-category count: its type distribution is what says something.
    const by = statisticsDimension(slotText);
    return {
      ...(unit ? { unitId: unit.id } : {}),
      ...(category ? { category } : {}),
      ...period,
      by: category && by === 'category' ? 'type' : by,
    };
  },
  columnPage: ({ unitId, category }) => {
    const query = new URLSearchParams({ ...(unitId ? { unit: unitId } : {}), ...(category ? { category } : {}) }).toString();
    return { label: '在栏目“诉求数据分析”查看图表', path: query ? `/stats?${query}` : '/stats' };
  },
  render({ asked, by, items, total, types }) {
    const subject = subjectOf(asked);
    const nonEmpty = items.filter((item) => item.count > 0);
    if (nonEmpty.length === 0 && !total) return subject === '' ? '这段时间还没有诉求数据。' : `${subject}还没有诉求数据。`;
    const shown = by === 'month' ? nonEmpty.slice(-6) : nonEmpty.slice(0, 6);
    if (total !== undefined) {
      const lines = [`${subject}的诉求共${total}件。`];
      const typeLine = (types ?? []).filter((item) => item.count > 0);
      if (by !== 'type' && shown.length > 0) lines.push(`${statsTitles[by]}：${listed(shown)}。`);
      if (typeLine.length > 0) lines.push(`按类型：${listed(typeLine)}。`);
      return lines.join('\n');
    }
    const heading = subject === '' ? `诉求统计（${statsTitles[by]}）` : `${subject}的诉求统计（${statsTitles[by]}）`;
    return `${heading}：\n${shown.map((item) => `${item.name}：${item.count}件`).join('\n')}`;
  },
  suggestions: ['热点话题有哪些？', '以前有人反映过类似问题吗？'],
});
