import { AIMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { suggestionsByTool } from './models/offline-replies';
import type { PolicySource } from './tools/tool-context';

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
}

const dataTools = new Set(['get_hotline_previews', 'cast_vote', 'get_poll_results', 'search_past_appeals', 'get_appeal_statistics']);
const textOf = (message: BaseMessage) =>
  typeof message.content === 'string' ? message.content : message.content.map((part) => ('text' in part ? part.text : '')).join('');

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
    try {
      const parsed = JSON.parse(textOf(message)) as { sources?: PolicySource[] };
      for (const source of parsed.sources ?? [])
        sources.push({ source: source.source, title: source.title, headingPath: source.headingPath, excerpt: source.excerpt });
    } catch {
      // a malformed tool result contributes no sources
    }
  }
  const intent = (final?.response_metadata as { intent?: string } | undefined)?.intent;
  const usedDataTool = toolCalls.some((name) => dataTools.has(name));
  const refused =
    (policySearched && sources.length === 0) || (!usedDataTool && !policySearched && intent !== 'greeting' && intent !== 'help');
  const key = toolCalls[0] ?? intent ?? 'out_of_domain';
  return {
    conversationId,
    answer,
    sources: refused ? [] : sources,
    toolCalls,
    suggestions: suggestionsByTool[key] ?? suggestionsByTool.help!,
    refused,
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
