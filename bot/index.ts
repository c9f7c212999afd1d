/** What the bot layer offers the layers above it; they import it from here, never from its files. */
export { createXiaoning, type AskInput, type Xiaoning, type XiaoningDependencies, type XiaoningEvent } from './agent';
export { citedSources, type XiaoningResult } from './agent-result';
export { composePolicyAnswer } from './answers/compose-policy-answer';
export { castVoteAs, renderVoteResult, type BallotBox } from './tools/cast-vote/cast-vote';
export { pollResultsOf, renderPollResults } from './tools/get-poll-results/get-poll-results';
export { createQueryRewriter, type QueryRewriter } from './tools/search-policies/rewrite-query';
