// What the shop-webhooks area of this library exports (its own list, so that areas built side by side never edit one shared index).
export * from '../repositories/shop-source.repository';
export * from '../repositories/shop-webhook.repository';
export * from '../repositories/product.repository';
