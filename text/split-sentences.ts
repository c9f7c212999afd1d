/**
 * Splits Chinese text after sentence ends (。！？；, also ! ? ;) and line breaks, keeping the mark and any
 * closing quote or bracket with the sentence it ends. Chunking keeps the marks; summaries and cue matching
 * drop them with `withoutEndMarks`.
 */
export function splitSentences(text: string): string[] {
  const sentences = text.match(/[^。！？；!?;\n]+(?:[。！？；!?;]+[”’」』）)]*|\n|$)/g) ?? [];
  return sentences.map((sentence) => sentence.trim()).filter((sentence) => sentence !== '');
}

/** A sentence without the end marks (and closing quotes) that `splitSentences` keeps. */
export function withoutEndMarks(sentence: string): string {
  return sentence.replace(/[。！？；!?;”’」』）)]+$/u, '').trim();
}

/** Clauses are what a compressed summary is built from: sentences cut at commas and colons too. */
export function splitClauses(sentence: string): string[] {
  return sentence
    .split(/[，,：:]+/u)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}
