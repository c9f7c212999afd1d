import type { XiaoningResult } from '../bot';

export type StaffRole = 'citizen' | 'official' | 'admin';

/** The channels Xiaoning is reached through; stored as `conversations.channel` and `votes.channel`. */
export type ChannelName = 'web' | 'wechat';

/**
 * How a channel answers the message it received. `delta` is for channels that can show text as it is
 * produced (web chat); channels that cannot (WeChat) ignore it and send the whole answer in `done`.
 */
export interface ReplyHandle {
  delta(text: string): void;
  done(result: XiaoningResult): Promise<void> | void;
  /** A problem the person should read: Chinese, no internals. */
  error(code: string, message: string): Promise<void> | void;
}

/**
 * One message from a person, whatever the channel. `userId` is what the channel itself vouches for (a
 * signed cookie, WeChat's openid), never what the message claims; `raw` keeps the channel's payload.
 */
export interface InboundMessage {
  channel: ChannelName;
  userId: string;
  /** Whether the channel holds proof the person keeps `userId` (web: the signed cookie came back; WeChat: the openid). Votes need it. */
  identityEstablished: boolean;
  /** The person's network address, where the channel sees it (web): votes are throttled per address. */
  address?: string | undefined;
  conversationId?: string | undefined;
  text: string;
  /** The person's role and unit from the channel's login session (web: the console's session cookie); citizen otherwise. */
  role?: StaffRole | undefined;
  unitId?: string | undefined;
  /** Text to analyse that came with the message (the console's 来电内容). */
  callText?: string | undefined;
  raw: unknown;
  reply: ReplyHandle;
}

/** Turns a channel's own traffic into InboundMessages and hands each to `onMessage`. */
export interface ChannelAdapter {
  readonly channel: ChannelName;
  start(onMessage: (message: InboundMessage) => Promise<void>): void | Promise<void>;
  stop(): Promise<void>;
}
