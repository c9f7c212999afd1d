import type { IntentRouter } from '../intents/intent-router';
import { isToolIntent, type Intent, type ToolIntent } from '../intents/intents';
import { confirmationCue, isConfirmation } from '../intents/vote-consent';
import { extractDateRange } from '../slots/date-slots';
import { extractOptionNumber } from '../slots/option-number';
import type { UnitFinder } from '../slots/unit-slots';

export interface TurnPlan {
  intent: Intent;
  toolCall?: { name: ToolIntent; args: Record<string, unknown> };
}

/** "那霞浦县呢？", "住建局的呢" — a follow-up that keeps the previous question and changes a detail. */
const followUp = /^(?:(?:那|那么|还有)\s*.{1,16}?\s*(?:的呢|呢)?|.{1,16}?\s*(?:的呢|呢))\s*[？?。!！]*$/;

const statisticsDimension = (text: string) =>
  /类型|咨询|投诉|求助|建议|紧急/.test(text)
    ? 'type'
    : /热点|热门|标签|话题|关心/.test(text)
      ? 'tag'
      : /趋势|每个月|每月|按月|变化/.test(text)
        ? 'month'
        : 'category';

/** What is left of a question about past appeals once the unit, the dates and the asking words are removed. */
function appealKeywords(text: string, unitWords: string[], dateWords: string[], segment: (text: string) => string[]): string | undefined {
  let rest = text;
  for (const word of [...unitWords, ...dateWords]) rest = rest.split(word).join(' ');
  rest = rest
    .replace(
      /以前|之前|往期|历史|有没有人|有人|别人|大家|都|反映过|反映了|反映|投诉过|诉求|问题|留言|哪些|什么|怎么|答复|处理|的|吗|呢|查一下|查查|帮我|找一下|看看|关于|有关|类似|过|收到|了|最近|记录|接线|上次/g,
      ' ',
    )
    .replace(/[\s\p{P}\p{S}]+/gu, ' ')
    .trim();
  const words = segment(rest).filter((word) => word.length >= 2);
  return words.length > 0 ? words.slice(0, 3).join(' ') : undefined;
}

/**
 * The offline model's decision for a user message: an intent from the router (a follow-up reuses the
 * previous question's intent) and the tool arguments from slot extraction. `previousAnswer` is Xiaoning's
 * last answer: when it asked to confirm a vote, a plain yes goes back to cast_vote (which casts the vote
 * that was asked about, whatever the arguments say).
 */
export function planTurn(
  text: string,
  previousUserTexts: string[],
  deps: { router: IntentRouter; units: UnitFinder; now: Date; segment: (text: string) => string[] },
  previousAnswer?: string,
): TurnPlan {
  const previous = previousUserTexts.at(-1);
  if (previous && previousAnswer?.includes(confirmationCue) && isConfirmation(text)) {
    const asked = planTurn(previous, [], deps);
    if (asked.intent === 'cast_vote') return asked;
  }
  const routed = deps.router.route(text);
  let intent = routed.intent;
  let slotText = text;
  if (previous && !routed.byCue && followUp.test(text.trim())) {
    const earlier = deps.router.route(previous);
    if (isToolIntent(earlier.intent) && earlier.intent !== 'cast_vote') {
      intent = earlier.intent;
      // The new detail replaces the old one; what it does not mention is kept from the previous question.
      const newUnit = deps.units.find(text);
      const oldUnit = deps.units.find(previous);
      // The previous question may name its unit by an alias (住建局): remove every name, longest first.
      const oldNames = oldUnit ? [oldUnit.name, ...oldUnit.aliases].sort((left, right) => right.length - left.length) : [];
      slotText = newUnit ? oldNames.reduce((rest, name) => rest.split(name).join(''), previous) + text : `${previous} ${text}`;
    }
  }
  if (!isToolIntent(intent)) return { intent };

  const unit = deps.units.find(text) ?? (slotText !== text ? deps.units.find(slotText) : undefined);
  const dates = extractDateRange(text, deps.now) ?? (slotText !== text ? extractDateRange(slotText, deps.now) : undefined);
  const period = dates ? { from: dates.from.toISOString(), to: dates.to.toISOString() } : {};
  const unitArgument = unit ? { unitId: unit.id } : {};
  switch (intent) {
    case 'get_hotline_previews':
      return { intent, toolCall: { name: intent, args: { ...unitArgument, ...period } } };
    case 'cast_vote': {
      const optionNumber = extractOptionNumber(text);
      return { intent, toolCall: { name: intent, args: optionNumber !== undefined && !unit ? { optionNumber } : unitArgument } };
    }
    case 'get_poll_results':
      return { intent, toolCall: { name: intent, args: {} } };
    case 'search_past_appeals': {
      const unitWords = unit ? [unit.name, ...unit.aliases] : [];
      const keywords = appealKeywords(slotText, unitWords, dates ? [dates.text] : [], deps.segment);
      return { intent, toolCall: { name: intent, args: { ...unitArgument, ...period, ...(keywords ? { keywords } : {}) } } };
    }
    case 'get_appeal_statistics':
      return { intent, toolCall: { name: intent, args: { ...unitArgument, ...period, by: statisticsDimension(slotText) } } };
    case 'search_policies':
      return { intent, toolCall: { name: intent, args: { query: slotText } } };
  }
}
