import { Body, Controller, Get, Inject, Param, Patch, Query, Req, UseGuards } from '@nestjs/common';
import { CustomerRepository } from '@rapport/persistence';
import type { Engine } from '@rapport/engine';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { notFound } from '../common/api-error';
import { asApiErrors } from '../profiles/profile-errors';
import { TimelineService } from './timeline.service';
import { readerLocale } from '../messages/reader-locale';

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
    // Times are shown in the workspace's zone, as the customers' timelines write theirs.
    return { customers, timeZone: request.workspace.timeZone };
  }

  @Get('by-external-id/:externalId')
  byExternalId(@Req() request: AuthedRequest, @Param('externalId') externalId: string) {
    return this.timelines.customerOrThrow(request.workspace.id, { externalId });
  }

  @Get('by-external-id/:externalId/timeline')
  async timelineByExternalId(@Req() request: AuthedRequest, @Param('externalId') externalId: string) {
    const customer = await this.timelines.customerOrThrow(request.workspace.id, { externalId });
    return this.timelines.timeline(request.workspace, customer, readerLocale(request));
  }

  /** The profile: fields, attributes, and consent per channel with its source and time. */
  @Get(':id')
  async get(@Req() request: AuthedRequest, @Param('id') id: string) {
    const profile = await this.engine.profiles.get(request.workspace.id, id);
    if (!profile) throw notFound('customer', id);
    return profile;
  }

  /** Edits the profile like an identify would (triggers react); 400 naming each wrong field, nothing written. */
  @Patch(':id')
  async update(@Req() request: AuthedRequest, @Param('id') id: string, @Body() body: unknown) {
    const profile = await asApiErrors(() => this.engine.profiles.update(request.workspace.id, id, body));
    if (!profile) throw notFound('customer', id);
    return profile;
  }

  @Get(':id/timeline')
  async timeline(@Req() request: AuthedRequest, @Param('id') id: string) {
    const customer = await this.timelines.customerOrThrow(request.workspace.id, { id });
    return this.timelines.timeline(request.workspace, customer, readerLocale(request));
  }
}
