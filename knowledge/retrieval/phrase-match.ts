/**
 * How much of the question appears in the passage as whole phrases: the question is covered greedily,
 * left to right, by the longest substrings the passage contains, and each match counts by its length
 * squared. Questions paraphrase little of the sentence that answers them ("因疫情影响暂停举办的展会"),
 * and long shared runs are strong evidence that BM25's bag of pairs does not see.
 *
 * The question is prepared once for all the passages it is matched against (a rerank matches every chunk of
 * thirty documents): building its substrings per passage was most of a search's time.
 */
export function createPhraseMatcher(question: string): (passage: string) => number {
  const characters = [...question.replace(/[\s\p{P}\p{S}]+/gu, '')];
  const count = characters.length;
  if (count < 2) return () => 0;
  const cleaned = characters.join('');
  // Offsets of each character in `cleaned`, so that a run of characters (not UTF-16 units) is one slice.
  const offsets = [0];
  for (const character of characters) offsets.push(offsets.at(-1)! + character.length);
  const run = (start: number, end: number) => cleaned.slice(offsets[start], offsets[end]);
  return (passage) => {
    let score = 0;
    let index = 0;
    while (index < count) {
      let length = 1;
      while (index + length < count && passage.includes(run(index, index + length + 1))) length += 1;
      if (length >= 2) score += length * length;
      index += length;
    }
    return score / (count * count);
  };
}

export function phraseMatch(question: string, passage: string): number {
  return createPhraseMatcher(question)(passage);
}
