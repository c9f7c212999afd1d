/**
 * How much of the question appears in the passage as whole phrases: the question is covered greedily,
 * left to right, by the longest substrings the passage contains, and each match counts by its length
 * squared. Questions paraphrase little of the sentence that answers them ("因疫情影响暂停举办的展会"),
 * and long shared runs are strong evidence that BM25's bag of pairs does not see.
 */
export function phraseMatch(question: string, passage: string): number {
  const characters = [...question.replace(/[\s\p{P}\p{S}]+/gu, '')];
  if (characters.length < 2) return 0;
  let score = 0;
  let index = 0;
  while (index < characters.length) {
    let length = 1;
    while (index + length < characters.length && passage.includes(characters.slice(index, index + length + 1).join(''))) length += 1;
    if (length >= 2) score += length * length;
    index += length;
  }
  return score / (characters.length * characters.length);
}
