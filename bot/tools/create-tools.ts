import { createCastVoteTool } from './cast-vote';
import { createGetAppealStatisticsTool } from './get-appeal-statistics';
import { createGetHotlinePreviewsTool } from './get-hotline-previews';
import { createGetPollResultsTool } from './get-poll-results';
import { createSearchPastAppealsTool } from './search-past-appeals';
import { createSearchPoliciesTool } from './search-policies';
import type { ToolDependencies } from './tool-context';

/** The six tools of DESIGN §5, calling the column and knowledge modules directly (not over HTTP). */
export function createTools(deps: ToolDependencies) {
  return [
    createGetHotlinePreviewsTool(deps),
    createCastVoteTool(deps),
    createGetPollResultsTool(deps),
    createSearchPastAppealsTool(deps),
    createGetAppealStatisticsTool(deps),
    createSearchPoliciesTool(deps),
  ];
}
