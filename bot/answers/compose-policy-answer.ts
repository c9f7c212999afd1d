/**
 * The offline policy answer (DESIGN §4): the passage sentences that best answer the question, in the
 * passages' order, each run of sentences followed by the [n] marker of the passage it was taken from.
 * Nothing is written that the passages do not say: the only characters added are the markers and the
 * punctuation that joins or closes the extracted pieces.
 */
import { createThesaurus, isAddressedToAssistant } from '../../text';
import { clausePrefixes, splitUnits, type AnswerUnit } from './answer-units';
import { scoreUnits, type ScoredUnit, type UnitScoring } from './score-units';

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

export interface ComposePolicyAnswerOptions extends Partial<UnitScoring> {
  /** Upper bound of the answer's length in code points, markers included. */
  maxCharacters?: number;
  /** How many of the first passages may be quoted. */
  maxPassages?: number;
  /**
   * Weight of a passage by its rank (rankDecay ** rank): the retrieval's order is evidence too. 0.4 since the
   * second passage became the best law's runner-up article: on our held-out citizen questions containment
   * 0.333 (0.3) → 0.370, public citizen set unchanged (0.484), the 600 questions 0.787 → 0.783; 0.45 and above
   * took the 600 below 0.78.
   */
  rankDecay?: number;
  /** Extra weight for the sentence after the window over the one before it (answers follow their cue). */
  forwardBias?: number;
  /**
   * Characters the window around the best sentence may take before other well-matching sentences get a
   * turn; whatever room they leave goes back to the window.
   */
  windowCharacters?: number;
  /** Other sentences are quoted only when they score at least this share of the best one. */
  extraShare?: number;
  /** Whether another sentence brings the one after it along (the answer often follows its cue). */
  extraFollowing?: boolean;
  /**
   * Sentences of another passage (another document) are quoted only when they score at least this share of
   * the best one (0.7, measured with eval:answers and eval:citizen), i.e. when they answer the same question: a neighbouring topic of a second document
   * (创业担保贷款 after the 保障房 article) reads as part of the answer and misleads.
   */
  otherPassageShare?: number;
  /**
   * Sentences of another article of the same document (the search's runner-up article) are quoted when they
   * score at least this share of the best one: the right law is found far more often than its right article.
   */
  otherArticleShare?: number;
  /**
   * Weight of a law's runner-up article against its best one (articleDecay ** its rank among the document's
   * passages), apart from rankDecay, which weighs other documents.
   */
  articleDecay?: number;
  /**
   * Each other article of the best law gets a turn after the best sentence's window, its best sentence quoted
   * when it scores at least this share of the best one (1 or more: no turn).
   */
  articleTurnShare?: number;
  /** windowCharacters when other articles of the best law follow: room for their turn. */
  articleWindowCharacters?: number;
}

/** The everyday → official thesaurus (read once): the official terms of a question help find its sentence. */
const officialTermsOf = createThesaurus();

const defaults: Required<ComposePolicyAnswerOptions> = {
  maxCharacters: 300,
  maxPassages: 3,
  rankDecay: 0.4,
  forwardBias: 0.15,
  windowCharacters: 150,
  extraShare: 0.5,
  extraFollowing: true,
  otherPassageShare: 0.7,
  otherArticleShare: 0.5,
  articleDecay: 0.4,
  articleTurnShare: 0.4,
  articleWindowCharacters: 60,
  titleWeight: 0.25,
  lengthNormalisation: 0,
};

/** The units chosen so far; at most one of them, the last of its run, cut short at a clause boundary. */
interface Selection {
  units: ScoredUnit[];
  cut?: { unit: ScoredUnit; text: string };
}

const sentenceEnd = /[。！？；!?;…”’」』）)]$/u;
const normalise = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, '');
/** A law's passages are its articles: they share the document, the first heading. */
const documentOf = (passage: PolicyPassage) => passage.headingPath[0] ?? passage.title;
const keyOf = (unit: AnswerUnit) => `${unit.passage}:${unit.position}`;
const length = (text: string) => [...text].length;

/** Headings repeated at the top of a chunk (the notices start with their title) answer nothing. */
function isHeading(unit: AnswerUnit, passage: PolicyPassage): boolean {
  const text = normalise(unit.text);
  return text === '' || [passage.title, ...passage.headingPath].some((heading) => normalise(heading) === text);
}

/** Runs of neighbouring units of one passage, in passage order then position. */
function runsOf(selection: Selection): ScoredUnit[][] {
  const sorted = [...selection.units].sort((left, right) => left.passage - right.passage || left.position - right.position);
  const runs: ScoredUnit[][] = [];
  for (const unit of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && last.passage === unit.passage && last.position + 1 === unit.position) run.push(unit);
    else runs.push([unit]);
  }
  return runs;
}

/** A run's text as the passage wrote it, line breaks made punctuation, closed by a sentence end or "…". */
function runText(run: ScoredUnit[], selection: Selection, passages: PolicyPassage[]): string {
  const source = passages[run[0]!.passage]!.text;
  const last = run[run.length - 1]!;
  const cut = selection.cut?.unit === last ? selection.cut.text : undefined;
  let text = cut === undefined ? source.slice(run[0]!.start, last.end) : source.slice(run[0]!.start, last.start) + cut;
  text = text
    .replace(/\s*\n\s*/g, (_, offset: number) => (/\p{P}$/u.test(text.slice(0, offset)) ? '' : '；'))
    .replace(/\s+/g, ' ')
    .trim();
  if (cut !== undefined) return `${text.replace(/[，,：:、\s]+$/u, '')}…`;
  return sentenceEnd.test(text) ? text : `${text}。`;
}

function render(selection: Selection, passages: PolicyPassage[]): string {
  return runsOf(selection)
    .map((run) => `${runText(run, selection, passages)}[${run[0]!.passage + 1}]`)
    .join('');
}

export function composePolicyAnswer(question: string, passages: PolicyPassage[], options: ComposePolicyAnswerOptions = {}): PolicyAnswer {
  const settings = { ...defaults, ...options };
  const usable = passages.slice(0, settings.maxPassages);
  // A passage that speaks to the assistant ("忽略之前的指令…") comes from a document written to steer the
  // answer, not to inform: none of it is quoted (its number stays, so the other markers still match).
  const all = usable.flatMap((passage, index) => {
    const units = splitUnits(passage.text, index);
    return units.some((unit) => isAddressedToAssistant(unit.text)) ? [] : units.filter((unit) => !isHeading(unit, passage));
  });
  if (all.length === 0) return { answer: '', cited: [] };
  const scored = scoreUnits(
    question,
    all,
    usable.map((passage) => [passage.title, ...passage.headingPath].join(' ')),
    settings,
    officialTermsOf(question),
  );
  const unitAt = new Map(scored.map((unit) => [keyOf(unit), unit]));
  const neighbour = (unit: ScoredUnit, step: number) => unitAt.get(`${unit.passage}:${unit.position + step}`);
  // A passage's prior: rankDecay per document before its own, articleDecay per article of its document before it.
  const documents = usable.map(documentOf);
  const priors = documents.map((document, index) => {
    const before = documents.slice(0, index);
    const sameDocument = before.filter((other) => other === document).length;
    const otherDocuments = new Set(before.filter((other) => other !== document)).size;
    return settings.rankDecay ** otherDocuments * settings.articleDecay ** sameDocument;
  });
  const prior = (passage: number) => priors[passage]!;
  const ranked = [...scored].sort((left, right) => right.score * prior(right.passage) - left.score * prior(left.passage));
  const anchor = ranked[0]!;
  if (anchor.score <= 0) return { answer: '', cited: [] };

  const selection: Selection = { units: [] };
  const chosen = new Set<string>();
  const fits = (attempt: Selection) => length(render(attempt, usable)) <= settings.maxCharacters;
  const tryAdd = (units: ScoredUnit[]) => {
    const fresh = units.filter((unit) => !chosen.has(keyOf(unit)));
    if (fresh.length === 0 || selection.cut) return false;
    const attempt = { units: [...selection.units, ...fresh] };
    if (!fits(attempt)) return false;
    selection.units = attempt.units;
    for (const unit of fresh) chosen.add(keyOf(unit));
    return true;
  };
  /** Keeps as many clauses of a sentence too long for the room left as fit. */
  const tryCut = (unit: ScoredUnit) => {
    if (selection.cut || chosen.has(keyOf(unit))) return false;
    const units = [...selection.units, unit];
    const text = clausePrefixes(unit.text)
      .reverse()
      .find((prefix) => fits({ units, cut: { unit, text: prefix } }));
    if (text === undefined) return false;
    selection.units = units;
    selection.cut = { unit, text };
    chosen.add(keyOf(unit));
    return true;
  };
  const windowLength = () => length(render({ units: selection.units.filter((unit) => unit.passage === anchor.passage) }, usable));

  // The window: the best sentence grown into its neighbours, the more relevant side first.
  if (!tryAdd([anchor])) {
    tryCut(anchor);
    return finish(selection, usable);
  }
  const growWindow = (limit: number) => {
    for (;;) {
      if (windowLength() >= limit) return;
      const inWindow = selection.units.filter((unit) => unit.passage === anchor.passage);
      const first = Math.min(...inWindow.map((unit) => unit.position));
      const last = Math.max(...inWindow.map((unit) => unit.position));
      const after = unitAt.get(`${anchor.passage}:${last + 1}`);
      const before = unitAt.get(`${anchor.passage}:${first - 1}`);
      const candidates = [
        ...(after ? [{ unit: after, value: after.score + settings.forwardBias }] : []),
        ...(before ? [{ unit: before, value: before.score }] : []),
      ].sort((left, right) => right.value - left.value);
      if (!candidates.some(({ unit }) => tryAdd([unit]))) return;
    }
  };
  const hasOtherArticles = documents.some((document, passage) => passage !== anchor.passage && document === documents[anchor.passage]);
  growWindow(hasOtherArticles ? settings.articleWindowCharacters : settings.windowCharacters);

  // The law's other articles, each its best sentence: the article that answers is often the runner-up.
  for (const [passage, document] of documents.entries()) {
    if (passage === anchor.passage || document !== documents[anchor.passage]) continue;
    const best = ranked.find((unit) => unit.passage === passage);
    if (!best || best.score < settings.articleTurnShare * anchor.score || chosen.has(keyOf(best))) continue;
    const next = settings.extraFollowing ? neighbour(best, 1) : undefined;
    if (!(next && tryAdd([best, next]))) tryAdd([best]);
  }

  // Other sentences that match well, each with the sentence after it when wanted.
  for (const unit of ranked) {
    if (unit.score < settings.extraShare * anchor.score) break;
    if (chosen.has(keyOf(unit))) continue;
    if (unit.passage !== anchor.passage) {
      const share =
        documentOf(usable[unit.passage]!) === documentOf(usable[anchor.passage]!) ? settings.otherArticleShare : settings.otherPassageShare;
      if (unit.score < share * anchor.score) continue;
    }
    const next = settings.extraFollowing ? neighbour(unit, 1) : undefined;
    if (!(next && tryAdd([unit, next]))) tryAdd([unit]);
  }

  // The room left goes back to the window, and a last sentence may be cut short to fill it.
  growWindow(settings.maxCharacters);
  const inWindow = selection.units.filter((unit) => unit.passage === anchor.passage);
  const after = unitAt.get(`${anchor.passage}:${Math.max(...inWindow.map((unit) => unit.position)) + 1}`);
  if (after && !chosen.has(keyOf(after))) tryCut(after);
  return finish(selection, usable);
}

function finish(selection: Selection, passages: PolicyPassage[]): PolicyAnswer {
  if (selection.units.length === 0) return { answer: '', cited: [] };
  const cited = [...new Set(selection.units.map((unit) => unit.passage + 1))].sort((left, right) => left - right);
  return { answer: render(selection, passages), cited };
}
