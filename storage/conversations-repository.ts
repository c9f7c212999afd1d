import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from './database';
import { conversations, messages } from './schema';
import type { Conversation, Message, NewMessage } from './domain-types';

export function createConversationsRepository(db: Database) {
  return {
    async create(channel: string, userId: string): Promise<Conversation> {
      const [row] = await db.insert(conversations).values({ id: randomUUID(), channel, userId }).returning();
      return row!;
    },
    async get(id: string): Promise<Conversation | undefined> {
      const [row] = await db.select().from(conversations).where(eq(conversations.id, id));
      return row;
    },
    /** A conversation only counts as the user's own when channel and user both match. */
    async findOwned(id: string, channel: string, userId: string): Promise<Conversation | undefined> {
      const [row] = await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.id, id), eq(conversations.channel, channel), eq(conversations.userId, userId)));
      return row;
    },
    async latestOf(channel: string, userId: string): Promise<Conversation | undefined> {
      const [row] = await db
        .select()
        .from(conversations)
        .where(and(eq(conversations.channel, channel), eq(conversations.userId, userId)))
        .orderBy(desc(conversations.createdAt))
        .limit(1);
      return row;
    },
    async append(conversationId: string, message: NewMessage): Promise<Message> {
      const [row] = await db
        .insert(messages)
        .values({ ...message, conversationId })
        .returning();
      return row!;
    },
    /**
     * The turns of several conversations in one statement (turns answered at the same moment, bot/agent.ts):
     * each turn's messages in order and after the ones before them, as `appendAll` for each would store them.
     */
    async appendTurns(turns: { conversationId: string; messages: NewMessage[] }[]): Promise<void> {
      const rows = turns.flatMap((turn) => turn.messages.map((message) => ({ ...message, conversationId: turn.conversationId })));
      if (rows.length > 0) await db.insert(messages).values(rows);
    },
    /**
     * Several messages of one turn in one statement (a question, its answer, maybe a pending vote), in order:
     * their ids follow the order given, as one `append` each would number them, at one round trip instead of three.
     */
    async appendAll(conversationId: string, added: NewMessage[]): Promise<Message[]> {
      if (added.length === 0) return [];
      const rows = await db
        .insert(messages)
        .values(added.map((message) => ({ ...message, conversationId })))
        .returning();
      return rows.sort((left, right) => left.id - right.id);
    },
    /**
     * A conversation that belongs to this channel and user, with its last `limit` messages (oldest first), in one
     * query: `findOwned` and `lastMessages` together, as every later question of a conversation needs both.
     */
    async ownedWithLastMessages(
      id: string,
      channel: string,
      userId: string,
      limit: number,
    ): Promise<{ conversation: Conversation; messages: Message[] } | undefined> {
      // The last messages come from a lateral subquery that reads them backwards along (conversation_id, id):
      // a plain join sorted all of the conversation's messages first, a cost that grew with every turn.
      const last = db
        .select()
        .from(messages)
        .where(eq(messages.conversationId, conversations.id))
        .orderBy(desc(messages.id))
        .limit(Math.max(1, limit))
        .as('last_messages');
      const rows = await db
        .select({
          conversation: conversations,
          message: {
            id: last.id,
            conversationId: last.conversationId,
            role: last.role,
            content: last.content,
            toolCalls: last.toolCalls,
            createdAt: last.createdAt,
          },
        })
        .from(conversations)
        .leftJoinLateral(last, sql`true`)
        .where(and(eq(conversations.id, id), eq(conversations.channel, channel), eq(conversations.userId, userId)))
        .orderBy(desc(last.id));
      if (rows.length === 0) return undefined;
      const found = rows.flatMap((row) => (row.message ? [row.message] : []));
      return { conversation: rows[0]!.conversation, messages: limit > 0 ? found.reverse() : [] };
    },
    /** The last `limit` messages, oldest first, ready to be handed to a model. */
    async lastMessages(conversationId: string, limit: number): Promise<Message[]> {
      const rows = await db
        .select()
        .from(messages)
        .where(eq(messages.conversationId, conversationId))
        .orderBy(desc(messages.id))
        .limit(limit);
      return rows.reverse();
    },
  };
}

export type ConversationsRepository = ReturnType<typeof createConversationsRepository>;
