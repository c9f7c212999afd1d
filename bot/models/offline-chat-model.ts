import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import { BaseChatModel, type BaseChatModelParams } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import type { IntentRouter } from '../intents/intent-router';
import type { UnitFinder } from '../slots/unit-slots';
import type { PolicyAnswerComposer } from '../tools';
import { composeToolAnswer } from './compose-tool-answer';
import { isRaisingProblem } from '../intents/raise-problem';
import { afterEmergencyReply, greetingReply, helpReply, howToRaiseReply, noPolicyReply, outOfScopeReply } from './offline-replies';
import { planTurn } from './plan-turn';
import { textOf } from '../message-text';

export interface OfflineChatModelDependencies {
  router: IntentRouter;
  /** The units as they are now (names and aliases change rarely; the agent refreshes them per turn). */
  units: () => UnitFinder;
  composePolicy: PolicyAnswerComposer;
  /** Words of a text (jieba), for keywords of past-appeal searches. */
  segment: (text: string) => string[];
  now?: () => Date;
}

/** The pieces an offline answer is streamed in, as a remote model streams tokens (a few per answer). */
export const answerPieces = (text: string, size = 40): string[] => text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [''];

/**
 * The default chat model: deterministic, no network. A user message is routed to a tool (with arguments
 * from slot extraction) or answered directly (greeting, help, out of scope); after the tool ran, the answer
 * is composed from its result alone.
 */
export class OfflineChatModel extends BaseChatModel {
  private readonly deps: OfflineChatModelDependencies;
  private readonly toolNames: string[];

  constructor(deps: OfflineChatModelDependencies, toolNames: string[] = [], params: BaseChatModelParams = {}) {
    super(params);
    this.deps = deps;
    this.toolNames = toolNames;
  }

  _llmType(): string {
    return 'xiaoning-offline';
  }

  override bindTools(tools: { name?: string }[]): OfflineChatModel {
    return new OfflineChatModel(this.deps, [...this.toolNames, ...tools.flatMap((each) => (each.name ? [each.name] : []))]);
  }

  /** The reply to the conversation so far, with the intent it served in `response_metadata`. */
  respond(messages: BaseMessage[]): AIMessage {
    const lastUser = messages.findLastIndex((message) => HumanMessage.isInstance(message));
    const question = lastUser >= 0 ? textOf(messages[lastUser]!) : '';
    const toolResults = messages.slice(lastUser + 1).filter((message): message is ToolMessage => ToolMessage.isInstance(message));
    if (toolResults.length > 0) {
      const answers = toolResults.map((result) =>
        composeToolAnswer(result.name ?? '', textOf(result), { question, composePolicy: this.deps.composePolicy }),
      );
      const rules = answers.filter((each) => each !== noPolicyReply).map((each) => `相关规定：${each}`);
      if (toolResults[0]!.name === 'search_policies' && this.deps.router.route(question).intent === 'emergency') {
        // The numbers and the safe action are already given (bot/agent.ts); the rules follow when found.
        return new AIMessage({ content: [...rules, afterEmergencyReply].join('\n\n'), response_metadata: { intent: 'emergency' } });
      }
      // Raising a problem: how to raise it first, then the rules when a source was found (not a refusal).
      const guidance = toolResults[0]!.name === 'search_policies' && isRaisingProblem(question);
      const answer = guidance ? [howToRaiseReply, ...rules].join('\n\n') : answers.join('\n\n');
      return new AIMessage({ content: answer, response_metadata: { intent: toolResults[0]!.name, ...(guidance ? { guidance } : {}) } });
    }
    const earlier = messages.slice(0, Math.max(lastUser, 0));
    const previous = earlier.filter((message) => HumanMessage.isInstance(message)).map(textOf);
    const previousAnswer = earlier.findLast((message) => AIMessage.isInstance(message));
    const plan = planTurn(
      question,
      previous,
      { router: this.deps.router, units: this.deps.units(), now: this.deps.now?.() ?? new Date(), segment: this.deps.segment },
      previousAnswer ? textOf(previousAnswer) : undefined,
    );
    if (plan.toolCall && this.toolNames.includes(plan.toolCall.name)) {
      return new AIMessage({
        content: '',
        tool_calls: [
          { name: plan.toolCall.name, args: plan.toolCall.args, id: `call_${plan.toolCall.name}_${messages.length}`, type: 'tool_call' },
        ],
        response_metadata: { intent: plan.intent },
      });
    }
    // An emergency's numbers and safe action come first from the agent (every model); this follows them.
    const replies: Partial<Record<string, string>> = { greeting: greetingReply, help: helpReply, emergency: afterEmergencyReply };
    const reply = replies[plan.intent] ?? outOfScopeReply;
    return new AIMessage({ content: reply, response_metadata: { intent: plan.intent } });
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.respond(messages);
    return { generations: [{ text: textOf(message), message }] };
  }

  /** Streams the composed answer in short pieces, as a remote model streams tokens. */
  async *_streamResponseChunks(
    messages: BaseMessage[],
    _options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const message = this.respond(messages);
    if (message.tool_calls && message.tool_calls.length > 0) {
      yield new ChatGenerationChunk({
        text: '',
        message: new AIMessageChunk({
          content: '',
          tool_call_chunks: message.tool_calls.map((call, index) => ({
            name: call.name,
            args: JSON.stringify(call.args),
            id: call.id,
            index,
            type: 'tool_call_chunk',
          })),
          response_metadata: message.response_metadata,
        }),
      });
      return;
    }
    const text = textOf(message);
    const pieces = answerPieces(text);
    for (const [index, piece] of pieces.entries()) {
      const chunk = new ChatGenerationChunk({
        text: piece,
        message: new AIMessageChunk({ content: piece, ...(index === 0 ? { response_metadata: message.response_metadata } : {}) }),
      });
      yield chunk;
      // Stream listeners (the agent's "messages" mode) hear of each piece through the callback, as with remote models.
      await runManager?.handleLLMNewToken(piece, undefined, undefined, undefined, undefined, { chunk });
    }
  }
}
