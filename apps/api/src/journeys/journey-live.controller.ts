import { Controller, Get, Param, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { JourneyLiveService } from './journey-live.service';
import { JourneyService } from './journey.service';

/** Comments keep proxies and load balancers from closing a quiet stream. */
const HEARTBEAT_MS = 15_000;

/** Live numbers on the canvas: customers at each step now and passed through, and who waits where until when. */
@Controller('api/journeys')
@UseGuards(ApiKeyGuard)
export class JourneyLiveController {
  constructor(
    private readonly journeys: JourneyService,
    private readonly live: JourneyLiveService,
  ) {}

  /**
   * Server-sent events: a `counts` event at once, then each time the numbers change. The journey is looked up
   * first, so another workspace's id is a plain 404 and no stream is opened.
   */
  @Get(':id/live')
  async stream(@Req() request: AuthedRequest, @Param('id') id: string, @Res() response: Response): Promise<void> {
    const journey = await this.journeys.getOrThrow(request.workspace.id, id);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx would otherwise buffer the stream.
      'x-accel-buffering': 'no',
    });
    response.write('retry: 3000\n\n');
    const heartbeat = setInterval(() => response.write(': still here\n\n'), HEARTBEAT_MS);
    const end = () => {
      clearInterval(heartbeat);
      if (!response.writableEnded) response.end();
    };
    const unsubscribe = this.live.subscribe({
      workspaceId: request.workspace.id,
      journeyId: journey.id,
      listener: (counts) => response.write(`event: counts\ndata: ${JSON.stringify(counts)}\n\n`),
      // Shutting down ends every stream, so the server can close.
      end,
    });
    response.once('close', () => {
      unsubscribe();
      end();
    });
  }

  /** Customers at a step now, the next to move on first, with when (`wakeAt`) and what may move them earlier. */
  @Get(':id/nodes/:nodeId/waiting')
  async waiting(
    @Req() request: AuthedRequest,
    @Param('id') id: string,
    @Param('nodeId') nodeId: string,
    @Query('limit') limit?: string,
  ) {
    const journey = await this.journeys.getOrThrow(request.workspace.id, id);
    const found = await this.live.waiting(request.workspace.id, journey.id, nodeId, Number(limit) || 50);
    return { nodeId, ...found };
  }
}
