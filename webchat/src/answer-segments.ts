export type AnswerSegment = { kind: 'text'; text: string } | { kind: 'citation'; number: number };

const marker = /\[(\d{1,3})\]/g;

/**
 * Splits an answer into plain text and `[n]` citations, where `[n]` refers to sources[n-1]. A marker
 * without a matching source (e.g. while the answer is still streaming, or in a restored transcript that
 * carries no sources) stays text, so nothing links to a source that is not there.
 */
export function splitAnswer(answer: string, sourceCount: number): AnswerSegment[] {
  const segments: AnswerSegment[] = [];
  const pushText = (text: string) => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last?.kind === 'text') last.text += text;
    else segments.push({ kind: 'text', text });
  };
  let position = 0;
  for (const match of answer.matchAll(marker)) {
    const number = Number(match[1]);
    const start = match.index ?? 0;
    pushText(answer.slice(position, start));
    if (number >= 1 && number <= sourceCount) segments.push({ kind: 'citation', number });
    else pushText(match[0]);
    position = start + match[0].length;
  }
  pushText(answer.slice(position));
  return segments;
}

/**
 * The source numbers a source list shows: the ones the answer cites, in order. Retrieval can return
 * passages the answer did not use (often from unrelated laws), and listing those under 参考来源 would
 * present them as the basis of the answer. An answer without any marker lists every source.
 */
export function listedSourceNumbers(answer: string, sourceCount: number): number[] {
  const cited = new Set(splitAnswer(answer, sourceCount).flatMap((segment) => (segment.kind === 'citation' ? [segment.number] : [])));
  const all = Array.from({ length: sourceCount }, (_, index) => index + 1);
  return cited.size > 0 ? all.filter((number) => cited.has(number)) : all;
}
