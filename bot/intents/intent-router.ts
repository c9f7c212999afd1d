import { findEmergencyInMessage } from '../../hotline';
import type { UnitFinder } from '../slots/unit-slots';
import { findCategoryOutside } from '../slots/category-slots';
import { trainIntentClassifier, type IntentPrediction } from './intent-classifier';
import { intentFromCues } from './intent-cues';
import { intents, type Intent } from './intents';
import { readUtterances, type Utterance } from './utterances';

/** Asking what was raised: a unit or a period with these words asks for past appeals (霞浦县最近有哪些诉求). */
const appealWords = /诉求|反映|问题|投诉|意见|来信|留言|举报/u;
/** Asking how to do something about a problem, or a unit's contact details: a policy question, not a look-up. */
const howToWords =
  /怎么办|怎么(投诉|反映|举报|处理|解决|申请|办)|如何|我(想|要)(反映|投诉|举报)|找谁|哪个部门|哪里|去哪|渠道|(能|可以)向|电话|地址|热线号码/u;
/**
 * A category named as a kind of appeal (卫生健康方面的诉求, 卫生健康类有几件, 卫生健康 alone), not as a sector
 * in a policy question (各地交通运输主管部门的措施).
 */
const asksAboutAppeals = (text: string, category: string) =>
  new RegExp(`${category}(方面|类|的?(诉求|投诉|问题|反映|情况|数量|统计|占比)|有多少|多不多|[?？。]*$)`, 'u').test(text) ||
  /诉求|多少件|几件|占比|统计/u.test(text);

/** What was raised in a period, without a unit: 最近一周的诉求, 这个月群众反映了什么. */
const raisedInPeriod = /(诉求|投诉|反映|来信)(有哪些|都有啥|有啥|都是什么|是什么|$|[?？。]*$)|(反映|投诉|说)了(什么|啥|哪些)/u;

/**
 * The words of rules and public services (政策, 补贴, 办理, 社保, 罚款…): a message that uses them is not small talk,
 * whatever the classifier guessed from its other words; the relevance threshold still decides whether a source answers it.
 */
const ruleWords =
  /政策|规定|条例|法律|法规|通知|补贴|补助|补偿|赔偿|津贴|申请|办理|缴纳|缴费|社保|医保|公积金|养老金|低保|疫情|防控|复工|复产|减免|违法|合法|罚款|处罚|审批|许可|证明|政府|部门/u;

/**
 * Intents the classifier never guesses: a vote is cast only on the person's own plain words, danger is
 * decided by the detector alone, and the tally is asked for with its own words (票, 排名, 候选) — a guess
 * would take 市场监管局的电话是多少 for 住建局多少票. The officials' tools are asked for with their own words too:
 * a guess would refuse a citizen's question.
 */
const byWordingOnly: readonly Intent[] = [
  'emergency',
  'cast_vote',
  'get_poll_results',
  'get_appeal_statistics',
  'explain_appeal_reply',
  'analyze_call',
  'get_hot_topics',
];
const officialsIntents: readonly Intent[] = ['analyze_call', 'get_hot_topics'];
const classified: readonly Intent[] = intents.filter((intent) => !byWordingOnly.includes(intent));

const questionIntents: readonly Intent[] = ['search_policies', 'out_of_domain'];
const lookUpSubjects: Partial<Record<Intent, RegExp>> = {
  search_past_appeals: /诉求|反映|投诉|留言|意见|来信|问题|举报/u,
  get_hotline_previews: /接线|接听|领导|预告|接电话|热线电话|值班/u,
};

export interface RouteContext {
  /** The units as they are now, for the rule "a unit + 诉求 → past appeals". */
  units?: UnitFinder | undefined;
}

/**
 * The intent of a message: danger happening now first (never left to a classifier), then the wording cues,
 * then slots that decide where they are unambiguous (a unit or a period with 诉求 → past appeals; a
 * category → statistics), then the classifier trained on the utterance sets. `byCue` is false only for
 * the classifier's guesses, which a follow-up (那霞浦县呢？) may override with the previous intent.
 */
export function createIntentRouter(utterances: readonly Utterance[] = readUtterances(), defaults: RouteContext = {}) {
  // The officials' utterances document their wording (and are checked against the cues); the classifier never
  // predicts those intents, so training on them would only shift the citizens' routing.
  const classifier = trainIntentClassifier(utterances.filter((utterance) => !officialsIntents.includes(utterance.intent)));
  return {
    route(text: string, context: RouteContext = defaults): IntentPrediction & { byCue: boolean } {
      const decided = (intent: Intent) => ({ intent, confidence: 1, byCue: true });
      if (findEmergencyInMessage(text)) return decided('emergency');
      const cue = intentFromCues(text);
      if (cue) return decided(cue);
      if (!howToWords.test(text)) {
        const unit = (context.units ?? defaults.units)?.find(text);
        const category = findCategoryOutside(text, unit);
        if (category && asksAboutAppeals(text, category) && !/投|选/u.test(text)) return decided('get_appeal_statistics');
        if (unit && appealWords.test(text)) return decided('search_past_appeals');
        if (raisedInPeriod.test(text) && !unit) return decided('search_past_appeals');
      }
      const guess = classifier.predict(text, classified);
      if (guess.intent === 'out_of_domain' && ruleWords.test(text))
        return { intent: 'search_policies', confidence: guess.confidence, byCue: false };
      // A guess of a look-up needs the look-up's own subject in the message: dates and unit names also fill
      // policy questions (2月14日起办理哪些业务, 社保中心什么时候开始办公).
      const subject = lookUpSubjects[guess.intent];
      if (!subject || subject.test(text)) return { ...guess, byCue: false };
      return { ...classifier.predict(text, questionIntents), byCue: false };
    },
  };
}

export type IntentRouter = ReturnType<typeof createIntentRouter>;
