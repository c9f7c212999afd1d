import { type AIMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { textOf } from './message-text';
import { answerPieces, type OfflineChatModel } from './models/offline-chat-model';
import type { ToolContext, ToolRunner } from './tools';

/** More steps than an offline turn takes (the model, the tools, the model): a loop would be a bug. */
const maxSteps = 6;
const streamedPieceCharacters = 120;

/**
 * A turn of the offline model: the model's reply, the tools it called, its answer from their results — the
 * steps the agent graph (bot/agent.ts) takes for any model, without the graph. The offline model decides at
 * once and deterministically, and the graph's bookkeeping (configs, callbacks, run ids, checkpoints) was
 * about half of an offline answer's CPU time under load (issue 19). A remote model keeps the graph.
 *
 * Returns the messages the turn added, as the graph does; a tool that fails gives the model an error result
 * with the text LangChain's ToolNode writes, so both paths answer a failure alike.
 */
export function createOfflineTurn(deps: { model: OfflineChatModel; runners: ReadonlyMap<string, ToolRunner> }) {
  const runTool = async (call: NonNullable<AIMessage['tool_calls']>[number], context: ToolContext): Promise<ToolMessage> => {
    const id = call.id ?? call.name;
    const runner = deps.runners.get(call.name);
    try {
      if (!runner) throw new Error(`Tool "${call.name}" not found.`);
      return new ToolMessage({ name: call.name, content: await runner(call.args, context), tool_call_id: id });
    } catch (error) {
      return new ToolMessage({
        name: call.name,
        content: `${String(error)}\n Please fix your mistakes.`,
        tool_call_id: id,
        status: 'error',
      });
    }
  };

  return async (messages: BaseMessage[], context: ToolContext, onDelta?: (text: string) => void): Promise<BaseMessage[]> => {
    const turn = [...messages];
    for (let step = 0; step < maxSteps; step += 1) {
      const reply = deps.model.respond(turn);
      turn.push(reply);
      const calls = reply.tool_calls ?? [];
      if (calls.length === 0) {
        const text = textOf(reply);
        // The answer is whole at once: a few larger pieces show it as promptly with fewer frames to send and read.
        if (onDelta && text !== '') for (const piece of answerPieces(text, streamedPieceCharacters)) onDelta(piece);
        return turn.slice(messages.length);
      }
      for (const call of calls) turn.push(await runTool(call, context));
    }
    throw new Error(`the offline turn took more than ${maxSteps} steps`);
  };
}
