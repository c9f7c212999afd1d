import type { ToolDependencies } from './tool-context';
import { toolUnits } from './tool-units';

/** The six tools of DESIGN.md §5 as LangChain tools, calling the column and knowledge modules directly (not over HTTP). */
export function createTools(deps: ToolDependencies) {
  return toolUnits.map((unit) => unit.createTool(deps));
}
