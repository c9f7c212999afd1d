import type { KnowledgeSearchOptions, KnowledgeSearchResult } from './search-results';

/**
 * Results of recent searches, by question and options. A column pushed on the Official Account brings many
 * people asking the same few things at once, and a search is most of an offline answer's CPU time. Entries
 * hold only while the searchable documents stay the same: the knowledge base clears the cache whenever it
 * adds or removes one (an upload here, or `refresh` after another process changed them). The oldest entry
 * goes first once `maxEntries` are held; 0 keeps nothing.
 */
export function createSearchCache(maxEntries: number) {
  const entries = new Map<string, KnowledgeSearchResult>();
  const keyOf = (question: string, options: KnowledgeSearchOptions) =>
    JSON.stringify([question, options.k, options.documentIds, options.tags, options.expansions, options.threshold]);
  return {
    /** A copy, so that a caller changing its hits cannot change what the next caller gets. */
    get(question: string, options: KnowledgeSearchOptions): KnowledgeSearchResult | undefined {
      if (maxEntries === 0) return undefined;
      const key = keyOf(question, options);
      const found = entries.get(key);
      if (!found) return undefined;
      // Most recently used last: Map keeps insertion order, so the first key is the one to drop.
      entries.delete(key);
      entries.set(key, found);
      return structuredClone(found);
    },
    set(question: string, options: KnowledgeSearchOptions, result: KnowledgeSearchResult): void {
      if (maxEntries === 0) return;
      const key = keyOf(question, options);
      entries.delete(key);
      if (entries.size >= maxEntries) entries.delete(entries.keys().next().value!);
      entries.set(key, structuredClone(result));
    },
    clear(): void {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
