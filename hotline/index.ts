/** What the hotline layer offers the layers above it; they import it from here, never from its files. */
export { createAppealQueries, type AppealQueries } from './appeals/appeal-queries';
export { createAppealAdministration, type AppealAdministration, type AppealChanges } from './appeals/appeal-administration';
export { appealStatuses } from './appeals/import/validate-appeal-rows';
export { type PolicyReference } from './appeals/appeal-views';
export { createCallAssistant, type CallAssistant } from './assist/call-assistant';
export { demoKnowledgeDirectory, readDemoData } from './demo/demo-data-files';
export { loadDemoData, type DemoLoadResult } from './demo/load-demo-data';
export { recomputeAllInsights } from './intelligence/appeal-insights';
export { loadAppealIntelligence, tagsOf } from './intelligence/appeal-intelligence';
export { appealTypes } from './intelligence/type/appeal-types';
export { inBallotOrder } from './polls/ballot-order';
export { createVoting, type CastVote, type PollTally, type Voter, type Voting } from './polls/voting';
export { previewView } from './previews/preview-views';
export {
  answerNoteLimits,
  createQuestionSubmissions,
  submissionContactMaxLength,
  submissionContentLimits,
  type QuestionSubmissions,
  type SubmitQuestion,
} from './submissions/question-submissions';
export { maskContact, type SubmissionView } from './submissions/submission-views';
export { emergencyAdviceFor, findEmergencyInMessage, type EmergencyKind } from './emergency/emergency-advice';
export { createAppealExplanations, noPublishedReply, type AppealExplanations } from './explanations/appeal-explanations';
export { createOpenAiCompletion, type CompleteChat } from './explanations/model-explanation';
export { type AppealExplanation, type ExplanationPoint } from './explanations/explanation-types';
export { defaultRankingWeights, rankNextUnits, type RankedCandidate, type RankingWeights } from './polls/next-unit-ranking';
export { createNextUnitSuggestions, type NextUnitSuggestions } from './polls/next-unit-suggestions';
export { appealCategories, type AppealCategory } from './appeals/appeal-categories';
