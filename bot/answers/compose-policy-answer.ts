/**
 * The offline policy answer (DESIGN §4): the passage sentences that best answer the question, in the
 * passages' order, each run of sentences followed by the [n] marker of the passage it was taken from.
 * Nothing is written that the passages do not say: the only characters added are the markers and the
 * punctuation that joins or closes the extracted pieces.
 */
import { stripQuestionWords, textCharacterPairs } from '../../knowledge/text/retrieval-terms';
import { clausePrefixes, splitUnits, type AnswerUnit } from './answer-units';

export interface PolicyPassage {
  title: string;
  headingPath: string[];
  text: string;
}

export interface PolicyAnswer {
  /** At most `maxCharacters` characters (code points), markers included; empty when nothing matched. */
  answer: string;
  /** 1-based numbers of the passages the answer quotes, ascending. */
  cited: number[];
}

export interface ComposePolicyAnswerOptions {
  /** Upper bound of the answer's length in code points, markers included. */
  maxCharacters?: number;
  /** How many of the first passages may be quoted. */
  maxPassages?: number;
  /** Weight of a passage by its rank: the retrieval's order is evidence too. */
  rankDecay?: number;
  /** Extra weight for the sentence after the window over the one before it (answers follow their cue). */
  forwardBias?: number;
  /** Sentences of other passages are added only when they score at least this share of the best one. */
  extraShare?: number;
}

const defaults: Required<ComposePolicyAnswerOptions> = {
  maxCharacters: 300,
  maxPassages: 3,
  rankDecay: 0.6,
  forwardBias: 0.15,
  extraShare: 0.5,
};

interface ScoredUnit extends AnswerUnit {
  score: number;
}

interface Piece {
  passage: number;
  units: ScoredUnit[];
  /** Set when the last unit is cut at a clause boundary: the text kept of it. */
  cut?: string;
}

const sentenceEnd = /[。！？；!?;…”’」』）)]$/u;
const normalise = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, '');

/** Headings repeated at the top of a chunk (the notices start with their title) answer nothing. */
function isHeading(unit: AnswerUnit, passage: PolicyPassage): boolean {
  const text = normalise(unit.text);
  return text === '' || [passage.title, ...passage.headingPath].some((heading) => normalise(heading) === text);
}

/** The text of a run of neighbouring units, as the passage wrote it, with line breaks made punctuation. */
function pieceText(piece: Piece, passages: PolicyPassage[]): string {
  const source = passages[piece.passage]!.text;
  const first = piece.units[0]!;
  const last = piece.units[piece.units.length - 1]!;
  let text = piece.cut === undefined ? source.slice(first.start, last.end) : source.slice(first.start, last.start) + piece.cut;
  text = text
    .replace(/\s*\n\s*/g, (_, offset: number) => (/\p{P}$/u.test(text.slice(0, offset)) ? '' : '；'))
    .replace(/\s+/g, ' ')
    .trim();
  if (piece.cut !== undefined) return `${text.replace(/[，,：:、\s]+$/u, '')}…`;
  return sentenceEnd.test(text) ? text : `${text}。`;
}

function render(pieces: Piece[], passages: PolicyPassage[]): string {
  return [...pieces]
    .sort((left, right) => left.passage - right.passage || left.units[0]!.position - right.units[0]!.position)
    .map((piece) => `${pieceText(piece, passages)}[${piece.passage + 1}]`)
    .join('');
}

const length = (text: string) => [...text].length;

export function composePolicyAnswer(question: string, passages: PolicyPassage[], options: ComposePolicyAnswerOptions = {}): PolicyAnswer {
  const settings = { ...defaults, ...options };
  const usable = passages.slice(0, settings.maxPassages);
  const unitsByPassage = usable.map((passage, index) => splitUnits(passage.text, index).filter((unit) => !isHeading(unit, passage)));
  const all = unitsByPassage.flat();
  const questionTerms = [...new Set(textCharacterPairs(stripQuestionWords(question)))];
  if (all.length === 0 || questionTerms.length === 0) return { answer: '', cited: [] };

  // Weights local to the passages at hand: a pair every sentence shares ("疫情") says nothing about which
  // sentence answers.
  const termSets = all.map((unit) => new Set(textCharacterPairs(unit.text)));
  const weight = new Map<string, number>();
  for (const term of questionTerms) {
    const frequency = termSets.filter((terms) => terms.has(term)).length;
    weight.set(term, Math.log((all.length + 1) / (frequency + 0.5)));
  }
  const total = questionTerms.reduce((sum, term) => sum + Math.max(weight.get(term)!, 0), 0) || 1;
  const scored: ScoredUnit[] = all.map((unit, index) => {
    const terms = termSets[index]!;
    const matched = questionTerms.reduce((sum, term) => sum + (terms.has(term) ? Math.max(weight.get(term)!, 0) : 0), 0);
    return { ...unit, score: matched / total };
  });
  const byPassage = usable.map((_, index) => scored.filter((unit) => unit.passage === index));
  const prior = (passage: number) => settings.rankDecay ** passage;

  let anchor = scored[0]!;
  for (const unit of scored) if (unit.score * prior(unit.passage) > anchor.score * prior(anchor.passage)) anchor = unit;
  if (anchor.score <= 0) return { answer: '', cited: [] };

  const fits = (pieces: Piece[]) => length(render(pieces, usable)) <= settings.maxCharacters;
  const main: Piece = { passage: anchor.passage, units: [anchor] };
  const pieces: Piece[] = [main];
  if (!fits(pieces)) {
    // A single sentence longer than the whole answer: keep as many of its clauses as fit.
    const cut = clausePrefixes(anchor.text)
      .reverse()
      .find((prefix) => fits([{ ...main, cut: prefix }]));
    if (cut === undefined) return { answer: '', cited: [] };
    main.cut = cut;
    return { answer: render(pieces, usable), cited: [anchor.passage + 1] };
  }

  // Grow the anchor into a window of neighbouring sentences, the more relevant side first.
  const siblings = byPassage[anchor.passage]!;
  let grow = true;
  while (grow) {
    grow = false;
    const first = main.units[0]!.position;
    const last = main.units[main.units.length - 1]!.position;
    const candidates = [
      { unit: siblings.find((unit) => unit.position === last + 1), forward: true },
      { unit: siblings.find((unit) => unit.position === first - 1), forward: false },
    ]
      .filter((candidate): candidate is { unit: ScoredUnit; forward: boolean } => candidate.unit !== undefined)
      .sort(
        (left, right) =>
          right.unit.score + (right.forward ? settings.forwardBias : 0) - (left.unit.score + (left.forward ? settings.forwardBias : 0)),
      );
    for (const { unit, forward } of candidates) {
      const units = forward ? [...main.units, unit] : [unit, ...main.units];
      if (fits([{ ...main, units }])) {
        main.units = units;
        grow = true;
        break;
      }
    }
    if (!grow) {
      const next = candidates.find((candidate) => candidate.forward)?.unit;
      if (next) {
        const cut = clausePrefixes(next.text)
          .reverse()
          .find((prefix) => fits([{ ...main, units: [...main.units, next], cut: prefix }]));
        if (cut !== undefined) {
          main.units = [...main.units, next];
          main.cut = cut;
        }
      }
    }
  }

  // Whatever room is left goes to the best sentences of the other passages.
  const used = new Set(main.units.map((unit) => `${unit.passage}:${unit.position}`));
  const extras = scored
    .filter((unit) => unit.passage !== anchor.passage && !used.has(`${unit.passage}:${unit.position}`))
    .filter((unit) => unit.score >= settings.extraShare * anchor.score)
    .sort((left, right) => right.score * prior(right.passage) - left.score * prior(left.passage));
  for (const unit of extras) {
    const attempt = [...pieces, { passage: unit.passage, units: [unit] }];
    if (fits(attempt)) pieces.push(attempt[attempt.length - 1]!);
  }

  const cited = [...new Set(pieces.map((piece) => piece.passage + 1))].sort((left, right) => left - right);
  return { answer: render(pieces, usable), cited };
}
