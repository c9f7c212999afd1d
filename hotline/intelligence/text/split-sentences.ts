/** Sentence ends in Chinese text; a line break also ends a sentence in these letters. */
const sentenceEnd = /[。！？!?；;\n]+/u;

export function splitSentences(text: string): string[] {
  return text
    .split(sentenceEnd)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence !== '');
}

/** Clauses are what a compressed summary is built from: sentences cut at commas and colons too. */
export function splitClauses(sentence: string): string[] {
  return sentence
    .split(/[，,：:]+/u)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}
