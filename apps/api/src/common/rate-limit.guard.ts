import { Inject, Injectable, type CanActivate, type ExecutionContext, type Type } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Engine } from '@rapport/engine';
import { ApiError } from './api-error';
import { ENGINE } from './engine.token';

type Bucket = 'tracking' | 'webhooks';

/**
 * Requests per second per key, counted in Redis so every API process shares one budget. When Redis is away the
 * count falls back to this process's memory rather than refusing traffic: events are stored in Postgres anyway.
 */
const limiterFor = (engine: Engine, bucket: Bucket): RateLimiterRedis => {
  const points = bucket === 'tracking' ? engine.config.RATE_LIMIT_TRACKING : engine.config.RATE_LIMIT_WEBHOOKS;
  return new RateLimiterRedis({
    storeClient: engine.redis,
    keyPrefix: `${engine.config.RAPPORT_QUEUE_PREFIX}:rate:${bucket}`,
    points,
    duration: 1,
    insuranceLimiter: new RateLimiterMemory({ points, duration: 1 }),
  });
};

/**
 * A guard class limiting one bucket, keyed by what `keyOf` reads from the request (the write key's workspace, the
 * webhook source). Over the limit: 429 with `Retry-After` in seconds, as Segment's and Shopify's clients expect.
 */
export const rateLimitGuard = (bucket: Bucket, keyOf: (request: Request) => string | undefined): Type<CanActivate> => {
  @Injectable()
  class RateLimitGuard implements CanActivate {
    private readonly limiter: RateLimiterRedis;

    constructor(@Inject(ENGINE) engine: Engine) {
      this.limiter = limiterFor(engine, bucket);
    }

    async canActivate(context: ExecutionContext): Promise<boolean> {
      const http = context.switchToHttp();
      const key = keyOf(http.getRequest<Request>());
      if (!key) return true;
      try {
        await this.limiter.consume(key);
        return true;
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        http.getResponse<Response>().setHeader('Retry-After', String(seconds));
        throw new ApiError(
          'rate_limited',
          { key: 'api.rate-limited', params: { seconds } },
          { retryAfterSeconds: seconds },
        );
      }
    }
  }
  return RateLimitGuard;
};

/** The tracking API's limit: per workspace write key (the guard runs after WriteKeyGuard resolved it). */
export const TrackingRateLimitGuard = rateLimitGuard(
  'tracking',
  (request) => (request as Request & { workspace?: { id: string } }).workspace?.id,
);
