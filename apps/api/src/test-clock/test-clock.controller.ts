import { Body, Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import { Duration } from 'luxon';
import { z } from 'zod';
import type { Engine } from '@rapport/engine';
import { ApiError } from '../common/api-error';
import { ApiKeyGuard } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { parseBody } from '../common/parse-body';

const moveSchema = z.union([
  z.object({ now: z.iso.datetime({ offset: true }) }).strict(),
  z
    .object({
      advance: z
        .string()
        .refine((value) => Duration.fromISO(value).isValid, 'is not an ISO-8601 duration such as "P2D"'),
    })
    .strict(),
]);

/** RAPPORT_TEST_CLOCK=1 only: move the engine's clock and answer once everything that came due has run. */
@Controller('api/test-clock')
@UseGuards(ApiKeyGuard)
export class TestClockController {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  private clockOrThrow() {
    if (!this.engine.testClock)
      throw new ApiError('test_clock.disabled', {
        key: 'api.test-clock.off',
        params: { setting: 'RAPPORT_TEST_CLOCK=1' },
      });
    return this.engine.testClock;
  }

  @Get()
  async read() {
    return { now: (await this.clockOrThrow().now()).toISOString() };
  }

  @Post()
  @HttpCode(200)
  async move(@Body() body: unknown) {
    const clock = this.clockOrThrow();
    const move = parseBody(moveSchema, body, 'clock-change');
    const target =
      'now' in move
        ? new Date(move.now)
        : new Date((await clock.now()).getTime() + Duration.fromISO(move.advance).toMillis());
    if (Number.isNaN(target.getTime())) throw new ApiError('invalid_request', { key: 'api.test-clock.out-of-range' });
    await clock.set(target);
    const drained = await this.engine.drain.untilIdle(60_000);
    return { now: target.toISOString(), drained };
  }
}
