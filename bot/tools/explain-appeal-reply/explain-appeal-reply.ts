import { z } from 'zod';
import { AppError } from '../../../common';
import { parseChineseNumber } from '../../slots/chinese-numbers';
import { askedAbout, askedAboutSchema, subjectOf } from '../asked-about';
import { unitAndPeriodFields } from '../filter-fields';
import { appealKeywords } from '../search-past-appeals/appeal-keywords';
import { findPastAppeals } from '../search-past-appeals/find-past-appeals';
import { defineToolUnit } from '../tool-unit';

/**
 * Words that ask for an explanation or point at an appeal, and the fillers around them: not what the appeal
 * was about, so left out of the search keywords (a filler kept as a keyword would pick an appeal at random).
 */
const explainingWords =
  /第\s*[0-9０-９一二两三四五六七八九十]+\s*[条个件]|解释|解读|详解|讲讲|讲一讲|讲一下|说说|说一说|翻译|看不懂|没看懂|看不太?明白|不太?明白|不太?懂|不清楚|啥意思|什么意思|意思|怎么理解|理解|大白话|人话|通俗|简单|下一步|该怎么办|依据|回复|答复|处理结果|办理结果|结果|那条|这条|那个|这个|那些|这些|这段|那段|刚才|上面|前面|一下|给我|帮忙|麻烦|能不能|可不可以|可以|到底|究竟|具体|说的|写的|说了|内容|话|官方|政府|部门|单位|人家|太绕|绕|你|我|吧/g;

/** 第一条, 第2个, 第三件: the place in the list the person was shown. */
function positionIn(text: string): number | undefined {
  const match = /第\s*([0-9０-９一二两三四五六七八九十]+)\s*[条个件]/u.exec(text.normalize('NFKC'));
  const value = match ? parseChineseNumber(match[1]!) : undefined;
  return value !== undefined && value >= 1 && value <= 5 ? value : undefined;
}

/** An appeal's id as the column shows it in links (replied-100081). */
const appealIdIn = (text: string) => /(?<![A-Za-z0-9])[A-Za-z]+-\d[A-Za-z0-9-]*/u.exec(text)?.[0];

const pointSchema = z.object({ heading: z.string(), text: z.string() });

/**
 * AI详解 in the conversation (issue 15): the published reply of an appeal the person points at — by its place
 * in the list just shown (第一条), by unit and subject, or by id — explained from the reply and the cited
 * passages only (hotline/explanations). Nothing is guessed: with no appeal pointed at, it asks which one.
 */
export const explainAppealReply = defineToolUnit({
  name: 'explain_appeal_reply',
  description:
    '用通俗的话解读一条往期诉求的官方答复（办理结果、接下来可以怎么做、依据），只摘自答复原文和相关政策条文。用诉求编号，或用单位、关键词、时间段加上列表中的序号（第几条）指明是哪一条。',
  kind: 'data',
  input: z.object({
    appealId: z.string().max(80).optional().describe('诉求编号，例如 replied-100081'),
    ...unitAndPeriodFields,
    keywords: z.string().max(50).optional().describe('诉求事情的关键词，例如 停水；不要填个人信息'),
    position: z.number().int().min(1).max(5).optional().describe('往期诉求列表中的第几条（从1开始）'),
  }),
  output: z.object({
    status: z.enum(['explained', 'no-reply', 'not-found', 'which-one', 'unavailable']),
    asked: askedAboutSchema.optional(),
    appeal: z.object({ id: z.string(), title: z.string(), status: z.string() }).optional(),
    points: z.array(pointSchema).optional(),
    notice: z.string().optional(),
  }),
  async call({ appealId, unitId, keywords, from, to, position }, deps) {
    const asked = await askedAbout(deps, { unitId, from, to, keywords });
    if (!deps.explanations) return { status: 'unavailable' as const, asked };
    let target: { id: string; title: string; status: string; hasReply: boolean } | undefined;
    if (appealId) {
      target = { id: appealId, title: '', status: '', hasReply: true };
    } else {
      // Nothing points at an appeal (no list shown before, no unit, subject or period): ask, never pick one.
      if (!unitId && !keywords && !from && !to && !position) return { status: 'which-one' as const, asked };
      const { items } = await findPastAppeals(deps, { unitId, keywords, from, to });
      target = position ? items[position - 1] : (items.find((item) => item.hasReply) ?? items[0]);
    }
    if (!target) return { status: 'not-found' as const, asked };
    const appeal = { id: target.id, title: target.title, status: target.status };
    if (!target.hasReply) return { status: 'no-reply' as const, asked, appeal };
    try {
      const explanation = await deps.explanations.explain(target.id);
      return {
        status: 'explained' as const,
        asked,
        appeal: { ...appeal, title: explanation.title },
        points: explanation.points.map((point) => ({ heading: point.heading, text: point.text })),
        notice: explanation.notice,
      };
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') return { status: 'not-found' as const, asked };
      if (error instanceof AppError && error.code === 'CONFLICT') return { status: 'no-reply' as const, asked, appeal };
      throw error;
    }
  },
  plan({ text, slotText, unit, period, dateText, segment }) {
    const appealId = appealIdIn(text);
    if (appealId) return { appealId };
    const unitWords = unit ? [unit.name, ...unit.aliases] : [];
    const keywords = appealKeywords(slotText.replace(explainingWords, ' '), unitWords, dateText ? [dateText] : [], segment);
    const filtered = unit !== undefined || keywords !== undefined || Object.keys(period).length > 0;
    // 第二条 counts only in a list: the one shown before (slotText carries its question) or the one asked for now.
    const position = slotText !== text || filtered ? positionIn(text) : undefined;
    return { ...(unit ? { unitId: unit.id } : {}), ...period, ...(keywords ? { keywords } : {}), ...(position ? { position } : {}) };
  },
  columnPage: (_input, output) =>
    output?.appeal ? { label: '在栏目查看这条诉求和AI详解', path: `/appeals/${encodeURIComponent(output.appeal.id)}` } : undefined,
  render({ status, asked, appeal, points, notice }) {
    const subject = subjectOf(asked);
    const title = appeal?.title ? `“${appeal.title}”` : '这条诉求';
    switch (status) {
      case 'explained':
        return [
          `${title}的答复，小宁用简单的话说一说：`,
          ...(points ?? []).map((point) => `· ${point.heading}：${point.text}`),
          notice ?? '',
        ]
          .filter(Boolean)
          .join('\n');
      case 'no-reply':
        return `${title}${appeal?.status ? `现在是“${appeal.status}”，` : ''}答复还没有公开，暂时没法解读。答复公开后，您可以在往期回顾里看到答复和AI详解。`;
      case 'not-found':
        return subject === ''
          ? '没有找到您说的这条诉求，没法解读它的答复。您可以先查往期诉求，再告诉我是第几条。'
          : `没有找到${subject}的诉求，没法解读它的答复。您可以换个说法再查，再告诉我是第几条。`;
      case 'which-one':
        return '您想让我解读哪一条诉求的答复？可以先问我“霞浦县最近有哪些诉求”，再说“解释一下第一条的答复”；也可以在往期回顾里点开诉求，看“AI详解”。';
      case 'unavailable':
        return '现在暂时没法解读答复，您可以在往期回顾里点开诉求，看答复原文。';
    }
  },
  suggestions: ['霞浦县最近有哪些诉求？', '诉求最多的是哪一类？'],
});
