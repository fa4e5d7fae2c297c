import { Controller, Get, Inject, Req, UseGuards } from '@nestjs/common';
import type { Engine } from '@rapport/engine';
import { SeenEventsRepository } from '@rapport/persistence';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';

const DAYS = 90;

/** The event names (and their properties) the workspace received in the last 90 days: the editor's pickers. */
@Controller('api/events')
@UseGuards(ApiKeyGuard)
export class SeenEventsController {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  @Get('seen')
  async seen(@Req() request: AuthedRequest) {
    const now = await this.engine.clock.now();
    const since = new Date(now.getTime() - DAYS * 86_400_000);
    return { events: await new SeenEventsRepository(this.engine.db.manager).recent(request.workspace.id, since) };
  }
}
