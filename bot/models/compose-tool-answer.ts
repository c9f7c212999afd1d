import { toolUnitNamed, type RenderTurn } from '../tools';
import { somethingWentWrong } from '../../common';

/**
 * The offline model's answer to a tool result, written by the tool's own rendering from its result alone;
 * a result that does not match the tool's output schema gets the one apology, never a guess.
 */
export function composeToolAnswer(toolName: string, content: string, turn: RenderTurn): string {
  return toolUnitNamed(toolName)?.renderResult(content, turn) ?? somethingWentWrong;
}
