import { createAdapter } from '@socket.io/redis-adapter';
import type { ServerOptions } from 'socket.io';
import { createMemorySharedState, type SharedState } from '../../common';
import type { Logger } from '../logger';
import { connectRedis, createRedisSharedState } from './redis-shared-state';

export interface SharedStateConnection {
  state: SharedState;
  /** socket.io's Redis adapter: broadcasts (live tallies, chat) reach the clients of every process. */
  socketAdapter?: ServerOptions['adapter'];
  close(): Promise<void>;
}

/** Logs a store's errors once per burst: a Redis restart would otherwise write a line per reconnect attempt. */
function quietErrorLog(logger: Logger, what: string) {
  let lastLoggedAt = 0;
  return (error: unknown) => {
    if (Date.now() - lastLoggedAt < 10_000) return;
    lastLoggedAt = Date.now();
    logger.warn({ err: error }, `${what} unreachable; retrying`);
  };
}

/**
 * The state every process shares: Redis when REDIS_URL is set (one client for commands and publishing, a
 * second one that only subscribes, as the adapter requires), this process's memory otherwise.
 */
export async function openSharedState(redisUrl: string | undefined, logger: Logger): Promise<SharedStateConnection> {
  if (!redisUrl) {
    const state = createMemorySharedState();
    return { state, close: () => state.close() };
  }
  const client = await connectRedis(redisUrl, quietErrorLog(logger, 'Redis'));
  const subscriber = client.duplicate();
  subscriber.on('error', quietErrorLog(logger, 'Redis (subscriber)'));
  await subscriber.connect();
  logger.info({ redis: new URL(redisUrl).host }, 'shared state in Redis');
  return {
    state: createRedisSharedState(client),
    socketAdapter: createAdapter(client, subscriber, { key: 'xiaoning:socket.io' }),
    close: async () => {
      await Promise.allSettled([subscriber.close(), client.close()]);
    },
  };
}
