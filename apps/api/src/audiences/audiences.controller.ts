import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Req, UseGuards } from '@nestjs/common';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { AudienceAdminService } from './audience-admin.service';

@Controller('api/audiences')
@UseGuards(ApiKeyGuard)
export class AudiencesController {
  constructor(private readonly audiences: AudienceAdminService) {}

  @Get()
  list(@Req() request: AuthedRequest) {
    return this.audiences.list(request.workspace.id);
  }

  @Post()
  create(@Req() request: AuthedRequest, @Body() body: unknown) {
    return this.audiences.create(request.workspace.id, body);
  }

  @Post('preview')
  @HttpCode(200)
  preview(@Req() request: AuthedRequest, @Body() body: unknown) {
    return this.audiences.preview(request.workspace.id, body);
  }

  @Get(':id')
  get(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.audiences.get(request.workspace.id, id);
  }

  @Put(':id')
  update(@Req() request: AuthedRequest, @Param('id') id: string, @Body() body: unknown) {
    return this.audiences.update(request.workspace.id, id, body);
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
