import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { createSharedRateLimiter } from '../../common';
import { startRedis, type RunningRedis } from '../../tests/support/redis-server';
import { createLogger } from '../logger';
import { openSharedState, type SharedStateConnection } from './shared-state-connection';

/**
 * Redis stopped and started again under two socket.io servers joined by the Redis adapter (two processes in
 * one): while it is away, broadcasts and rate limits must not throw (an unhandled rejection ends a Node
 * process), the limit lets requests through, and once it is back a broadcast from one server reaches the
 * other's clients again, without restarting anything.
 */
jest.setTimeout(60_000);

describe('a Redis outage under the socket.io adapter', () => {
  let redis: RunningRedis;
  const connections: SharedStateConnection[] = [];
  const servers: { io: Server; http: http.Server; url: string }[] = [];
  let client: Socket;
  const unhandled: unknown[] = [];
  const recordUnhandled = (reason: unknown) => unhandled.push(reason);

  beforeAll(async () => {
    process.on('unhandledRejection', recordUnhandled);
    redis = await startRedis();
    for (let index = 0; index < 2; index += 1) {
      const connection = await openSharedState(redis.url, createLogger('silent'));
      connections.push(connection);
      const server = http.createServer();
      const io = new Server(server, { adapter: connection.socketAdapter! });
      io.of('/polls');
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push({ io, http: server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    }
    client = connect(`${servers[1]!.url}/polls`, { forceNew: true, transports: ['websocket'] });
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  });

  afterAll(async () => {
    process.off('unhandledRejection', recordUnhandled);
    client?.close();
    for (const server of servers) await new Promise((resolve) => server.io.close(resolve));
    for (const connection of connections) await connection.close();
    await redis?.stop();
  });

  /** Broadcasts from the first server every 100 ms until the second one's client hears it (or `timeoutMs`). */
  const fanOutWithin = async (timeoutMs: number): Promise<number | undefined> => {
    const started = Date.now();
    let heard = false;
    const onTally = () => (heard = true);
    client.on('tally', onTally);
    try {
      while (Date.now() - started < timeoutMs) {
        servers[0]!.io.of('/polls').emit('tally', { at: Date.now() });
        await new Promise((resolve) => setTimeout(resolve, 100));
        if (heard) return Date.now() - started;
      }
      return undefined;
    } finally {
      client.off('tally', onTally);
    }
  };

  test('fan-out pauses while Redis is away, nothing throws, and it works again once Redis is back', async () => {
    expect(await fanOutWithin(3000)).toBeDefined();
    const limiter = createSharedRateLimiter({ state: connections[0]!.state, name: 'api', limit: 1, windowMs: 60_000 });

    const restarted = redis.restart(3000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await fanOutWithin(1500)).toBeUndefined();
    expect((await limiter.hit('203.0.113.9')).allowed).toBe(true);
    expect((await limiter.hit('203.0.113.9')).allowed).toBe(true);
    await restarted;

    const recoveredIn = await fanOutWithin(15_000);
    process.stdout.write(`fan-out again ${recoveredIn} ms after Redis returned\n`);
    expect(recoveredIn).toBeDefined();
    expect(unhandled).toEqual([]);
    // The limit counts again in the new (empty) Redis.
    expect((await limiter.hit('203.0.113.10')).allowed).toBe(true);
    expect((await limiter.hit('203.0.113.10')).allowed).toBe(false);
  });
});
