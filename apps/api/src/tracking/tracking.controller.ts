import { Body, Controller, HttpCode, Inject, Post, Req, UseGuards } from '@nestjs/common';
import { parseTrackingRequest, type Engine } from '@rapport/engine';
import { WriteKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { TrackingRateLimitGuard } from '../common/rate-limit.guard';

/** The Segment HTTP tracking API: the same paths, auth and answers its client libraries expect. */
@Controller('v1')
@UseGuards(WriteKeyGuard, TrackingRateLimitGuard)
export class TrackingController {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  @Post('identify')
  @HttpCode(200)
  identify(@Req() request: AuthedRequest, @Body() body: unknown) {
    return this.ingest(request, 'identify', body);
  }

  @Post('track')
  @HttpCode(200)
  track(@Req() request: AuthedRequest, @Body() body: unknown) {
    return this.ingest(request, 'track', body);
  }

  @Post('batch')
  @HttpCode(200)
  batch(@Req() request: AuthedRequest, @Body() body: unknown) {
    return this.ingest(request, 'batch', body);
  }

  private async ingest(request: AuthedRequest, type: 'identify' | 'track' | 'batch', body: unknown) {
    const result = await this.engine.tracking.ingest(request.workspace.id, parseTrackingRequest(type, body));
    return { success: true, ...result };
  }
}
