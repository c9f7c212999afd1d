/**
 * Which law a regulation was made under, read from the corpus itself: a regulation's first article says so
 * (为了贯彻实施《中华人民共和国劳动合同法》…; 根据《中华人民共和国社会保险法》…，制定本条例). The regulation
 * details its law; when both fit a citizen's question about equally, the law states the right itself and comes
 * first (eval:citizen and its held-out sets; see `parentLawShare`).
 */

/** The laws a first article names as the basis of its document, without the 中华人民共和国 of their titles. */
export function basisOfDocument(chunks: { text: string; headingPath: string[] }[]): string[] {
  const first = chunks.find((chunk) => /^第一条/u.test(chunk.headingPath.at(-1) ?? '') || /^第一条/u.test(chunk.text));
  if (!first) return [];
  const clause = /(?:根据|依据|贯彻实施|贯彻执行)((?:《[^》]+》[和、及以]?)+)/u.exec(first.text);
  if (!clause) return [];
  return [...clause[1]!.matchAll(/《([^》]+)》/gu)].map((match) => lawTitle(match[1]!)).filter((title) => title !== '');
}

/** A law's title as documents cite it: 中华人民共和国劳动合同法 and 劳动合同法 are one law. */
export function lawTitle(title: string): string {
  return title.trim().replace(/^中华人民共和国/u, '');
}

/**
 * Each document's title and the laws it was made under; kept in step with the index (add/remove), asked
 * at search time for the first two documents only.
 */
export function createLawHierarchy() {
  const titleOf = new Map<string, string>();
  const basisOf = new Map<string, string[]>();

  return {
    add(documentId: string, title: string, chunks: { text: string; headingPath: string[] }[]): void {
      this.remove(documentId);
      const key = lawTitle(title);
      titleOf.set(documentId, key);
      const basis = basisOfDocument(chunks).filter((parent) => parent !== key);
      if (basis.length > 0) basisOf.set(documentId, basis);
    },
    remove(documentId: string): void {
      titleOf.delete(documentId);
      basisOf.delete(documentId);
    },
    /** Whether `childId` was made under the document `parentId` (its first article names that law). */
    isMadeUnder(childId: string, parentId: string): boolean {
      const parentTitle = titleOf.get(parentId);
      return parentTitle !== undefined && (basisOf.get(childId)?.includes(parentTitle) ?? false);
    },
  };
}

export type LawHierarchy = ReturnType<typeof createLawHierarchy>;

/**
 * Ranked documents with the law first when the first is a regulation made under the second and the law's score
 * is at least `share` of the regulation's: a regulation restates and details its law, so a question both fit
 * about equally is first about the law.
 */
export function preferParentLaw<T extends { documentId: string; score: number }>(
  ranked: T[],
  hierarchy: Pick<LawHierarchy, 'isMadeUnder'>,
  share: number,
): T[] {
  const [first, second] = ranked;
  if (!first || !second || second.score < share * first.score) return ranked;
  if (!hierarchy.isMadeUnder(first.documentId, second.documentId)) return ranked;
  return [second, first, ...ranked.slice(2)];
}
