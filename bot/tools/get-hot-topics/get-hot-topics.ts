import { z } from 'zod';
import { unitAndPeriodFields } from '../filter-fields';
import { periodLabel } from '../period-label';
import { defineToolUnit } from '../tool-unit';
import { isStaff, officialsOnlyReply } from '../officials-only';

const topicSchema = z.object({
  topic: z.string(),
  count: z.number(),
  summary: z.string(),
  latestAt: z.string(),
});

const outputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('refused') }),
  /** An official asked about another unit: their desk is their own unit's. */
  z.object({ status: z.literal('other_unit') }),
  /** An administrator (bound to no unit) named none. */
  z.object({ status: z.literal('needs_unit') }),
  z.object({ status: z.literal('unavailable') }),
  z.object({ status: z.literal('found'), unitName: z.string(), period: z.string().optional(), topics: z.array(topicSchema) }),
]);

export const getHotTopics = defineToolUnit({
  name: 'get_hot_topics',
  description:
    '本单位的高频诉求（仅接线工作人员）：职责范围内按话题归类的热点，带件数和从诉求中摘取的概括；接线领导只能查本单位，管理员可指定单位编号。',
  kind: 'data',
  input: z.object(unitAndPeriodFields),
  output: outputSchema,
  async call({ unitId, from, to }, deps, context) {
    if (!isStaff(context)) return { status: 'refused' as const };
    if (context.role === 'official' && unitId !== undefined && unitId !== context.unitId) return { status: 'other_unit' as const };
    const unit = context.role === 'official' ? context.unitId : unitId;
    if (!unit) return { status: 'needs_unit' as const };
    if (!deps.assistant) return { status: 'unavailable' as const };
    const [found, topics] = await Promise.all([
      deps.repositories.units.get(unit),
      deps.assistant.hotTopics(unit, { from: from ? new Date(from) : undefined, to: to ? new Date(to) : undefined }),
    ]);
    const period = periodLabel({ from, to });
    return {
      status: 'found' as const,
      unitName: found?.name ?? unit,
      ...(period ? { period } : {}),
      topics: topics.slice(0, 5).map(({ topic, count, summary, latestAt }) => ({ topic, count, summary, latestAt })),
    };
  },
  plan: ({ unit, period }) => ({ ...(unit ? { unitId: unit.id } : {}), ...period }),
  render(output) {
    if (output.status === 'refused') return officialsOnlyReply;
    if (output.status === 'other_unit') return '您只能查看本单位的高频诉求。';
    if (output.status === 'needs_unit') return '请告诉我要看哪个单位，例如：“住建局最近的热点”。';
    if (output.status === 'unavailable') return '高频诉求暂时查不到，请稍后再试，或在接线台的“高频诉求”里查看。';
    const subject = `${output.unitName}${output.period ?? '近期'}`;
    if (output.topics.length === 0) return `${subject}还没有职责范围内的高频诉求。`;
    const lines = output.topics.map((topic, index) => `${index + 1}. ${topic.topic}（${topic.count}件）：${topic.summary}`);
    return `${subject}的高频诉求：\n${lines.join('\n')}`;
  },
  suggestions: ['这个问题以前怎么处理的？'],
});
