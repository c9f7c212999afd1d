import type { DocumentsRepository, KnowledgeDocument, Chunk } from '../storage';
import type { Embedder } from './embeddings/embedder';
import { rerank, type RerankWeights } from './retrieval/rerank';
import { fuseScores, type FusionWeights } from './retrieval/fuse-scores';
import { createLexicalIndex } from './retrieval/lexical-index';
import { asksAboutPeriodOrPlace, profileDocument, type DocumentProfile } from './retrieval/document-profile';
import { createLawHierarchy, preferParentLaw } from './retrieval/law-hierarchy';
import {
  defaultAssociationWeight,
  defaultExpansionWeight,
  hitFloorShare,
  minimumMatchedTerms,
  timeBoundPenalty,
  parentLawShare,
} from './retrieval/retrieval-settings';
import { stripQuestionWords, withoutFillers, type TermAnalyser } from '../text';
import type { VectorHit, VectorIndex, VectorRecord } from './vector-store/vector-index';
import { createPassageSearch } from './passages/search-passages';
import { createSearchCache } from './search-cache';
import type { KnowledgeHit, KnowledgeSearchOptions, KnowledgeSearchResult } from './search-results';

export type { KnowledgeHit, KnowledgeSearchOptions, KnowledgeSearchResult } from './search-results';

export interface KnowledgeLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface KnowledgeBaseDependencies {
  documents: DocumentsRepository;
  analyse: TermAnalyser;
  embedder: Embedder;
  /** Absent when no vector store is configured; search then runs on BM25 alone. */
  vectorIndex?: VectorIndex;
  logger: KnowledgeLogger;
  weights: FusionWeights;
  rerankWeights: RerankWeights;
  /** Hits whose coverage is below it are not returned: "no source found" beats a wrong source. */
  threshold: number;
  /**
   * Official terms for a question's everyday words (the thesaurus, text/everyday-terms.txt); absent, the
   * question is searched as written.
   */
  expandQuery?: (question: string) => string[];
  /** Weight of an added official term against a word of the question itself (BM25 and coverage). */
  expansionWeight?: number;
  /**
   * Official words associated with the question's everyday words in the appeals' replies
   * (text/appeal-associations.txt): they help rank documents, at `associationWeight`, but never make a
   * passage relevant (an off-domain question must not get a source from them).
   */
  associateQuery?: (question: string) => string[];
  associationWeight?: number;
  /**
   * Words of the article that gives the kind of answer asked for (deadline → 日内, penalty → 罚款;
   * text/question-cues.txt): a small weight in choosing a law's article, nothing else.
   */
  cueQuery?: (question: string) => string[];
  /**
   * A stored document with more chunks than this (left by a version without the ingestion limits) is marked
   * failed at start and never read: reading it once ran the service out of memory at every start.
   */
  maxChunksPerDocument: number;
  /** Recent searches kept, by question and options (see search-cache); 0 searches every time. Default 2,000. */
  searchCacheEntries?: number;
}

interface CatalogEntry {
  document: KnowledgeDocument;
  chunks: Chunk[];
}

/** A vector store that hangs must not hold up an answer BM25 can give alone. */
const vectorTimeoutMs = 2000;
/** Chunks embedded and stored per step of a rebuild: small enough for the progress shown to move. */
const reindexBatch = 256;
/** Checking the collection at start: a store that does not answer must not stop the service from starting. */
const syncCheckTimeoutMs = 10000;

function withTimeout<T>(work: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`vector search took longer than ${milliseconds} ms`)), milliseconds);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Weight of the official terms against the question's own words when choosing a law's article (eval:citizen). */
const officialSupport = 0.15;
/** Weight of the question's answer-kind cues (text/question-cues.txt) in the same choice. */
const cueSupport = 0.08;

const articleHeading = /^第[一二三四五六七八九十百千零〇两\d]+条(之[一二三四五六七八九十]+)?$/u;

/**
 * The best-fitting chunk of another article of the same law than `best`'s, or nothing when the document is
 * not divided into articles. Measured only for the hits returned (a handful of documents a search).
 */
function runnerUpArticle(chunks: Chunk[], best: Chunk, fit: (chunkId: string) => number): KnowledgeHit['runnerUp'] {
  const article = best.headingPath.at(-1);
  if (!article || !articleHeading.test(article)) return undefined;
  const bestFit = fit(best.id);
  let chosen: Chunk | undefined;
  let chosenFit = 0;
  for (const chunk of chunks) {
    const heading = chunk.headingPath.at(-1);
    if (!heading || heading === article || !articleHeading.test(heading)) continue;
    const value = fit(chunk.id);
    if (value > chosenFit) {
      chosen = chunk;
      chosenFit = value;
    }
  }
  if (!chosen || bestFit <= 0) return undefined;
  return { headingPath: chosen.headingPath, excerpt: chosen.text, ratio: Number(Math.min(1, chosenFit / bestFit).toFixed(4)) };
}

const chunkText = (chunk: Pick<Chunk, 'headingPath' | 'text'>) => `${chunk.headingPath.join(' ')}\n${chunk.text}`;

/**
 * The searchable knowledge: an in-memory lexical index over the chunks of record (rebuilt from Postgres at
 * start, in well under a second for the whole corpus) and the chunk vectors in Chroma.
 */
export function createKnowledgeBase(deps: KnowledgeBaseDependencies) {
  const { documents, embedder, vectorIndex, logger } = deps;
  const lexical = createLexicalIndex(deps.analyse);
  const catalog = new Map<string, CatalogEntry>();
  const chunkById = new Map<string, Chunk>();
  const profiles = new Map<string, DocumentProfile>();
  const laws = createLawHierarchy();
  let vectorWarningLogged = false;
  const searchCache = createSearchCache(deps.searchCacheEntries ?? 2000);

  const addToLexical = (entry: CatalogEntry) => {
    searchCache.clear();
    catalog.set(entry.document.id, entry);
    for (const chunk of entry.chunks) chunkById.set(chunk.id, chunk);
    lexical.addDocument(entry.document.id, entry.chunks);
    profiles.set(entry.document.id, profileDocument(entry.chunks));
    laws.add(entry.document.id, entry.document.title, entry.chunks);
  };

  const removeFromLexical = (documentId: string) => {
    searchCache.clear();
    for (const chunk of catalog.get(documentId)?.chunks ?? []) chunkById.delete(chunk.id);
    catalog.delete(documentId);
    profiles.delete(documentId);
    laws.remove(documentId);
    lexical.removeDocument(documentId);
  };

  const embedChunks = async (chunks: Chunk[]) => {
    const records: VectorRecord[] = [];
    for (let start = 0; start < chunks.length; start += 256) {
      const batch = chunks.slice(start, start + 256);
      const vectors = await embedder.embed(batch.map(chunkText));
      batch.forEach((chunk, index) => records.push({ chunkId: chunk.id, documentId: chunk.documentId, vector: vectors[index]! }));
    }
    return records;
  };

  const queryVectors = async (question: string, documentIds: string[] | undefined): Promise<VectorHit[] | undefined> => {
    if (!vectorIndex) return undefined;
    try {
      const [vector] = await embedder.embed([question]);
      const hits = await withTimeout(vectorIndex.query(vector!, 50, documentIds), vectorTimeoutMs);
      vectorWarningLogged = false;
      return hits;
    } catch (error) {
      if (!vectorWarningLogged) logger.warn({ err: error }, 'vector search failed; answering with BM25 alone');
      vectorWarningLogged = true;
      return undefined;
    }
  };

  const acceptFor = (options: KnowledgeSearchOptions) => {
    const ids = options.documentIds ? new Set(options.documentIds) : undefined;
    const tags = options.tags && options.tags.length > 0 ? options.tags : undefined;
    if (!ids && !tags) return undefined;
    return (documentId: string) => {
      if (ids && !ids.has(documentId)) return false;
      const document = catalog.get(documentId)?.document;
      return !tags || (document !== undefined && tags.some((tag) => document.tags.includes(tag)));
    };
  };

  const knowledgeBase = {
    /**
     * Reads every document and chunk of record into the lexical index, except failed documents and documents
     * over the chunk limit: those are marked failed (the administrator sees them in the list and can delete
     * them) and their chunks are not read at all.
     */
    async load(): Promise<{ documents: number; chunks: number; skipped: number }> {
      const all = await documents.list();
      const skipped = all.filter((document) => document.status === 'failed' || document.chunkCount > deps.maxChunksPerDocument);
      for (const document of skipped) {
        if (document.status === 'failed') continue;
        logger.warn(
          { documentId: document.id, source: document.source, chunkCount: document.chunkCount, limit: deps.maxChunksPerDocument },
          'document over the chunk limit marked failed and skipped',
        );
        await documents.setStatus(document.id, 'failed');
        document.status = 'failed';
      }
      const skippedIds = new Set(skipped.map((document) => document.id));
      const chunksByDocument = new Map<string, Chunk[]>();
      for (const chunk of await documents.allChunks([...skippedIds])) {
        const list = chunksByDocument.get(chunk.documentId) ?? [];
        list.push(chunk);
        chunksByDocument.set(chunk.documentId, list);
      }
      for (const document of all) {
        if (!skippedIds.has(document.id)) addToLexical({ document, chunks: chunksByDocument.get(document.id) ?? [] });
      }
      return { documents: catalog.size, chunks: chunkById.size, skipped: skipped.length };
    },

    /**
     * Brings the lexical index in line with the documents of record when another process added, replaced or
     * removed one (several app processes share one database and one Chroma server, each has its own BM25).
     */
    async refresh(): Promise<{ added: number; removed: number }> {
      const current = new Map(
        (await documents.list())
          .filter((document) => document.status !== 'failed' && document.chunkCount <= deps.maxChunksPerDocument)
          .map((document) => [document.id, document]),
      );
      let added = 0;
      let removed = 0;
      for (const documentId of [...catalog.keys()]) {
        if (current.has(documentId)) continue;
        removeFromLexical(documentId);
        removed += 1;
      }
      for (const document of current.values()) {
        const known = catalog.get(document.id)?.document;
        if (known && known.sha256 === document.sha256 && known.chunkCount === document.chunkCount) {
          known.status = document.status;
          continue;
        }
        const chunks = await documents.chunksOf(document.id);
        removeFromLexical(document.id);
        addToLexical({ document, chunks });
        added += 1;
      }
      return { added, removed };
    },

    /**
     * Makes sure the vector store holds exactly this embedder's vectors for the chunks of record;
     * rebuilds it when it does not (first start, another embedder, an interrupted build).
     */
    async syncVectors(): Promise<'current' | 'rebuilt' | 'unavailable'> {
      if (!vectorIndex) return 'unavailable';
      try {
        if (await withTimeout(vectorIndex.isCurrent(chunkById.size), syncCheckTimeoutMs)) return 'current';
        await this.reindex();
        return 'rebuilt';
      } catch (error) {
        logger.warn({ err: error }, 'vector store could not be synchronised; search runs on BM25 alone');
        return 'unavailable';
      }
    },

    /** Rebuilds the vector store from the chunks of record, a batch at a time (embedded, stored, let go). */
    async reindex(onProgress?: (done: number, total: number) => void): Promise<{ chunks: number }> {
      if (!vectorIndex) return { chunks: 0 };
      await vectorIndex.reset();
      const all = [...chunkById.values()];
      onProgress?.(0, all.length);
      for (let start = 0; start < all.length; start += reindexBatch) {
        await vectorIndex.upsert(await embedChunks(all.slice(start, start + reindexBatch)));
        onProgress?.(Math.min(start + reindexBatch, all.length), all.length);
      }
      for (const { document } of catalog.values()) {
        if (document.status !== 'indexed') {
          await documents.setStatus(document.id, 'indexed');
          document.status = 'indexed';
        }
      }
      return { chunks: all.length };
    },

    /** Indexes a stored document (lexical at once, vectors when the store is up; pending otherwise). */
    async indexDocument(document: KnowledgeDocument): Promise<KnowledgeDocument> {
      const chunks = await documents.chunksOf(document.id);
      removeFromLexical(document.id);
      addToLexical({ document, chunks });
      if (!vectorIndex) return document;
      let status: KnowledgeDocument['status'] = 'indexed';
      try {
        await vectorIndex.deleteDocument(document.id);
        await vectorIndex.upsert(await embedChunks(chunks));
      } catch (error) {
        logger.warn({ err: error, documentId: document.id }, 'vectors not stored; the document stays pending until reindex');
        status = 'pending';
      }
      if (status !== document.status) await documents.setStatus(document.id, status);
      document.status = status;
      return document;
    },

    async removeDocument(documentId: string): Promise<boolean> {
      const removed = await documents.remove(documentId);
      removeFromLexical(documentId);
      if (vectorIndex) {
        try {
          await vectorIndex.deleteDocument(documentId);
        } catch (error) {
          // The vectors are orphans without their chunks and are dropped at the next rebuild.
          logger.warn({ err: error, documentId }, 'vectors of a removed document could not be deleted yet');
        }
      }
      return removed;
    },

    async search(question: string, options: KnowledgeSearchOptions = {}): Promise<KnowledgeSearchResult> {
      const cached = searchCache.get(question, options);
      if (cached) return cached;
      const result = await knowledgeBase.searchUncached(question, options);
      // A search that fell back to BM25 (the vector store down) is not kept: it is asked again once the store is back.
      if (result.mode === (vectorIndex ? 'hybrid' : 'lexical')) searchCache.set(question, options, result);
      return result;
    },

    /** The search itself, without the cache of recent searches. */
    async searchUncached(question: string, options: KnowledgeSearchOptions = {}): Promise<KnowledgeSearchResult> {
      const k = Math.min(Math.max(options.k ?? 5, 1), 50);
      const threshold = options.threshold ?? deps.threshold;
      const plain = withoutFillers(stripQuestionWords(question));
      const questionTerms = deps.analyse(plain);
      // Official terms from the thesaurus and from a caller's rewrite (a chat model's), weighted below the
      // question's own words: they say what the question is about, not what it asks.
      const official = [...(deps.expandQuery?.(question) ?? []), ...(options.expansions ?? [])];
      const own = new Set(questionTerms);
      const added = [...new Set(deps.analyse(official.join(' ')))].filter((term) => !own.has(term));
      const addedSet = new Set(added);
      const associated = [...new Set(deps.analyse((deps.associateQuery?.(question) ?? []).join(' ')))].filter(
        (term) => !own.has(term) && !addedSet.has(term),
      );
      const terms = [...questionTerms, ...added, ...associated];
      if (questionTerms.length + added.length === 0) return { hits: [], mode: vectorIndex ? 'hybrid' : 'lexical' };
      const accept = acceptFor(options);
      const weights = new Map([
        ...added.map((term) => [term, deps.expansionWeight ?? defaultExpansionWeight] as const),
        ...associated.map((term) => [term, deps.associationWeight ?? defaultAssociationWeight] as const),
      ]);
      const documentIds = accept ? [...catalog.keys()].filter(accept) : undefined;
      if (documentIds && documentIds.length === 0) return { hits: [], mode: vectorIndex ? 'hybrid' : 'lexical' };
      const vectorHits = await queryVectors(question, documentIds);
      /**
       * The passage's share of the question's words (scaled down when it shares fewer than a few of them:
       * "颜色" alone does not make a question about a law), or of the added official terms when that is more.
       * Official terms come only from everyday words of the domain, which off-domain questions rarely use.
       */
      const ownCoverage = lexical.coverageOf(questionTerms);
      const cueTerms = [...new Set(deps.analyse((deps.cueQuery?.(question) ?? []).join(' ')))];
      const cueCoverage = lexical.coverageOf(cueTerms);
      const officialCoverage = lexical.coverageOf(added);
      const measured = new Map<string, { relevance: number; fit: number }>();
      const measure = (chunkId: string) => {
        let entry = measured.get(chunkId);
        if (!entry) {
          const own = ownCoverage(chunkId);
          const official = added.length > 0 ? officialCoverage(chunkId).share : 0;
          entry = {
            relevance: Math.max(own.share * Math.min(1, own.matched / minimumMatchedTerms), official),
            // Which article of a law answers: the question's own words first, the official terms as support.
            fit: own.share + officialSupport * official + (cueTerms.length > 0 ? cueSupport * cueCoverage(chunkId).share : 0),
          };
          measured.set(chunkId, entry);
        }
        return entry;
      };
      const relevance = (chunkId: string) => measure(chunkId).relevance;
      const fused = rerank(
        fuseScores(lexical.search(terms, accept, weights), vectorHits ?? [], deps.weights),
        plain,
        terms,
        (documentId) => catalog.get(documentId),
        (_terms, chunkId) => relevance(chunkId),
        deps.rerankWeights,
        undefined,
        (chunkId) => measure(chunkId).fit,
      );
      // What a law is about is in its title (失业保险条例): the share of the title the question and its official
      // terms name is a small prior, so that a question about 失业金 goes to the law about it.
      const querySet = new Set([...questionTerms, ...added]);
      const titleShare = (documentId: string) => {
        const titleTerms = new Set(deps.analyse(catalog.get(documentId)?.document.title ?? ''));
        if (titleTerms.size === 0) return 0;
        return [...titleTerms].filter((term) => querySet.has(term)).length / titleTerms.size;
      };
      const titleWeight = 0.1;
      // A time-bound notice (an epidemic-period measure) answers a question about its period or its place; any
      // other question is first about the standing rules, so such notices lose a share of their score.
      const noticePenalty = asksAboutPeriodOrPlace(question) ? 0 : timeBoundPenalty;
      const scored = fused
        .map((hit) => {
          const prior = (hit.score + titleWeight * titleShare(hit.documentId)) / (1 + titleWeight);
          return { ...hit, score: profiles.get(hit.documentId)?.timeBound ? prior * (1 - noticePenalty) : prior };
        })
        .sort((left, right) => right.score - left.score || (left.documentId < right.documentId ? -1 : 1));
      // A regulation made under a law (law-hierarchy.ts) and its law fitting about equally: the law first.
      const ranked = preferParentLaw(scored, laws, parentLawShare);
      // The document is relevant when one of its passages is, even when another article is the excerpt.
      const coverageOf = (hit: (typeof ranked)[number]) => Math.max(hit.coverage ?? 0, relevance(hit.chunkId));
      // The threshold decides whether the question has a source at all; once one passage clears it, the
      // documents are listed by score down to a lower floor, so that a better-ranked law whose passages hold
      // a little less of the question's words is not dropped below a worse one (eval:citizen recall@5).
      const answerable = ranked.some((hit) => coverageOf(hit) >= threshold);
      const floor = threshold * hitFloorShare;
      const hits: KnowledgeHit[] = [];
      for (const hit of answerable ? ranked : []) {
        if (hits.length >= k) break;
        const entry = catalog.get(hit.documentId);
        const chunk = chunkById.get(hit.chunkId);
        if (!entry || !chunk) continue;
        const coverage = coverageOf(hit);
        if (coverage < floor) continue;
        const runnerUp = runnerUpArticle(entry.chunks, chunk, (chunkId) => measure(chunkId).fit);
        hits.push({
          documentId: entry.document.id,
          source: entry.document.source,
          title: entry.document.title,
          headingPath: chunk.headingPath,
          excerpt: chunk.text,
          score: Number(hit.score.toFixed(4)),
          coverage: Number(coverage.toFixed(4)),
          ...(runnerUp ? { runnerUp } : {}),
        });
      }
      return { hits, mode: vectorHits ? 'hybrid' : 'lexical' };
    },

    /**
     * Passages for answers: each hit's best chunk followed by the chunk(s) after it under the same heading,
     * taken from the chunks held in memory, never read again from the database.
     */
    searchPassages: createPassageSearch({
      search: (question, options): Promise<KnowledgeSearchResult> => knowledgeBase.search(question, options),
      chunksOf: (documentId) => catalog.get(documentId)?.chunks ?? [],
    }),

    listDocuments: () => [...catalog.values()].map(({ document }) => document),
    getDocument: (id: string) => catalog.get(id)?.document,
    get size() {
      return { documents: catalog.size, chunks: chunkById.size };
    },
    /** The relevance (coverage) a passage needs to be returned as a source. */
    get threshold() {
      return deps.threshold;
    },
    get vectorStoreConfigured() {
      return vectorIndex !== undefined;
    },
  };
  return knowledgeBase;
}

export type KnowledgeBase = ReturnType<typeof createKnowledgeBase>;
