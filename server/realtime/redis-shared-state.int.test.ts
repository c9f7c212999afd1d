import { sharedStateContract } from '../../common/shared-state/shared-state.contract';
import { startRedis, type RunningRedis } from '../../tests/support/redis-server';
import { connectRedis, createRedisSharedState, type RedisClient } from './redis-shared-state';

let redis: RunningRedis;
let client: RedisClient;

sharedStateContract(
  'redis',
  async () => {
    redis = await startRedis();
    client = await connectRedis(redis.url, () => undefined);
    return createRedisSharedState(client);
  },
  async () => {
    await client.close();
    await redis.stop();
  },
);
