import type { ApiSlice } from '../common/api-slice';

/** Signed shop webhooks (Shopify, Standard Webhooks), their per-source secrets, the product catalog. */
export const SHOP_WEBHOOKS_API: ApiSlice = { controllers: [], providers: [] };
