import { randomUUID } from 'node:crypto';
import { AIMessage, AIMessageChunk, HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { createAgent } from 'langchain';
import { containsControlCharacter, controlCharacterError } from '../common';
import { AppError } from '../common';
import { createTokenizer, type Tokenizer } from '../text';
import { createMemorySharedState, createSharedRateLimiter, createWriteBatcher, type SharedState } from '../common';
import { findEmergencyInMessage, type AppealQueries } from '../hotline';
import type { Voting } from '../hotline';
import type { NewMessage, Repositories } from '../storage';
import { resultFromMessages, type XiaoningResult } from './agent-result';
import { createIntentRouter, type IntentRouter } from './intents/intent-router';
import { isConfirmation, voteConsent } from './intents/vote-consent';
import { createChatModel, type ChatModelSettings } from './models/chat-model-factory';
import { pendingVoteAsked, pendingVoteIn, pendingVoteMessage } from './pending-vote';
import type { PolicyAnswerComposer } from './tools';
import { systemPrompt } from './prompts/system-prompt';
import { createUnitFinder, type UnitFinder } from './slots/unit-slots';
import { createTools } from './tools/create-tools';
import { toolUnits } from './tools/tool-units';
import { OfflineChatModel } from './models/offline-chat-model';
import { createOfflineTurn } from './offline-turn';
import { toolContextSchema, type PendingVote, type ToolContext, type ToolDependencies } from './tools/tool-context';

export interface XiaoningDependencies {
  /** The tools' repositories and the conversations the agent keeps; nothing about accounts or audit. */
  repositories: Pick<Repositories, 'units' | 'previews' | 'stats' | 'conversations'>;
  voting: Voting;
  appeals: AppealQueries;
  searchPolicies: ToolDependencies['searchPolicies'];
  /** The call assistant behind the officials' tools (analyze_call, get_hot_topics). */
  assistant?: ToolDependencies['assistant'];
  /** AI详解 of published replies (explain_appeal_reply). */
  explanations?: ToolDependencies['explanations'];
  composePolicy: PolicyAnswerComposer;
  chatModel?: ChatModelSettings;
  router?: IntentRouter;
  tokenizer?: Tokenizer;
  /** Earlier turns given to the model (a turn is a question and its answer). */
  historyTurns?: number;
  maxMessageLength?: number;
  /** Messages per conversation per minute, on every channel; 0 disables (load tests). Default 20. */
  messagesPerConversationPerMinute?: number;
  /** The longest the units read for routing are reused without an announced edit; 0 reads them for every message. Default 60 s. */
  unitsMaxAgeMs?: number;
  /** Where that limit counts: this process by default, Redis when several processes answer one conversation. */
  sharedState?: SharedState;
  now?: () => Date;
  /**
   * The offline model's turns through the agent graph, as a remote model's, instead of bot/offline-turn.ts:
   * only for showing that both paths answer alike (tests/offline-turn.int.test.ts).
   */
  offlineThroughGraph?: boolean;
}

export interface AskInput {
  channel: string;
  /** The channel's identity of the person (signed cookie, openid, CLI user): never taken from the message. */
  userId: string;
  /** Whether the channel holds proof the person keeps `userId` (web: the signed cookie came back); votes need it. */
  identityEstablished?: boolean | undefined;
  /** The person's network address, where the channel sees it (web): votes are throttled per address. */
  address?: string | undefined;
  conversationId?: string | undefined;
  message: string;
  /** From the channel's login session (web chat), never from the message: the officials' tools check it. */
  role?: ToolContext['role'] | undefined;
  unitId?: string | undefined;
  /** The console's 来电内容, sent along with an official's question. */
  callText?: string | undefined;
}

export type XiaoningEvent = { type: 'delta'; text: string } | { type: 'done'; result: XiaoningResult };

const unreachable = () => new AppError('SERVICE_UNAVAILABLE', '智能问答服务暂时连接不上，请稍后再试，或直接拨打12345热线。');

/**
 * Xiaoning: one LangChain agent with the six tools of DESIGN §5 (plus AI详解 and the officials' two), the offline model by default or an OpenAI-compatible
 * one, and stored conversations. Channels call `ask` (whole answer) or `stream` (text deltas, then the result).
 */
export function createXiaoning(deps: XiaoningDependencies) {
  const router = deps.router ?? createIntentRouter();
  const now = deps.now ?? (() => new Date());
  const historyTurns = deps.historyTurns ?? 4;
  const maxMessageLength = deps.maxMessageLength ?? 500;
  const state = deps.sharedState ?? createMemorySharedState();
  const perConversation = deps.messagesPerConversationPerMinute ?? 20;
  const limiter =
    perConversation > 0
      ? createSharedRateLimiter({
          state,
          name: 'conversation',
          limit: perConversation,
          windowMs: 60_000,
        })
      : undefined;
  let units: UnitFinder = createUnitFinder([]);
  const tokenizer = deps.tokenizer ?? createTokenizer();
  const { model, kind } = createChatModel(deps.chatModel ?? {}, {
    router,
    units: () => units,
    composePolicy: deps.composePolicy,
    segment: (text) => tokenizer.contentTokens(text),
    now,
  });
  const toolDependencies: ToolDependencies = {
    repositories: deps.repositories,
    voting: deps.voting,
    appeals: deps.appeals,
    searchPolicies: deps.searchPolicies,
    assistant: deps.assistant,
    explanations: deps.explanations,
    now,
  };
  const tools = createTools(toolDependencies);
  // The offline model runs its turn without the graph (bot/offline-turn.ts); a remote model needs the graph's loop.
  const offlineTurn =
    model instanceof OfflineChatModel && !deps.offlineThroughGraph
      ? createOfflineTurn({
          model: model.bindTools(tools),
          runners: new Map(toolUnits.map((unit) => [unit.name, unit.createRunner(toolDependencies)])),
        })
      : undefined;
  const agent = createAgent({
    model,
    tools,
    contextSchema: toolContextSchema,
    ...(kind === 'openai-compatible' ? { systemPrompt } : {}),
  });
  const { conversations } = deps.repositories;
  /**
   * The units the router recognises (names and aliases). The whole table was read for every message, the largest
   * query of a turn (about half its database time) for a list an administrator changes a few times a year: it is
   * now read again when an edit was announced (`unitsChanged`, through the shared state so every process sees it
   * at once) and at least every `unitsMaxAgeMs` in case the table changed another way.
   */
  const unitsMaxAgeMs = deps.unitsMaxAgeMs ?? 60_000;
  const unitsVersionKey = 'units:version';
  let unitsRead: { at: number; version: string | undefined; finder: Promise<UnitFinder> } | undefined;
  const currentUnits = async (): Promise<UnitFinder> => {
    const version = await state.get(unitsVersionKey).catch(() => 'unknown');
    const time = Date.now();
    if (!unitsRead || unitsRead.version !== version || time - unitsRead.at >= unitsMaxAgeMs) {
      const reading = deps.repositories.units.list().then(createUnitFinder);
      unitsRead = { at: time, version, finder: reading };
      // A failed read is not kept: the next message reads again.
      reading.catch(() => {
        if (unitsRead?.finder === reading) unitsRead = undefined;
      });
    }
    return unitsRead.finder;
  };

  const prepare = async (input: AskInput) => {
    const message = input.message.trim();
    if (message === '') throw new AppError('VALIDATION_FAILED', '请输入您想问的问题。');
    // Every channel's text ends here, so WeChat, socket.io and the CLI are covered along with HTTP.
    if (containsControlCharacter(message)) throw controlCharacterError('message');
    if ([...message].length > maxMessageLength) throw new AppError('VALIDATION_FAILED', `问题太长了，请控制在${maxMessageLength}字以内。`);
    // One more than the turns shown: a vote question's record may follow the last answer. The conversation and
    // its last messages come in one query; a conversation created just now has none.
    const owned = input.conversationId
      ? await conversations.ownedWithLastMessages(input.conversationId, input.channel, input.userId, historyTurns * 2 + 1)
      : { conversation: await conversations.create(input.channel, input.userId), messages: [] };
    if (!owned) throw new AppError('NOT_FOUND', '没有找到这个对话，请重新开始提问。');
    const { conversation, messages: stored } = owned;
    const allowed = await limiter?.hit(conversation.id);
    if (allowed && !allowed.allowed)
      throw new AppError('RATE_LIMITED', '您发得太快了，请稍等一会儿再问。', { retryAfterSeconds: allowed.retryAfterSeconds });
    units = await currentUnits();
    const history: BaseMessage[] = stored
      .filter((each) => each.role === 'user' || each.role === 'assistant')
      .slice(-historyTurns * 2)
      .map((each) => (each.role === 'user' ? new HumanMessage(each.content) : new AIMessage(each.content)));
    const pendingVote = pendingVoteIn(stored.at(-1), now());
    const voter = {
      channel: input.channel,
      userId: input.userId,
      identityEstablished: input.identityEstablished ?? false,
      ...(input.address !== undefined ? { address: input.address } : {}),
      role: input.role ?? 'citizen',
      ...(input.unitId ? { unitId: input.unitId } : {}),
      ...(input.callText?.trim() ? { callText: input.callText.trim().slice(0, 3000) } : {}),
    };
    const context: ToolContext =
      pendingVote && isConfirmation(message)
        ? { ...voter, voteConsent: 'confirmed', pendingVote }
        : { ...voter, voteConsent: voteConsent(message, router) };
    return { conversationId: conversation.id, message, history, context };
  };

  // The turn in one statement, and the turns finished together in one (common/write-batcher.ts): with PGlite
  // every statement waits for the one before it and commits to disk, so statements are the cost under load.
  const turnWriter = createWriteBatcher({
    writeMany: async (turns: { conversationId: string; messages: NewMessage[] }[]) => {
      await conversations.appendTurns(turns);
      return turns.map(() => true);
    },
  });
  const remember = async (conversationId: string, message: string, result: XiaoningResult, pendingVote: PendingVote | undefined) => {
    await turnWriter.write({
      conversationId,
      messages: [
        { role: 'user', content: message },
        { role: 'assistant', content: result.answer, toolCalls: result.toolCalls.length > 0 ? result.toolCalls : null },
        ...(pendingVote ? [pendingVoteMessage(pendingVote)] : []),
      ],
    });
  };

  const run = async (input: AskInput, onDelta?: (text: string) => void): Promise<XiaoningResult> => {
    const { conversationId, message, history, context } = await prepare(input);
    // Danger happening now (DESIGN §4): the numbers and the safe action first and at once, from the agent
    // itself so that every channel and every model gives them; the model's answer follows.
    const emergency = findEmergencyInMessage(message);
    const emergencyText = emergency ? emergency.advice.join('\n') : undefined;
    if (emergencyText) onDelta?.(`${emergencyText}\n\n`);
    const messages = [...history, new HumanMessage(message)];
    let finalMessages: BaseMessage[] = [];
    try {
      if (offlineTurn) {
        finalMessages = [...messages, ...(await offlineTurn(messages, context, onDelta))];
      } else if (onDelta) {
        const stream = await agent.stream({ messages }, { context, recursionLimit: 12, streamMode: ['messages', 'values'] });
        for await (const [mode, chunk] of stream as AsyncIterable<[string, unknown]>) {
          if (mode === 'values') finalMessages = (chunk as { messages: BaseMessage[] }).messages;
          else {
            const [part] = chunk as [BaseMessage];
            if (AIMessageChunk.isInstance(part) && typeof part.content === 'string' && part.content !== '') onDelta(part.content);
          }
        }
      } else {
        finalMessages = (await agent.invoke({ messages }, { context, recursionLimit: 12 })).messages;
      }
    } catch (error) {
      // The emergency advice stands on its own: a model that fails must not take it away.
      if (emergencyText) finalMessages = messages;
      else if (error instanceof AppError) throw error;
      else if (kind === 'openai-compatible') throw new AppError('SERVICE_UNAVAILABLE', unreachable().message, { cause: error });
      else throw error;
    }
    const added = finalMessages.slice(messages.length);
    const modelResult = resultFromMessages(conversationId, added);
    const result = emergencyText
      ? { ...modelResult, answer: `${emergencyText}\n\n${modelResult.answer}`.trim(), refused: false }
      : modelResult;
    await remember(conversationId, message, result, pendingVoteAsked(added));
    return result;
  };

  return {
    kind,
    router,
    ask: (input: AskInput) => run(input),
    /** A unit's names or aliases were edited: every process reads the units again at its next message. */
    unitsChanged: async (): Promise<void> => {
      unitsRead = undefined;
      await state.set(unitsVersionKey, randomUUID(), 365 * 24 * 3_600_000);
    },
    /** Text deltas as the answer is produced, then the whole result. */
    async *stream(input: AskInput): AsyncGenerator<XiaoningEvent> {
      const deltas: string[] = [];
      let wake: (() => void) | undefined;
      let finished: XiaoningResult | undefined;
      let failure: unknown;
      void run(input, (text) => {
        deltas.push(text);
        wake?.();
      }).then(
        (result) => {
          finished = result;
          wake?.();
        },
        (error: unknown) => {
          failure = error;
          wake?.();
        },
      );
      while (true) {
        while (deltas.length > 0) yield { type: 'delta', text: deltas.shift()! };
        if (failure) throw failure;
        if (finished) {
          yield { type: 'done', result: finished };
          return;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
  };
}

export type Xiaoning = ReturnType<typeof createXiaoning>;
