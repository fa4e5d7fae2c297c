// What the shop-webhooks area of this library exports (its own list, so that areas built side by side never edit one shared index).
export * from '../shop-webhooks/shop-change';
export * from '../shop-webhooks/shop-messages';
export { mapShopifyWebhook, shopifyRefillDays, SHOPIFY_TOPICS } from '../shop-webhooks/shopify-topics';
export type { ShopifyContext } from '../shop-webhooks/shopify-topics';
export { mapRapportWebhook, RAPPORT_TOPICS } from '../shop-webhooks/rapport-topics';
export * from '../shop-webhooks/shop-webhook.service';
export * from '../shop-webhooks/shop-sources.service';
