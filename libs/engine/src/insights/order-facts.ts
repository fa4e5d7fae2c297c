import type { EventFacts } from '@rapport/journey';

/** The event that counts as a purchase (Segment's e-commerce spec; the Shopify mapping sends the same). */
export const ORDER_EVENT = 'Order Completed';

/** One product of an order, as the insights read it. Lines of the same product in one order are merged. */
export type OrderLine = {
  productId: string;
  name: string | null;
  category: string | null;
  price: number | null;
  quantity: number;
  refillDays: number | null;
};

/** A purchase: its event id and time (the time it happened, not when it arrived), value in cents, products. */
export type Order = { eventId: string; occurredAt: Date; cents: number; lines: OrderLine[] };

const numberOf = (value: unknown): number | null => {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return null;
};

const textOf = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null;

const toCents = (amount: number): number => Math.round(amount * 100);

const lineOf = (raw: unknown): OrderLine | null => {
  if (raw === null || typeof raw !== 'object') return null;
  const line = raw as Record<string, unknown>;
  // Segment says product_id; many shops (and older tests) send id; sku is the last resort.
  const productId = textOf(line['product_id']) ?? textOf(line['id']) ?? textOf(line['sku']);
  if (!productId) return null;
  const quantity = numberOf(line['quantity']);
  const refillDays = numberOf(line['refill_days']);
  return {
    productId,
    name: textOf(line['name']),
    category: textOf(line['category']),
    price: numberOf(line['price']),
    quantity: quantity !== null && quantity > 0 ? Math.round(quantity) : 1,
    refillDays: refillDays !== null && refillDays > 0 ? Math.round(refillDays) : null,
  };
};

/** Merges lines of the same product (first line's details, quantities added), sorted by product id. */
const mergeLines = (lines: OrderLine[]): OrderLine[] => {
  const byProduct = new Map<string, OrderLine>();
  for (const line of lines) {
    const seen = byProduct.get(line.productId);
    if (seen) seen.quantity += line.quantity;
    else byProduct.set(line.productId, { ...line });
  }
  return [...byProduct.values()].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
};

/**
 * Reads an `Order Completed` event; null for any other event. The order's value is `total`, else `revenue`, else
 * the sum of price x quantity of its lines, else 0; negative values count as 0 (refunds are not orders).
 */
export const readOrder = (event: EventFacts): Order | null => {
  if (event.name !== ORDER_EVENT) return null;
  const properties = event.properties ?? {};
  const rawLines = Array.isArray(properties['products']) ? (properties['products'] as unknown[]) : [];
  const lines = mergeLines(rawLines.flatMap((raw) => lineOf(raw) ?? []));
  const stated = numberOf(properties['total']) ?? numberOf(properties['revenue']);
  const fromLines = lines.reduce((sum, line) => sum + toCents((line.price ?? 0) * line.quantity), 0);
  const cents = stated !== null ? toCents(stated) : fromLines;
  return { eventId: event.id, occurredAt: new Date(event.timestamp), cents: Math.max(cents, 0), lines };
};
