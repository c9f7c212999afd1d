import { createMemorySharedState, type SharedState } from '../common';
import { createInFlightLocks } from '../channels/web/in-flight-locks';
import { createWechatApiClient } from '../channels/wechat/wechat-api-client';
import { connectRedis, createRedisSharedState, type RedisClient } from '../server/realtime/redis-shared-state';
import { startFakeWechatServer, type FakeWechatServer } from './fakes/fake-wechat-server';
import { startRedis, type RunningRedis } from './support/redis-server';

/**
 * What the chat and WeChat keep in SharedState, seen by two "processes": two clients of one redis-server started
 * here (each its own connection), and the in-memory state shared by the parts of one process.
 */
type TwoStates = { first: SharedState; second: SharedState; close(): Promise<void> };

const memory = async (): Promise<TwoStates> => {
  const state = createMemorySharedState();
  return { first: state, second: state, close: async () => undefined };
};

let redis: RunningRedis | undefined;
const throughRedis = async (): Promise<TwoStates> => {
  redis ??= await startRedis();
  const clients: RedisClient[] = [await connectRedis(redis.url, () => undefined), await connectRedis(redis.url, () => undefined)];
  await clients[0]!.flushAll();
  return {
    first: createRedisSharedState(clients[0]!),
    second: createRedisSharedState(clients[1]!),
    close: async () => {
      await Promise.all(clients.map((client) => client.close()));
    },
  };
};

afterAll(async () => {
  await redis?.stop();
});

describe.each([
  ['memory', memory],
  ['redis', throughRedis],
])('chat and WeChat shared state (%s)', (_kind, open) => {
  let states: TwoStates;
  let wechatApi: FakeWechatServer;
  beforeEach(async () => {
    states = await open();
    wechatApi = await startFakeWechatServer({ appId: 'wx-app', appSecret: 'secret' });
  });
  afterEach(async () => {
    await wechatApi.close();
    await states.close();
  });

  const text = (content: string) => ({ type: 'text' as const, content });
  const clientOn = (state: SharedState, now: () => number = Date.now) =>
    createWechatApiClient({ apiBase: wechatApi.apiBase, appId: 'wx-app', appSecret: 'secret', tokenState: state, now });

  it('one access_token for both: fetched once, refreshed once before it expires, by whichever needs it first', async () => {
    let time = 1_000_000;
    const a = clientOn(states.first, () => time);
    const b = clientOn(states.second, () => time);
    await Promise.all([
      a.sendCustomerServiceMessage('o1', text('一')),
      b.sendCustomerServiceMessage('o2', text('二')),
      b.sendCustomerServiceMessage('o3', text('三')),
    ]);
    expect(wechatApi.tokenRequests).toHaveLength(1);
    // Five minutes before WeChat's 7,200 s the token is renewed: by one of them, and the other uses it.
    time += (7200 - 299) * 1000;
    await b.sendCustomerServiceMessage('o2', text('四'));
    await a.sendCustomerServiceMessage('o1', text('五'));
    expect(wechatApi.tokenRequests).toHaveLength(2);
    // Every call was made with the token current at WeChat (a token of its own would have invalidated the other's).
    expect(wechatApi.sendAttempts.map((attempt) => attempt.errcode)).toEqual([0, 0, 0, 0, 0]);
  });

  it('a token WeChat calls stale is dropped for both: one new fetch, then both use the new one', async () => {
    const a = clientOn(states.first);
    const b = clientOn(states.second);
    await a.sendCustomerServiceMessage('o1', text('一'));
    await b.sendCustomerServiceMessage('o1', text('二'));
    wechatApi.failNextSend(40001);
    await b.sendCustomerServiceMessage('o1', text('三'));
    expect(wechatApi.tokenRequests).toHaveLength(2);
    const fresh = wechatApi.sendAttempts.at(-1)!.accessToken;
    await b.sendCustomerServiceMessage('o1', text('四'));
    expect(wechatApi.sendAttempts.at(-1)!.accessToken).toBe(fresh);
    expect(wechatApi.tokenRequests).toHaveLength(2);
  });

  it('one question at a time per conversation across both; the same question again takes over', async () => {
    const onA = createInFlightLocks(states.first, 60_000, (error) => {
      throw error;
    });
    const onB = createInFlightLocks(states.second, 60_000, (error) => {
      throw error;
    });
    const first = await onA.take('conversation-1', '失业金怎么领？');
    expect(first.taken).toBe(true);
    expect((await onB.take('conversation-1', '需要什么材料？')).taken).toBe(false);
    // Another conversation is not held up.
    expect((await onB.take('conversation-2', '需要什么材料？')).taken).toBe(true);
    // The widget resends the question it waited for after reconnecting (A died): B answers it.
    const resent = await onB.take('conversation-1', '失业金怎么领？');
    expect(resent.taken).toBe(true);
    // A's late release leaves B's lock alone; B's own release frees the conversation.
    await first.release();
    expect((await onA.take('conversation-1', '第三个问题')).taken).toBe(false);
    await resent.release();
    expect((await onA.take('conversation-1', '第三个问题')).taken).toBe(true);
  });

  it('a lock whose process died frees the conversation after its lifetime', async () => {
    const onA = createInFlightLocks(states.first, 300, () => undefined);
    const onB = createInFlightLocks(states.second, 300, () => undefined);
    expect((await onA.take('conversation-3', '一')).taken).toBe(true);
    expect((await onB.take('conversation-3', '二')).taken).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await onB.take('conversation-3', '二')).taken).toBe(true);
  });
});
