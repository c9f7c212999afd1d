export interface KnowledgeHit {
  documentId: string;
  source: string;
  title: string;
  headingPath: string[];
  /** The passage that matched (one chunk, at most a few hundred characters). */
  excerpt: string;
  /** Fused relevance used for ranking, in [0, 1]. */
  score: number;
  /** Share of the question's weight the passage contains, in [0, 1]; compared with the threshold. */
  coverage: number;
  /**
   * For a law (chunks under article headings): the chunk of the next best article of the same document, with
   * how well it fits against the best one (fit ratio in [0, 1]). Choosing the article is the hard part of an
   * everyday question (eval:citizen); the answer may take its sentence from either.
   */
  runnerUp?: { headingPath: string[]; excerpt: string; ratio: number };
}

export interface KnowledgeSearchOptions {
  k?: number;
  documentIds?: string[];
  tags?: string[];
  /** Official terms to look for besides the question's words (e.g. a chat model's rewrite of the question). */
  expansions?: string[];
  /** Overrides the knowledge base's relevance threshold (measurements). */
  threshold?: number;
}

export interface KnowledgeSearchResult {
  hits: KnowledgeHit[];
  /** `lexical` when the vector store could not be asked (down or not configured). */
  mode: 'hybrid' | 'lexical';
}
