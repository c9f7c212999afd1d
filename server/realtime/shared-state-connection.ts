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
 * The client the socket.io adapter publishes with. The adapter calls `publish` without waiting for it, and
 * while Redis is away our clients fail commands at once (no offline queue): each broadcast would then be an
 * unhandled rejection, which ends a Node process. Here a failed publish is logged (quietly) and dropped — the
 * fan-out to other processes pauses, this process's own clients still get the broadcast, and the next one
 * after Redis returns goes through.
 */
export function publishingWithoutCrash<Client extends { publish: (...args: never[]) => Promise<unknown> }>(
  client: Client,
  onError: (error: unknown) => void,
): Client {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'publish') {
        return (...args: Parameters<Client['publish']>) =>
          target.publish(...args).catch((error: unknown) => {
            onError(error);
            return 0;
          });
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
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
    socketAdapter: createAdapter(publishingWithoutCrash(client, quietErrorLog(logger, 'Redis (socket.io fan-out)')), subscriber, {
      key: 'xiaoning:socket.io',
    }),
    close: async () => {
      await Promise.allSettled([subscriber.close(), client.close()]);
    },
  };
}
