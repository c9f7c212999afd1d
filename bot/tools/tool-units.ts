import { analyzeCall } from './analyze-call/analyze-call';
import { castVote } from './cast-vote/cast-vote';
import { explainAppealReply } from './explain-appeal-reply/explain-appeal-reply';
import { getHotTopics } from './get-hot-topics/get-hot-topics';
import { getAppealStatistics } from './get-appeal-statistics/get-appeal-statistics';
import { getHotlinePreviews } from './get-hotline-previews/get-hotline-previews';
import { getPollResults } from './get-poll-results/get-poll-results';
import { searchPastAppeals } from './search-past-appeals/search-past-appeals';
import { searchPolicies } from './search-policies/search-policies';
import type { ToolUnit } from './tool-unit';

/** The six tools of DESIGN.md §5, AI详解 of a reply (issue 15) and the two officials' tools, each one folder: schemas, call, offline planning, rendering. */
export const toolUnits: readonly ToolUnit[] = [
  getHotlinePreviews,
  castVote,
  getPollResults,
  searchPastAppeals,
  getAppealStatistics,
  searchPolicies,
  explainAppealReply,
  analyzeCall,
  getHotTopics,
];

export function toolUnitNamed(name: string): ToolUnit | undefined {
  return toolUnits.find((unit) => unit.name === name);
}
