export interface ConversationLookup {
  latestOf(channel: string, userId: string): Promise<{ id: string } | undefined>;
  lastMessages(conversationId: string, limit: number): Promise<{ createdAt: Date }[]>;
}

/**
 * WeChat has no "new chat" button: a person just keeps writing to the account. A message continues that
 * person's latest conversation while it is fresh (its last message under `idleMinutes` old), so follow-ups
 * like 那霞浦县呢？ keep their context; after a pause a new conversation starts and old topics do not leak in.
 */
export function createRecentConversationFinder(deps: { conversations: ConversationLookup; idleMinutes?: number; now?: () => Date }) {
  const idleMs = (deps.idleMinutes ?? 30) * 60_000;
  const now = deps.now ?? (() => new Date());
  return async (openid: string): Promise<string | undefined> => {
    const latest = await deps.conversations.latestOf('wechat', openid);
    if (!latest) return undefined;
    const [last] = await deps.conversations.lastMessages(latest.id, 1);
    return last && now().getTime() - last.createdAt.getTime() < idleMs ? latest.id : undefined;
  };
}

export type RecentConversationFinder = ReturnType<typeof createRecentConversationFinder>;
