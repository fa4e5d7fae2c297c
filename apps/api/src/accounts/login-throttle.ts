import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { Engine } from '@rapport/engine';
import { ApiError } from '../common/api-error';
import { ENGINE } from '../common/engine.token';

/** Failed sign-ins allowed per email and address in the window: enough for typos, far too few for guessing. */
export const LOGIN_ATTEMPTS = 10;
const WINDOW_SECONDS = 15 * 60;

/**
 * Counts failed sign-ins per email + IP in Redis (shared by every API process); a success clears the count. Only
 * failures count, so a marketer signing in all day is never locked out; a locked-out pair answers 429 even to the
 * right password, so a guesser learns nothing from the answer.
 */
@Injectable()
export class LoginThrottle {
  private readonly limiter: RateLimiterRedis;

  constructor(@Inject(ENGINE) engine: Engine) {
    this.limiter = new RateLimiterRedis({
      storeClient: engine.redis,
      keyPrefix: `${engine.config.RAPPORT_QUEUE_PREFIX}:rate:login`,
      points: LOGIN_ATTEMPTS,
      duration: WINDOW_SECONDS,
      insuranceLimiter: new RateLimiterMemory({ points: LOGIN_ATTEMPTS, duration: WINDOW_SECONDS }),
    });
  }

  private keyOf(email: string, ip: string | undefined) {
    return `${email.trim().toLowerCase()}|${ip ?? 'unknown'}`;
  }

  /** Refuses with 429 and the seconds to wait when this email + IP used up its failures. */
  async checkAllowed(email: string, ip: string | undefined): Promise<{ retryAfterSeconds: number } | null> {
    const state = await this.limiter.get(this.keyOf(email, ip));
    if (!state || state.consumedPoints < LOGIN_ATTEMPTS) return null;
    return { retryAfterSeconds: Math.max(1, Math.ceil(state.msBeforeNext / 1000)) };
  }

  async failed(email: string, ip: string | undefined): Promise<void> {
    // Over the limit the limiter rejects; the refusal itself is checkAllowed's job.
    await this.limiter.penalty(this.keyOf(email, ip), 1);
  }

  async succeeded(email: string, ip: string | undefined): Promise<void> {
    await this.limiter.delete(this.keyOf(email, ip));
  }
}

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new ApiError(
    'rate_limited',
    { key: 'api.auth.too-many-sign-ins', params: { minutes: Math.ceil(retryAfterSeconds / 60) } },
    { retryAfterSeconds },
  );
