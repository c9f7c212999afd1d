import type { IntentRouter } from '../intents/intent-router';
import { isToolIntent, type Intent, type ToolIntent } from '../intents/intents';
import { confirmationCue, isConfirmation } from '../intents/vote-consent';
import { extractDateRange } from '../slots/date-slots';
import type { UnitFinder } from '../slots/unit-slots';
import { toolUnitNamed, type TurnSlots } from '../tools';

export interface TurnPlan {
  intent: Intent;
  toolCall?: { name: ToolIntent; args: Record<string, unknown> };
}

/** "那霞浦县呢？", "住建局的呢" — a follow-up that keeps the previous question and changes a detail. */
const followUp = /^(?:(?:那|那么|还有)\s*.{1,16}?\s*(?:的呢|呢)?|.{1,16}?\s*(?:的呢|呢))\s*[？?。!！]*$/;

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
  const routed = deps.router.route(text, { units: deps.units });
  let intent = routed.intent;
  let slotText = text;
  if (previous && !routed.byCue && followUp.test(text.trim())) {
    const earlier = deps.router.route(previous, { units: deps.units });
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
  // "第一条的答复是什么意思" points into the list the previous question was shown: search it again the same way.
  if (intent === 'explain_appeal_reply' && previous && !deps.units.find(text)) {
    if (deps.router.route(previous, { units: deps.units }).intent === 'search_past_appeals') slotText = `${previous} ${text}`;
  }
  // After the emergency advice (given by the agent), the rules that apply may follow: never a policy search alone.
  if (intent === 'emergency') return { intent, toolCall: { name: 'search_policies', args: { query: text } } };
  if (!isToolIntent(intent)) return { intent };

  const unit = deps.units.find(text) ?? (slotText !== text ? deps.units.find(slotText) : undefined);
  const dates = extractDateRange(text, deps.now) ?? (slotText !== text ? extractDateRange(slotText, deps.now) : undefined);
  const slots: TurnSlots = {
    text,
    slotText,
    unit,
    period: dates ? { from: dates.from.toISOString(), to: dates.to.toISOString() } : {},
    dateText: dates?.text,
    segment: deps.segment,
  };
  const tool = toolUnitNamed(intent);
  return tool ? { intent, toolCall: { name: intent, args: tool.plan(slots) } } : { intent };
}
