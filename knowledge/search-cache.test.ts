import { createSearchCache } from './search-cache';
import type { KnowledgeSearchResult } from './search-results';

const result = (title: string): KnowledgeSearchResult => ({
  mode: 'hybrid',
  hits: [{ documentId: title, source: `${title}.md`, title, headingPath: [title], excerpt: title, score: 1, coverage: 1 }],
});

describe('search cache', () => {
  it('keeps a result by question and options, and gives copies', () => {
    const cache = createSearchCache(10);
    cache.set('失业金怎么领', { k: 3 }, result('失业保险条例'));
    expect(cache.get('失业金怎么领', { k: 3 })).toEqual(result('失业保险条例'));
    expect(cache.get('失业金怎么领', { k: 5 })).toBeUndefined();
    expect(cache.get('失业金怎么领', { k: 3, tags: ['laws'] })).toBeUndefined();
    cache.get('失业金怎么领', { k: 3 })!.hits.pop();
    expect(cache.get('失业金怎么领', { k: 3 })!.hits).toHaveLength(1);
  });

  it('lets the least recently used result go first, and forgets everything on clear', () => {
    const cache = createSearchCache(2);
    cache.set('a', {}, result('a'));
    cache.set('b', {}, result('b'));
    expect(cache.get('a', {})).toBeDefined();
    cache.set('c', {}, result('c'));
    expect(cache.get('b', {})).toBeUndefined();
    expect(cache.get('a', {})).toBeDefined();
    expect(cache.get('c', {})).toBeDefined();
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.get('a', {})).toBeUndefined();
  });

  it('keeps nothing with 0 entries', () => {
    const cache = createSearchCache(0);
    cache.set('a', {}, result('a'));
    expect(cache.get('a', {})).toBeUndefined();
    expect(cache.size).toBe(0);
  });
});
