import { Body, Controller, Get, HttpCode, Param, Post, Put, Req, UseGuards } from '@nestjs/common';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { InsightsAdminService } from './insights-admin.service';

/** Recompute computed attributes, recommendations and tiers; edit the value-tier rules. */
@Controller('api')
@UseGuards(ApiKeyGuard)
export class InsightsController {
  constructor(private readonly insights: InsightsAdminService) {}

  @Post('insights/recompute')
  @HttpCode(200)
  recomputeWorkspace(@Req() request: AuthedRequest) {
    return this.insights.recomputeWorkspace(request.workspace.id);
  }

  @Post('insights/score')
  @HttpCode(200)
  scoreWorkspace(@Req() request: AuthedRequest) {
    return this.insights.scoreWorkspace(request.workspace.id);
  }

  @Post('customers/:id/insights/recompute')
  @HttpCode(200)
  recomputeCustomer(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.insights.recomputeCustomer(request.workspace.id, id);
  }

  @Post('customers/:id/value-tier/recompute')
  @HttpCode(200)
  scoreCustomer(@Req() request: AuthedRequest, @Param('id') id: string) {
    return this.insights.scoreCustomer(request.workspace.id, id);
  }

  @Get('settings/value-tiers')
  settings(@Req() request: AuthedRequest) {
    return this.insights.settings(request.workspace.id);
  }

  @Put('settings/value-tiers')
  saveSettings(@Req() request: AuthedRequest, @Body() body: unknown) {
    return this.insights.saveSettings(request.workspace.id, body);
  }
}
