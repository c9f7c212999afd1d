import type { FusionWeights } from './fuse-scores';
import type { RerankWeights } from './rerank';

/**
 * Calibrated on the public questions (../shared/data/eval/policy-qa-public.jsonl) with
 * `npm run eval:retrieval`; the figures are in the README. The landscape around these values is flat,
 * so they are not fitted to individual questions.
 */
export const defaultFusionWeights: FusionWeights = { chunk: 1, document: 1, vector: 0.1 };

export const defaultRerankWeights: RerankWeights = { phrase: 0.3, coverage: 0.5 };

/** Minimum coverage (share of the question's term weight found in the passage) for a hit to be returned. */
export const defaultRelevanceThreshold = 0.25;
