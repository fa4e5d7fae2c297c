import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export type BenchMessage = {
  type: 'identify' | 'track';
  userId: string;
  messageId: string;
  timestamp: string;
  event?: string;
  traits?: Record<string, unknown>;
  properties?: Record<string, unknown>;
};

const DAY = 86_400_000;
const PRODUCTS = [
  { product_id: 'serum', name: 'Night serum', category: 'skincare', price: 42 },
  { product_id: 'mascara', name: 'Volume mascara', category: 'makeup', price: 19 },
  { product_id: 'eyeshadow', name: 'Eyeshadow palette', category: 'makeup', price: 35 },
  { product_id: 'cleanser', name: 'Gentle cleanser', category: 'skincare', price: 15 },
];

/**
 * A shop's history: each customer identified, then `orders` orders a month apart, in rounds (every customer's
 * first order, then every second order...) so that one batch touches many customers, as live traffic does.
 */
export const orderHistory = (customers: number, orders: number, now: Date): BenchMessage[] => {
  const ids = Array.from({ length: customers }, (_, i) => `bench-${i}`);
  const identifies: BenchMessage[] = ids.map((userId) => ({
    type: 'identify',
    userId,
    messageId: `id-${userId}`,
    timestamp: new Date(now.getTime() - (orders + 1) * 30 * DAY).toISOString(),
    traits: { email: `${userId}@example.com`, first_name: 'Bench', loyalty_points: 10, timezone: 'Europe/Paris' },
  }));
  const rounds = Array.from({ length: orders }, (_, round) =>
    ids.map((userId, i): BenchMessage => {
      const product = PRODUCTS[(i + round) % PRODUCTS.length]!;
      return {
        type: 'track',
        userId,
        event: 'Order Completed',
        messageId: `order-${userId}-${round}`,
        timestamp: new Date(now.getTime() - (orders - round) * 30 * DAY).toISOString(),
        properties: {
          order_id: `${userId}-${round}`,
          total: product.price,
          currency: 'EUR',
          products: [{ ...product, sku: product.product_id, quantity: 1 }],
        },
      };
    }),
  );
  return [...identifies, ...rounds.flat()];
};

const chunks = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Runs the batches with `concurrency` in flight; returns the wall time. */
const concurrently = async <T>(batches: T[], concurrency: number, run: (batch: T) => Promise<void>) => {
  const queue = [...batches];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let batch = queue.shift(); batch; batch = queue.shift()) await run(batch);
    }),
  );
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9 };
};

/** What a Segment client does: `/v1/batch` requests with the write key as Basic user name. */
export const postConcurrently = (
  url: string,
  writeKey: string,
  messages: BenchMessage[],
  options: { batch: number; concurrency: number },
) => {
  const authorization = `Basic ${Buffer.from(`${writeKey}:`).toString('base64')}`;
  const bodies = chunks(messages, options.batch).map((batch) => JSON.stringify({ batch }));
  return concurrently(bodies, options.concurrency, async (body) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body,
    });
    if (response.status !== 200)
      throw new Error(`POST /v1/batch answered ${response.status}: ${await response.text()}`);
  });
};

/**
 * The floor: the same events as multi-row INSERTs into a copy of the events table (its unique message id index
 * included, so duplicates are still refused), with the same batch size and as many connections as clients.
 */
export const insertBare = async (
  db: DataSource,
  workspaceId: string,
  messages: BenchMessage[],
  options: { batch: number; concurrency: number; table?: string },
) => {
  const table = options.table ?? 'bench_events';
  await db.query(`CREATE TABLE ${table} (LIKE events INCLUDING DEFAULTS INCLUDING INDEXES)`);
  const customerIds = new Map<string, string>();
  const customerOf = (userId: string) => {
    if (!customerIds.has(userId)) customerIds.set(userId, randomUUID());
    return customerIds.get(userId)!;
  };
  const batches = chunks(messages, options.batch);
  const result = await concurrently(batches, options.concurrency, async (batch) => {
    const values: unknown[] = [];
    const rows = batch.map((message, i) => {
      values.push(
        workspaceId,
        customerOf(message.userId),
        message.messageId,
        message.type,
        message.event ?? null,
        JSON.stringify(message.properties ?? message.traits ?? {}),
        message.timestamp,
        new Date(),
      );
      const at = i * 8;
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 8})`;
    });
    await db.query(
      `INSERT INTO ${table} (workspace_id, customer_id, message_id, type, name, properties, occurred_at, received_at)
       VALUES ${rows.join(', ')} ON CONFLICT (workspace_id, message_id) DO NOTHING`,
      values,
    );
  });
  const [count] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
  if (count.n !== messages.length) throw new Error(`baseline stored ${count.n} events, expected ${messages.length}`);
  return result;
};
