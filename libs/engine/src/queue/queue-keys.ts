import { Redis } from 'ioredis';

/**
 * Removes every key under a queue prefix (`<prefix>:*`): finished and never-run jobs stay in Redis after their
 * queue closes. For a test's own prefix once it is done, or an installation's old prefix after a move.
 */
export const dropQueueKeys = async (redisUrl: string, prefix: string): Promise<void> => {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    for (let cursor = '0'; ;) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
};
