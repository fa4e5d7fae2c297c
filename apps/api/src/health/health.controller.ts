import { Controller, Get, HttpCode, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { hasPendingMigrations } from '@rapport/persistence';
import type { Engine } from '@rapport/engine';
import { ENGINE } from '../common/engine.token';

/** 200 once Postgres answers with every migration applied and Redis answers; 503 naming what is not ready. */
@Controller('health')
export class HealthController {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  @Get()
  @HttpCode(200)
  async check(@Res({ passthrough: true }) response: Response) {
    const checks = {
      postgres: await this.engine.db.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      migrations: await hasPendingMigrations(this.engine.db).then(
        (pending) => !pending,
        () => false,
      ),
      redis: await this.engine.redis.ping().then(
        (answer) => answer === 'PONG',
        () => false,
      ),
    };
    const ok = Object.values(checks).every(Boolean);
    if (!ok) response.status(503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }
}
