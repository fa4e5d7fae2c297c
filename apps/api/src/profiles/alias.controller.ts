import { Body, Controller, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import { parseTrackingRequest, type Engine } from '@rapport/engine';
import { WriteKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { TrackingRateLimitGuard } from '../common/rate-limit.guard';

/** Segment's `alias` call: the anonymous id used before sign-up (`previousId`) now belongs to `userId`. */
@Controller('v1')
@UseGuards(WriteKeyGuard, TrackingRateLimitGuard)
export class AliasController {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  @Post('alias')
  @HttpCode(200)
  async alias(@Req() request: AuthedRequest, @Body() body: unknown) {
    const result = await this.engine.tracking.ingest(request.workspace.id, parseTrackingRequest('alias', body));
    return { success: true, ...result };
  }
}
