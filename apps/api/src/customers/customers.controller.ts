import { Controller, Get, Inject, Param, Query, Req, UseGuards } from '@nestjs/common';
import { CustomerRepository } from '@rapport/persistence';
import type { Engine } from '@rapport/engine';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { TimelineService } from './timeline.service';

@Controller('api/customers')
@UseGuards(ApiKeyGuard)
export class CustomersController {
  constructor(
    @Inject(ENGINE) private readonly engine: Engine,
    private readonly timelines: TimelineService,
  ) {}

  @Get()
  async list(@Req() request: AuthedRequest, @Query('search') search?: string, @Query('limit') limit?: string) {
    const customers = await new CustomerRepository(this.engine.db.manager).list(request.workspace.id, {
      limit: Math.min(Math.max(Number(limit) || 50, 1), 500),
      search: search?.slice(0, 200),
    });
    return { customers };
  }

  @Get('by-external-id/:externalId')
  byExternalId(@Req() request: AuthedRequest, @Param('externalId') externalId: string) {
    return this.timelines.customerOrThrow(request.workspace.id, { externalId });
  }

  @Get('by-external-id/:externalId/timeline')
  async timelineByExternalId(@Req() request: AuthedRequest, @Param('externalId') externalId: string) {
    const customer = await this.timelines.customerOrThrow(request.workspace.id, { externalId });
    return this.timelines.timeline(request.workspace.id, customer);
  }

  @Get(':id')
  get(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.timelines.customerOrThrow(request.workspace.id, { id });
  }

  @Get(':id/timeline')
  async timeline(@Req() request: AuthedRequest, @Param('id') id: string) {
    const customer = await this.timelines.customerOrThrow(request.workspace.id, { id });
    return this.timelines.timeline(request.workspace.id, customer);
  }
}
