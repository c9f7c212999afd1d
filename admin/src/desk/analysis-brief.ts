import type { CallAnalysis } from '../types';

export const genericUrgentAdvice = '请立即拨打110（报警）、119（火警）或120（急救），先确保来电人安全，不要等待书面办理。';

/** What to do at once for 紧急件: the assistant's own advice when it gives some, else the emergency numbers. */
export const urgentAdviceOf = (analysis: CallAnalysis): string[] =>
  analysis.urgentAdvice && analysis.urgentAdvice.length > 0 ? analysis.urgentAdvice : [genericUrgentAdvice];

const none = '暂无';

/** The law or document and where in it: 物业管理条例 › 第三章 › 第三十五条. */
export const passageName = (passage: { title: string; headingPath: string[] }) =>
  [passage.title, ...passage.headingPath.filter((heading) => heading !== passage.title)].join(' › ');

/** A plain-text brief of the analysis for 复制: the same parts as on screen, in the same order. */
export function analysisBrief(analysis: CallAnalysis, callText: string): string {
  const lines: string[] = ['【来电分析】'];
  if (analysis.type === '紧急件') {
    lines.push('紧急件！');
    for (const advice of urgentAdviceOf(analysis)) lines.push(`- ${advice}`);
  }
  lines.push(`来电内容：${callText}`);
  lines.push(`摘要：${analysis.summary || none}`);
  lines.push(`类别：${analysis.category || none}`);
  lines.push(`类型：${analysis.type || none}`);
  lines.push(`标签：${analysis.tags.length > 0 ? analysis.tags.join('、') : none}`);
  lines.push('政策依据：');
  if (analysis.policyBasis.length === 0) lines.push(none);
  for (const passage of analysis.policyBasis) {
    lines.push(`- ${passageName(passage)}：${passage.excerpt}`);
  }
  lines.push('相似案例：');
  if (analysis.similarCases.length === 0) lines.push(none);
  for (const item of analysis.similarCases) {
    lines.push(`- ${item.title}${item.replyUnit ? `（${item.replyUnit}答复）` : ''}`);
    lines.push(`  答复：${item.reply}`);
  }
  lines.push('参考办理：');
  if (analysis.suggestedHandling.length === 0) lines.push(none);
  for (const quote of analysis.suggestedHandling) lines.push(`- “${quote.quote}”（出自：${quote.caseTitle}）`);
  return lines.join('\n');
}
