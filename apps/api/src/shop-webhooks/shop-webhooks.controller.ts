import { Controller, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ShopWebhookService } from '@rapport/engine';
import { answering } from './shop-webhook-errors';

/**
 * `POST /webhooks/shop/:source`: a shop's signed order, customer and product webhooks. No API key: the source
 * key in the path names the workspace and the signature proves the sender. Kept exported for the rate-limit guard.
 */
@Controller('webhooks/shop')
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
