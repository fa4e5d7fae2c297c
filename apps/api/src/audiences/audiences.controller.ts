import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, UseGuards } from '@nestjs/common';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { readerLocale } from '../messages/reader-locale';
import { AudienceAdminService } from './audience-admin.service';

@Controller('api/audiences')
@UseGuards(ApiKeyGuard)
export class AudiencesController {
  constructor(private readonly audiences: AudienceAdminService) {}

  @Get()
  list(@Req() request: AuthedRequest) {
    return this.audiences.list(request.workspace.id, readerLocale(request));
  }

  @Post()
  create(@Req() request: AuthedRequest, @Body() body: unknown) {
    return this.audiences.create(request.workspace.id, body, readerLocale(request));
  }

  @Post('preview')
  @HttpCode(200)
  preview(@Req() request: AuthedRequest, @Body() body: unknown) {
    return this.audiences.preview(request.workspace.id, body, readerLocale(request));
  }

  @Get(':id')
  get(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.audiences.get(request.workspace.id, id, readerLocale(request));
  }

  @Put(':id')
  update(@Req() request: AuthedRequest, @Param('id') id: string, @Body() body: unknown) {
    return this.audiences.update(request.workspace.id, id, body, readerLocale(request));
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.audiences.delete(request.workspace.id, id);
  }

  @Post(':id/recompute')
  @HttpCode(200)
  recompute(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.audiences.recompute(request.workspace.id, id);
  }
}
