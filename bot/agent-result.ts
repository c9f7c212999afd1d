import { AIMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { textOf } from './message-text';
import { suggestionsByReply } from './models/offline-replies';
import { toolUnitNamed, type ColumnPage } from './tools';

export interface XiaoningSource {
  source: string;
  title: string;
  headingPath: string[];
  excerpt: string;
}

export interface XiaoningResult {
  conversationId: string;
  answer: string;
  /** The policy passages the answer may cite; [n] in the answer is sources[n - 1]. */
  sources: XiaoningSource[];
  toolCalls: string[];
  suggestions: string[];
  /** True when Xiaoning said it cannot answer (out of scope, or no source cleared the threshold). */
  refused: boolean;
  /** Pages of the column that show more of what the data tools answered (relative paths). */
  pages: ColumnPage[];
}

/** The column's pages for the data tools this turn called, one per path, in the order of the calls. */
function columnPagesOf(added: BaseMessage[]): ColumnPage[] {
  const pages = new Map<string, ColumnPage>();
  const results = new Map(
    added.filter((message) => ToolMessage.isInstance(message)).map((message) => [(message as ToolMessage).tool_call_id, textOf(message)]),
  );
  for (const message of added) {
    if (!AIMessage.isInstance(message)) continue;
    for (const call of message.tool_calls ?? []) {
      const page = toolUnitNamed(call.name)?.columnPageFor(call.args, call.id ? results.get(call.id) : undefined);
      if (page && !pages.has(page.path)) pages.set(page.path, page);
    }
  }
  return [...pages.values()];
}

/** Reads answer, sources, tool calls and refusal from the messages an agent run added. */
export function resultFromMessages(conversationId: string, added: BaseMessage[]): XiaoningResult {
  const toolCalls = added.flatMap((message) => (AIMessage.isInstance(message) ? (message.tool_calls ?? []).map((call) => call.name) : []));
  const final = [...added].reverse().find((message) => AIMessage.isInstance(message) && (message.tool_calls ?? []).length === 0);
  const answer = final ? textOf(final).trim() : '';
  const sources: XiaoningSource[] = [];
  let policySearched = false;
  for (const message of added) {
    if (!ToolMessage.isInstance(message) || message.name !== 'search_policies') continue;
    policySearched = true;
    // A result that does not match the tool's output schema contributes no sources.
    const parsed = toolUnitNamed('search_policies')?.readResult(textOf(message)) as { sources: XiaoningSource[] } | undefined;
    for (const source of parsed?.sources ?? [])
      sources.push({ source: source.source, title: source.title, headingPath: source.headingPath, excerpt: source.excerpt });
  }
  const metadata = final?.response_metadata as { intent?: string; guidance?: boolean } | undefined;
  const intent = metadata?.intent;
  // How to raise a problem is an answer even when no rule was found; an emergency is never refused.
  const answeredAnyway = metadata?.guidance === true || intent === 'emergency';
  const usedDataTool = toolCalls.some((name) => toolUnitNamed(name)?.kind === 'data');
  const refused =
    !answeredAnyway &&
    ((policySearched && sources.length === 0) || (!usedDataTool && !policySearched && intent !== 'greeting' && intent !== 'help'));
  const replyKind = intent === 'greeting' || intent === 'help' || intent === 'emergency' ? intent : 'out_of_domain';
  const suggestions = toolCalls[0] !== undefined ? toolUnitNamed(toolCalls[0])?.suggestions : suggestionsByReply[replyKind];
  return {
    conversationId,
    answer,
    sources: refused ? [] : sources,
    toolCalls,
    suggestions: [...(suggestions ?? suggestionsByReply.help)],
    refused,
    pages: refused ? [] : columnPagesOf(added),
  };
}

/**
 * The sources the answer cites with [n], each with its number; all of them when the answer cites none (a
 * remote model may answer without markers). Channels that list sources under the answer show these.
 */
export function citedSources(result: Pick<XiaoningResult, 'answer' | 'sources'>): { number: number; source: XiaoningSource }[] {
  const cited = new Set([...result.answer.matchAll(/\[(\d{1,2})\]/g)].map((match) => Number(match[1])));
  const numbered = result.sources.map((source, index) => ({ number: index + 1, source }));
  const kept = numbered.filter(({ number }) => cited.has(number));
  return kept.length > 0 ? kept : numbered;
}
