import { z } from 'zod';
import { defineToolUnit } from '../tool-unit';
import { isStaff, officialsOnlyReply } from '../officials-only';

/** 帮我分析：… / 分析一下这个来电：… — the text after the request is what the caller said. */
const analysisRequest =
  /^.{0,12}?(帮我|请|麻烦)?(分析|研判)(一下)?(这个|这通|这段|这条|下面的?)?(来电|电话|诉求|内容|问题)?(内容)?[:：，,\s]+/u;

/** The caller's words in a message, when the message carries them (帮我分析：…); nothing for "这个问题以前怎么处理的？". */
export function callTextIn(message: string): string | undefined {
  const match = analysisRequest.exec(message.trim());
  if (!match) return undefined;
  const rest = message.trim().slice(match[0].length).trim();
  return [...rest].length >= 4 ? rest : undefined;
}

/** Asking how such cases were handled before: answer with the past cases first. */
const asksHowHandled = /以前|之前|过去|怎么处理|如何处理|怎么办的|怎么解决|办理/u;

const analysisSchema = z.object({
  summary: z.string(),
  category: z.string(),
  type: z.string(),
  tags: z.array(z.string()),
  urgentAdvice: z.array(z.string()).nullable(),
  policyBasis: z.array(z.object({ title: z.string(), headingPath: z.array(z.string()), excerpt: z.string() })),
  similarCases: z.array(z.object({ id: z.string(), title: z.string(), replyUnit: z.string().nullable(), reply: z.string() })),
  suggestedHandling: z.array(z.object({ caseTitle: z.string(), quote: z.string() })),
});

const outputSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('refused') }),
  /** No call text in the message nor from the console: ask for it. */
  z.object({ status: z.literal('needs_text') }),
  z.object({ status: z.literal('unavailable') }),
  z.object({ status: z.literal('analysed'), focus: z.enum(['analysis', 'handling']), analysis: analysisSchema }),
]);

const shortened = (text: string, length: number) => ([...text].length > length ? `${[...text].slice(0, length).join('')}…` : text);

function renderCases(analysis: z.output<typeof analysisSchema>): string[] {
  if (analysis.similarCases.length === 0) return ['相似案例：暂无（没有足够相近的往期案例）。'];
  return [
    '相似案例：',
    ...analysis.similarCases.map(
      (item, index) => `${index + 1}. ${item.title}（${item.replyUnit ?? '答复单位未注明'}答复）：${shortened(item.reply, 90)}`,
    ),
  ];
}

function renderHandling(analysis: z.output<typeof analysisSchema>): string[] {
  if (analysis.suggestedHandling.length === 0) return ['参考办理：暂无。'];
  return [
    '参考办理（摘自往期答复）：',
    ...analysis.suggestedHandling.slice(0, 3).map((item) => `· ${item.quote}（见“${item.caseTitle}”）`),
  ];
}

function renderPolicies(analysis: z.output<typeof analysisSchema>): string[] {
  if (analysis.policyBasis.length === 0) return ['政策依据：暂无。'];
  return ['政策依据：', ...analysis.policyBasis.map((item) => `· 《${item.title}》${item.headingPath.at(-1) ?? ''}`)];
}

export const analyzeCall = defineToolUnit({
  name: 'analyze_call',
  description:
    '接线辅助（仅接线工作人员）：分析来电内容，返回摘要、类别、类型、政策依据、相似案例及其答复、参考办理方式；text 为来电内容，不填时使用接线台来电内容框里的文字。',
  kind: 'data',
  input: z.object({
    text: z.string().max(3000).optional().describe('来电内容（群众在电话里说的话）'),
    focus: z.enum(['analysis', 'handling']).default('analysis').describe('handling：重点说往期怎么处理的'),
  }),
  output: outputSchema,
  async call({ text, focus }, deps, context) {
    if (!isStaff(context)) return { status: 'refused' as const };
    const callText = text?.trim() || context.callText?.trim();
    if (!callText || [...callText].length < 4) return { status: 'needs_text' as const };
    if (!deps.assistant) return { status: 'unavailable' as const };
    const analysis = await deps.assistant.analyze({ text: callText, unitId: context.unitId });
    return {
      status: 'analysed' as const,
      focus,
      analysis: {
        summary: analysis.summary,
        category: analysis.category,
        type: analysis.type,
        tags: analysis.tags,
        urgentAdvice: analysis.urgentAdvice,
        policyBasis: analysis.policyBasis.map(({ title, headingPath, excerpt }) => ({ title, headingPath, excerpt })),
        similarCases: analysis.similarCases.map(({ id, title, replyUnit, reply }) => ({ id, title, replyUnit, reply })),
        suggestedHandling: analysis.suggestedHandling.map(({ caseTitle, quote }) => ({ caseTitle, quote })),
      },
    };
  },
  plan: ({ text }) => {
    const callText = callTextIn(text);
    return {
      ...(callText ? { text: callText } : {}),
      focus: !callText && asksHowHandled.test(text) ? ('handling' as const) : ('analysis' as const),
    };
  },
  render(output) {
    if (output.status === 'refused') return officialsOnlyReply;
    if (output.status === 'unavailable') return '来电分析暂时用不了，请稍后再试，或在接线台的“来电分析”里输入来电内容。';
    if (output.status === 'needs_text') return '请先把来电内容告诉我：在接线台的“来电内容”框里输入，或直接发“帮我分析：”加上群众说的话。';
    const { analysis, focus } = output;
    const urgent = analysis.urgentAdvice ? ['【紧急件】请先告诉来电人：', ...analysis.urgentAdvice, ''] : [];
    const facts = `来电摘要：${analysis.summary || '暂无'}\n类别：${analysis.category || '暂无'}；类型：${analysis.type || '暂无'}${
      analysis.tags.length > 0 ? `；标签：${analysis.tags.join('、')}` : ''
    }`;
    const parts =
      focus === 'handling'
        ? [...renderCases(analysis), ...renderHandling(analysis), ...renderPolicies(analysis)]
        : [...renderPolicies(analysis), ...renderCases(analysis), ...renderHandling(analysis)];
    return [...urgent, facts, ...parts].join('\n');
  },
  suggestions: ['本单位最近的热点'],
});
