import { cleanAppealText } from '../text/clean-appeal-text';
import type { AppealType } from './appeal-types';
import { findEmergency } from './emergency-cues';
import { findSpokenEmergency, isAboutRules } from './spoken-emergency-cues';
import { cuesByType, typeByTitleOpening, type OrdinaryType, type WeightedCue } from './intent-cues';

export interface AppealTypeResult {
  type: AppealType;
  /** Why: the emergency sentence, the title's own label, or the cues that won. */
  evidence: string;
}

/** The title is the writer's one-line statement of intent; its cues outweigh the body's. */
const titleWeight = 3;
/** Up to this length a text is a message or a question rather than a letter. */
const shortMessageLength = 60;
/**
 * Up to this length a text may be what someone says in a chat or on the phone, where danger is told in few
 * words (着火了, 人晕倒了); letters tell past and chronic troubles with the same words, so they do not count.
 */
const spokenMessageLength = 150;
/** A long letter repeats its cues; counting each cue at most twice keeps length from deciding. */
const maximumCountPerCue = 2;
/** On equal scores, the more specific intent wins; most letters that only describe a problem complain. */
/** Most letters that only describe a problem complain: 投诉 starts one cue ahead. */
const priors: Partial<Record<OrdinaryType, number>> = { 投诉: 1 };
const tieOrder: OrdinaryType[] = ['建议', '求助', '咨询', '投诉'];

function cueScore(text: string, cues: readonly WeightedCue[]): number {
  return cues.reduce((sum, [cue, weight]) => sum + weight * Math.min(text.match(cue)?.length ?? 0, maximumCountPerCue), 0);
}

/**
 * The type of an appeal from what its writer says. Danger happening now comes first whatever else the
 * letter says; then the writer's own label at the start of the title; then the intent whose cues weigh
 * most (title ×3). A letter with no cue at all reports a problem for someone to fix: 投诉.
 */
export function classifyAppealType(input: { title?: string | null; content: string }): AppealTypeResult {
  const title = cleanAppealText(input.title ?? '');
  const content = cleanAppealText(input.content);
  // A short question about the rules around a danger (燃气泄漏有什么规定) names it without being in it; a
  // letter that tells of a danger and then asks for an inspection is still about the danger.
  const whole = `${title}。${content}`;
  const emergency =
    whole.length <= shortMessageLength && isAboutRules(whole)
      ? null
      : (findEmergency(title, content) ?? (whole.length <= spokenMessageLength ? findSpokenEmergency(whole) : null));
  if (emergency) return { type: '紧急件', evidence: emergency.evidence };

  const labelled = typeByTitleOpening.find(([pattern]) => pattern.test(title));
  if (labelled) return { type: labelled[1], evidence: title };

  let best: { type: OrdinaryType; score: number } = { type: '投诉', score: 0 };
  for (const type of tieOrder) {
    const score = titleWeight * cueScore(title, cuesByType[type]) + cueScore(content, cuesByType[type]) + (priors[type] ?? 0);
    if (score > best.score) best = { type, score };
  }
  return { type: best.type, evidence: best.score === 0 ? '' : `${best.type}线索 ${best.score}` };
}
