import { All, Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Req, UseGuards } from '@nestjs/common';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ApiError } from '../common/api-error';
import { JourneyService, toJourneyView } from './journey.service';
import { readerLocale } from '../messages/reader-locale';
import { refusalIn, withProblemsIn } from '../messages/localize-problems';
import { publishSummaryIn } from '../messages/localize-publish-summary';

@Controller('api/journeys')
@UseGuards(ApiKeyGuard)
export class JourneysController {
  constructor(private readonly journeys: JourneyService) {}

  @Post()
  create(@Req() request: AuthedRequest, @Body() body: unknown) {
    return this.journeys.create(request.workspace.id, body);
  }

  @Get()
  list(@Req() request: AuthedRequest) {
    return this.journeys.list(request.workspace.id);
  }

  @Get(':id')
  async get(@Req() request: AuthedRequest, @Param('id') id: string) {
    return toJourneyView(await this.journeys.getOrThrow(request.workspace.id, id));
  }

  @Put(':id')
  update(@Req() request: AuthedRequest, @Param('id') id: string, @Body() body: unknown) {
    return this.journeys.updateDraft(request.workspace.id, id, body);
  }

  @Post(':id/validate')
  @HttpCode(200)
  validate(@Req() request: AuthedRequest, @Param('id') id: string) {
    return withProblemsIn(readerLocale(request), this.journeys.validate(request.workspace.id, id));
  }

  @Post(':id/publish')
  publish(@Req() request: AuthedRequest, @Param('id') id: string) {
    return refusalIn(readerLocale(request), this.journeys.publish(request.workspace.id, id));
  }

  @Post(':id/duplicate')
  duplicate(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.journeys.duplicate(request.workspace.id, id, readerLocale(request));
  }

  @Get(':id/publish-summary')
  publishSummary(@Req() request: AuthedRequest, @Param('id') id: string) {
    return publishSummaryIn(readerLocale(request), this.journeys.publishSummary(request.workspace.id, id));
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.journeys.changeStatus(request.workspace.id, id, 'pause');
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.journeys.changeStatus(request.workspace.id, id, 'resume');
  }

  @Post(':id/archive')
  @HttpCode(200)
  archive(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.journeys.changeStatus(request.workspace.id, id, 'archive');
  }

  @Get(':id/report')
  report(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.journeys.report(request.workspace.id, id);
  }

  @Get(':id/versions')
  versions(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.journeys.versions(request.workspace.id, id);
  }

  @Get(':id/versions/:version')
  version(@Req() request: AuthedRequest, @Param('id') id: string, @Param('version', ParseIntPipe) version: number) {
    return this.journeys.version(request.workspace.id, id, version);
  }

  // Any write to a published version answers clearly instead of a bare 404.
  @All(':id/versions/:version')
  immutable(): never {
    throw new ApiError('version.immutable', { key: 'api.version.immutable' });
  }
}
