import { Controller, HttpCode, Inject, Param, Post, Req, UseGuards } from '@nestjs/common';
import type { Request } from 'express';
import { ShopWebhookService } from '@rapport/engine';
import { rateLimitGuard } from '../common/rate-limit.guard';
import { answering } from './shop-webhook-errors';

/** Per source, before the signature is checked: a flood of forged requests is refused cheaply too. */
export const ShopWebhookRateLimitGuard = rateLimitGuard('webhooks', (request) => {
  const source = request.params['source'];
  return typeof source === 'string' ? source : undefined;
});

/**
 * `POST /webhooks/shop/:source`: a shop's signed order, customer and product webhooks. No API key: the source
 * key in the path names the workspace and the signature proves the sender. Kept exported for the rate-limit guard.
 */
@Controller('webhooks/shop')
@UseGuards(ShopWebhookRateLimitGuard)
export class ShopWebhooksController {
  constructor(@Inject(ShopWebhookService) private readonly webhooks: ShopWebhookService) {}

  @Post(':source')
  @HttpCode(200)
  receive(@Param('source') sourceKey: string, @Req() request: Request) {
    const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
    return answering(async () => {
      const receipt = await this.webhooks.receive({ sourceKey, headers: request.headers, body });
      return { received: true, ...receipt };
    });
  }
}
