import { Body, Controller, Get, Inject, Put, Req, UseGuards } from '@nestjs/common';
import { deliveryRulesOf, deliveryRulesSchema, type Engine } from '@rapport/engine';
import { ApiKeyGuard, type AuthedRequest } from '../common/auth.guards';
import { ENGINE } from '../common/engine.token';
import { parseBody } from '../common/parse-body';

/** The workspace's delivery rules: consent defaults, quiet hours, frequency caps, private webhook targets. */
@Controller('api/settings')
@UseGuards(ApiKeyGuard)
export class SettingsController {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  @Get('delivery-rules')
  async get(@Req() request: AuthedRequest) {
    const rows: { delivery_rules: unknown }[] = await this.engine.db.query(
      'SELECT delivery_rules FROM workspaces WHERE id = $1',
      [request.workspace.id],
    );
    return deliveryRulesOf(rows[0]?.delivery_rules);
  }

  /** The secret outgoing webhooks are signed with, for the receiving side's verification. */
  @Get('webhook-secret')
  async webhookSecret(@Req() request: AuthedRequest) {
    const rows: { webhook_secret: string }[] = await this.engine.db.query(
      'SELECT webhook_secret FROM workspaces WHERE id = $1',
      [request.workspace.id],
    );
    return { secret: rows[0]?.webhook_secret };
  }

  @Put('delivery-rules')
  async put(@Req() request: AuthedRequest, @Body() body: unknown) {
    const rules = parseBody(deliveryRulesSchema, body, 'delivery-rules');
    await this.engine.db.query('UPDATE workspaces SET delivery_rules = $2 WHERE id = $1', [
      request.workspace.id,
      JSON.stringify(rules),
    ]);
    return rules;
  }
}
