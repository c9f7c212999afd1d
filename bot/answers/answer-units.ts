/**
 * The pieces an extractive answer is made of: the sentences of a passage, located by their offsets in the
 * passage text so that neighbouring pieces can be put back together exactly as the passage wrote them.
 */

export interface AnswerUnit {
  /** 0-based index of the passage in the caller's list. */
  passage: number;
  /** Position of the unit within its passage, 0-based. */
  position: number;
  /** Offsets into the passage text: text.slice(start, end) is the unit. */
  start: number;
  end: number;
  text: string;
}

/**
 * Sentence ends (。！？；), closing quotes or brackets that follow them, and line breaks end a unit. In the
 * policy notices a space between two Chinese characters is a paragraph break (the source files lost their
 * newlines), so such a space ends a unit too; spaces inside Latin text, dates or numbers do not.
 */
const unitPattern = /[^。！？；!?;\n]+?(?:[。！？；!?;]+[”’」』）)]*|(?=\n)|(?<=[\p{Script=Han}\p{P}])(?=\s+[\p{Script=Han}\p{P}])|$)/gu;

/** Splits a passage into units; whitespace around each unit is left out of its offsets. */
export function splitUnits(text: string, passage: number): AnswerUnit[] {
  const units: AnswerUnit[] = [];
  for (const match of text.matchAll(unitPattern)) {
    const raw = match[0];
    const leading = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') continue;
    const start = match.index + leading;
    units.push({ passage, position: units.length, start, end: start + trimmed.length, text: trimmed });
  }
  return units;
}

/** Clause boundaries inside a sentence: a sentence too long for what is left of the answer may end at one. */
export function clausePrefixes(text: string): string[] {
  const prefixes: string[] = [];
  for (const match of text.matchAll(/[，,：:、]/g)) {
    const prefix = text.slice(0, match.index);
    if (prefix.trim() !== '') prefixes.push(prefix);
  }
  return prefixes;
}
