// What the shop-webhooks area of this library exports (its own list, so that areas built side by side never edit one shared index).
export {
  SHOPIFY_FUTURE_SKEW_SECONDS,
  SHOPIFY_HEADERS,
  SHOPIFY_TOLERANCE_SECONDS,
  headerValue,
  signShopifyWebhook,
  verifyShopifyWebhook,
} from '../shop-webhooks/shopify-signature';
export type { ShopifyVerification, ShopifyVerifyFailure, VerifyShopifyInput } from '../shop-webhooks/shopify-signature';
export { parseJsonKeepingBigIntegers } from '../shop-webhooks/lossless-json';
