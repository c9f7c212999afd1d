interface Occurrence {
  start: number;
  end: number;
  term: string;
}

/**
 * How often each term occurs in the text, counting only the longest match at any place: "信号灯" is about
 * traffic lights, not about a phone signal ("信号"), and "住房公积金" is one mention, not also "公积金".
 */
export function countLongestOccurrences(text: string, terms: readonly string[]): Map<string, number> {
  const occurrences: Occurrence[] = [];
  for (const term of terms) {
    for (let start = text.indexOf(term); start !== -1; start = text.indexOf(term, start + 1)) {
      occurrences.push({ start, end: start + term.length, term });
    }
  }
  occurrences.sort((left, right) => left.start - right.start || right.end - left.end);
  const counts = new Map<string, number>();
  let coveredUntil = -1;
  let coveringStart = -1;
  for (const occurrence of occurrences) {
    const inside = occurrence.end <= coveredUntil && !(occurrence.start === coveringStart && occurrence.end === coveredUntil);
    if (inside) continue;
    if (occurrence.end > coveredUntil) {
      coveredUntil = occurrence.end;
      coveringStart = occurrence.start;
    }
    counts.set(occurrence.term, (counts.get(occurrence.term) ?? 0) + 1);
  }
  return counts;
}
