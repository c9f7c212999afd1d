import { z } from 'zod';
import { unitAndPeriodFields } from '../filter-fields';
import { askedAbout, askedAboutSchema, subjectOf } from '../asked-about';
import { defineToolUnit } from '../tool-unit';
import { appealKeywords } from './appeal-keywords';
import { findPastAppeals } from './find-past-appeals';

export const searchPastAppeals = defineToolUnit({
  name: 'search_past_appeals',
  description: '查询往期诉求（个人信息已遮挡）：可按单位编号、关键词和时间段筛选，返回诉求摘要、办理状态和是否已答复。',
  kind: 'data',
  input: z.object({
    ...unitAndPeriodFields,
    keywords: z.string().max(50).optional().describe('事情的关键词，例如 停水、物业收费；不要填个人信息'),
  }),
  output: z.object({
    asked: askedAboutSchema.optional(),
    total: z.number(),
    appeals: z.array(
      z.looseObject({
        title: z.string(),
        excerpt: z.string(),
        unit: z.looseObject({ name: z.string() }).nullable(),
        status: z.string(),
        hasReply: z.boolean(),
      }),
    ),
  }),
  async call({ unitId, keywords, from, to }, deps) {
    const result = await findPastAppeals(deps, { unitId, keywords, from, to });
    return { asked: await askedAbout(deps, { unitId, from, to, keywords }), total: result.total, appeals: result.items };
  },
  plan({ slotText, unit, period, dateText, segment }) {
    const unitWords = unit ? [unit.name, ...unit.aliases] : [];
    const keywords = appealKeywords(slotText, unitWords, dateText ? [dateText] : [], segment);
    return { ...(unit ? { unitId: unit.id } : {}), ...period, ...(keywords ? { keywords } : {}) };
  },
  columnPage: ({ unitId }) => ({
    label: '在栏目“往期回顾”查看',
    path: unitId ? `/appeals?${new URLSearchParams({ unit: unitId }).toString()}` : '/appeals',
  }),
  render({ asked, total, appeals }) {
    const subject = subjectOf(asked);
    if (total === 0)
      return subject === ''
        ? '没有找到相关的往期诉求。您可以换个说法再查，或者直接提交您的诉求。'
        : `没有找到${subject}的往期诉求。您可以换个时间或说法再查，或者直接提交您的诉求。`;
    const lines = appeals.slice(0, 3).map((appeal, index) => {
      const where = appeal.unit ? `${appeal.unit.name}，` : '';
      return `${index + 1}. ${appeal.title || appeal.excerpt}（${where}${appeal.status}${appeal.hasReply ? '，已答复' : ''}）`;
    });
    const found = subject === '' ? `找到${total}条相关诉求` : `${subject}的往期诉求共${total}条`;
    return `${found}，最近的几条：\n${lines.join('\n')}\n点开往期回顾可以看详情和答复。`;
  },
  suggestions: ['诉求最多的是哪一类？', '下周谁来接听热线？'],
});
