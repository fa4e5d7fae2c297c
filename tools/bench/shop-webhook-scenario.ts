import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signShopifyWebhook } from '@rapport/channels';
import type { BenchMessage } from './ingest-scenario';

const FIXTURE = join(__dirname, '../../tests/fixtures/shopify/orders-create.json');

export type ShopOrder = { body: string; webhookId: string; message: BenchMessage };

/**
 * Shopify's documented `orders/create` payload, once per order with its own order id, customer and time; and the
 * event each becomes, for the bare-insert baseline of the same events.
 */
export const shopifyOrders = (orders: number, customers: number, now: Date): ShopOrder[] => {
  const template = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Record<string, unknown> & {
    customer: Record<string, unknown>;
  };
  return Array.from({ length: orders }, (_, i) => {
    const customer = 9_000_000 + (i % customers);
    const at = new Date(now.getTime() - (orders - i) * 60_000).toISOString();
    const order = {
      ...template,
      id: 5_000_000 + i,
      email: `shop-${customer}@example.com`,
      created_at: at,
      processed_at: at,
      customer: { ...template.customer, id: customer, email: `shop-${customer}@example.com` },
    };
    const webhookId = randomUUID();
    return {
      body: JSON.stringify(order),
      webhookId,
      message: {
        type: 'track',
        userId: String(customer),
        event: 'Order Completed',
        messageId: `shopify:${webhookId}`,
        timestamp: at,
        properties: { order_id: String(order.id), total: Number(template['total_price'] ?? 0), currency: 'USD' },
      },
    };
  });
};

/** Posts each order as Shopify does: one signed request per webhook, `concurrency` in flight. */
export const postShopifyOrders = async (
  url: string,
  secret: string,
  orders: ShopOrder[],
  concurrency: number,
): Promise<{ seconds: number }> => {
  const queue = [...orders];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let order = queue.shift(); order; order = queue.shift()) {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-shopify-topic': 'orders/create',
            'x-shopify-hmac-sha256': signShopifyWebhook(order.body, secret),
            'x-shopify-webhook-id': order.webhookId,
            'x-shopify-triggered-at': new Date().toISOString(),
            'x-shopify-shop-domain': 'bench.myshopify.com',
          },
          body: order.body,
        });
        if (response.status !== 200)
          throw new Error(`shop webhook answered ${response.status}: ${await response.text()}`);
      }
    }),
  );
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9 };
};
