/** The six tools (DESIGN §5), AI详解 of a reply, the two officials' tools, and the intents that call none. */
export const toolIntents = [
  'get_hotline_previews',
  'cast_vote',
  'get_poll_results',
  'search_past_appeals',
  'get_appeal_statistics',
  'search_policies',
  // AI详解 of a published reply in the conversation (issue 15).
  'explain_appeal_reply',
  // Officials' tools (issue 16): refused politely to citizens.
  'analyze_call',
  'get_hot_topics',
] as const;
/** emergency: danger happening now, answered first with the emergency numbers (DESIGN §4), never refused. */
export const conversationIntents = ['greeting', 'help', 'out_of_domain', 'emergency'] as const;
export const intents = [...toolIntents, ...conversationIntents] as const;

export type ToolIntent = (typeof toolIntents)[number];
export type Intent = (typeof intents)[number];

export const isToolIntent = (intent: Intent): intent is ToolIntent => (toolIntents as readonly string[]).includes(intent);
