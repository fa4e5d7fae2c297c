import { publicUrl, ShopSourcesService, ShopWebhookService, type Engine } from '@rapport/engine';
import type { ApiSlice } from '../common/api-slice';
import { ENGINE } from '../common/engine.token';
import { ProductsController, ShopSourcesController } from './shop-sources.controller';
import { ShopWebhookRateLimitGuard, ShopWebhooksController } from './shop-webhooks.controller';

/** Signed shop webhooks (Shopify, Standard Webhooks), their per-source secrets, the product catalog. */
export const SHOP_WEBHOOKS_API: ApiSlice = {
  controllers: [ShopWebhooksController, ShopSourcesController, ProductsController],
  providers: [
    ShopWebhookRateLimitGuard,
    {
      provide: ShopWebhookService,
      inject: [ENGINE],
      useFactory: (engine: Engine) => new ShopWebhookService(engine.db, engine.clock, engine.tracking, engine.logger),
    },
    {
      provide: ShopSourcesService,
      inject: [ENGINE],
      useFactory: (engine: Engine) => new ShopSourcesService(engine.db, engine.clock, publicUrl(engine.config)),
    },
  ],
};
