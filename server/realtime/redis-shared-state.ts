import { createClient } from 'redis';
import type { SharedState } from '../../common';

const newClient = (url: string) =>
  createClient({
    url,
    // Commands fail at once while the server is away, so callers degrade instead of waiting in a queue.
    disableOfflineQueue: true,
    socket: { connectTimeout: 3000, reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2000) },
  });

export type RedisClient = ReturnType<typeof newClient>;

// INCR and the window's expiry in one step, so that no two processes start a window each.
const hitScript = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

/** Opens a Redis client that fails commands at once while the server is away (the callers then degrade) and reconnects. */
export async function connectRedis(url: string, onError: (error: unknown) => void): Promise<RedisClient> {
  const client = newClient(url);
  client.on('error', onError);
  await client.connect();
  return client;
}

/**
 * SharedState in Redis, for several app processes. Keys start with `prefix` (default `xiaoning:`), so one
 * Redis can serve other applications too. Closing does not close the client: its owner does.
 */
export function createRedisSharedState(client: RedisClient, prefix = 'xiaoning:'): SharedState {
  const full = (key: string) => `${prefix}${key}`;
  const windowOf = async (key: string) => {
    const [count, ttl] = await Promise.all([client.get(full(key)), client.pTTL(full(key))]);
    return count === null || ttl < 0 ? { count: 0, resetInMs: 0 } : { count: Number(count), resetInMs: ttl };
  };
  return {
    kind: 'redis',
    async hit(key, windowMs) {
      const [count, ttl] = (await client.eval(hitScript, { keys: [full(key)], arguments: [String(windowMs)] })) as [number, number];
      return { count, resetInMs: ttl };
    },
    peek: windowOf,
    async claim(key, ttlMs, value = '1') {
      return (await client.set(full(key), value, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } })) === 'OK';
    },
    async forget(key) {
      await client.del(full(key));
    },
    async get(key) {
      return (await client.get(full(key))) ?? undefined;
    },
    async set(key, value, ttlMs) {
      await client.set(full(key), value, { expiration: { type: 'PX', value: ttlMs } });
    },
    async close() {
      // The client belongs to whoever opened it (it also carries the socket.io adapter's traffic).
    },
  };
}
