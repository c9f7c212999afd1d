import { splitSentences } from '../../text';
import { pointHeadings, type ExplanationMaterial, type ExplanationPoint } from './explanation-types';

/** Courtesies that say nothing about the case: 您好, 感谢您的关注, 特此答复, a salutation line. */
const courtesy =
  /^(网友|市民|尊敬的|您好|你好|感谢|谢谢|特此|此复|祝您|欢迎)|感谢您|谢谢您|支持与理解|理解和支持|关注和支持|特此答复|此复[。！]?$|^[^，。]{0,12}[：:]$/u;
const decisionCue = /经|已|核实|调查|现场|答复|决定|同意|不予|不符合|符合|属于|目前|正在|将|已经|处理|解决|办结|落实|整改|安排/u;
const nextStepCue =
  /(请|建议|欢迎)(您|你)|(您|你)(可|可以|需|需要|应|应当|也可)|可(以)?(向|到|至|前往|拨打|联系|携带|咨询|申请|登录)|咨询电话|联系电话|如有(疑问|异议)|如需/u;
const ruleCue =
  /《[^》]+》|第[一二三四五六七八九十百零〇\d]+条|(依据|根据|按照)[^，。；]{0,30}(规定|办法|条例|法|政策|文件|标准|意见|通知)/u;

/** Leads put before a quoted sentence; fixed, so every word of a point is either one of them or the source's. */
export const offlineLeads = {
  decision: '答复中说：',
  nextStep: '答复中告诉您：',
  replyRule: '答复中提到的依据：',
  policy: (title: string, article: string | undefined) => `《${title}》${article ?? ''}规定：`,
} as const;

/** A greeting opening a sentence (“UU008186”您好，, UU008822：) and a thank-you closing it (，感谢您的支持！). */
const leadingGreeting = /^(?:[^，。！]{0,16}(您好|你好)[，,！!：:\s]*|[“"]?[A-Za-z]{0,4}\d{3,}[”"]?[：:]\s*)/u;
const trailingThanks = /[，,]\s*(感谢|谢谢|欢迎)[^，。！]*[。！!]?$/u;

/**
 * Sentences of the reply worth quoting, in order: courtesies and salutations dropped, whitespace tidied. Only
 * ends are cut, so each stays a verbatim part of the reply.
 */
export function replySentences(reply: string): string[] {
  return splitSentences(reply.replace(/[\u3000\s]+/gu, ' '))
    .map((sentence) => sentence.trim().replace(leadingGreeting, '').replace(trailingThanks, '').trim())
    .filter((sentence) => [...sentence].length >= 6 && !courtesy.test(sentence));
}

/** A passage's opening words up to the first sentence end (or 120 characters), verbatim. */
function passageQuote(excerpt: string): string {
  const [first] = splitSentences(excerpt);
  const sentence = (first ?? excerpt).trim();
  return [...sentence].length > 120 ? [...sentence].slice(0, 120).join('') : sentence;
}

/**
 * AI详解 without a model: the reply's sentences sorted into what was decided, what the citizen can do next
 * and the rules it names, plus the first sentence of each related passage. Nothing is written that is not a
 * fixed lead or a quote: an explanation can be poorer than the reply, never different from it.
 */
export function offlineExplanation(material: ExplanationMaterial): ExplanationPoint[] {
  const sentences = replySentences(material.reply);
  const replySource = { kind: 'reply' as const, unit: material.replyUnit };
  const used = new Set<string>();
  const take = (matches: (sentence: string) => boolean, limit: number) => {
    const chosen = sentences.filter((sentence) => !used.has(sentence) && matches(sentence)).slice(0, limit);
    chosen.forEach((sentence) => used.add(sentence));
    return chosen;
  };

  const nextSteps = take((sentence) => nextStepCue.test(sentence), 2);
  const rules = take((sentence) => ruleCue.test(sentence), 1);
  let decisions = take((sentence) => decisionCue.test(sentence), 2);
  if (decisions.length === 0) decisions = take(() => true, 1);

  const points: ExplanationPoint[] = [
    ...decisions.map((quote) => ({
      kind: 'decision' as const,
      heading: pointHeadings.decision,
      text: `${offlineLeads.decision}${quote}`,
      quote,
      source: replySource,
    })),
    ...nextSteps.map((quote) => ({
      kind: 'next-step' as const,
      heading: pointHeadings['next-step'],
      text: `${offlineLeads.nextStep}${quote}`,
      quote,
      source: replySource,
    })),
    ...rules.map((quote) => ({
      kind: 'basis' as const,
      heading: pointHeadings.basis,
      text: `${offlineLeads.replyRule}${quote}`,
      quote,
      source: replySource,
    })),
  ];
  for (const policy of material.policies.slice(0, 2)) {
    const quote = passageQuote(policy.excerpt);
    if (quote === '') continue;
    const article = policy.headingPath.length > 1 ? policy.headingPath[policy.headingPath.length - 1] : undefined;
    points.push({
      kind: 'basis',
      heading: pointHeadings.basis,
      text: `${offlineLeads.policy(policy.title, article && !quote.startsWith(article) ? article : undefined)}${quote}`,
      quote,
      source: { kind: 'policy', ...policy },
    });
  }
  return points;
}
