import type { Order } from './order-facts';

const DAY_MS = 86_400_000;

/** A customer's orders in short: what the incremental statements keep and the recompute rebuilds. */
export type OrderSummary = { ordersCount: number; spentCents: number; firstOrderAt: Date; lastOrderAt: Date };

/** What one customer bought of one product. `refillDays` comes from the latest order of it. */
export type ProductHistory = {
  productId: string;
  ordersCount: number;
  quantity: number;
  firstOrderedAt: Date;
  lastOrderedAt: Date;
  lastEventId: string;
  refillDays: number | null;
};

/** A product as templates show it: `{{#each recommendations}}{{name}} {{category}} {{price}}{{/each}}`. */
export type Recommendation = { product_id: string; name: string | null; category: string | null; price: number | null };

/** The latest details seen for a product, and from which order (ties broken by event id, so order never matters). */
export type ProductDetails = {
  productId: string;
  name: string | null;
  category: string | null;
  price: number | null;
  seenAt: Date;
  seenEventId: string;
};

/** True when (time, id) comes after (otherTime, otherId): the rule both the SQL and this code use for "latest". */
export const isLater = (time: Date, id: string, otherTime: Date, otherId: string): boolean =>
  time.getTime() > otherTime.getTime() || (time.getTime() === otherTime.getTime() && id > otherId);

/** The summary and product histories of a whole order history, in any order: what the recompute writes. */
export const summarizeOrders = (orders: Order[]): { summary: OrderSummary | null; products: ProductHistory[] } => {
  if (orders.length === 0) return { summary: null, products: [] };
  const products = new Map<string, ProductHistory>();
  let summary = null as OrderSummary | null;
  for (const order of orders) {
    summary = summary
      ? {
          ordersCount: summary.ordersCount + 1,
          spentCents: summary.spentCents + order.cents,
          firstOrderAt: order.occurredAt < summary.firstOrderAt ? order.occurredAt : summary.firstOrderAt,
          lastOrderAt: order.occurredAt > summary.lastOrderAt ? order.occurredAt : summary.lastOrderAt,
        }
      : { ordersCount: 1, spentCents: order.cents, firstOrderAt: order.occurredAt, lastOrderAt: order.occurredAt };
    for (const line of order.lines) {
      const seen = products.get(line.productId);
      const latest = !seen || isLater(order.occurredAt, order.eventId, seen.lastOrderedAt, seen.lastEventId);
      products.set(line.productId, {
        productId: line.productId,
        ordersCount: (seen?.ordersCount ?? 0) + 1,
        quantity: (seen?.quantity ?? 0) + line.quantity,
        firstOrderedAt: seen && seen.firstOrderedAt < order.occurredAt ? seen.firstOrderedAt : order.occurredAt,
        lastOrderedAt: latest ? order.occurredAt : seen.lastOrderedAt,
        lastEventId: latest ? order.eventId : seen.lastEventId,
        refillDays: latest ? line.refillDays : seen.refillDays,
      });
    }
  }
  return { summary, products: [...products.values()].sort((a, b) => (a.productId < b.productId ? -1 : 1)) };
};

/** The latest details of every product in these orders (the catalog the recommendations name products from). */
export const latestProductDetails = (orders: Order[]): ProductDetails[] => {
  const latest = new Map<string, ProductDetails>();
  for (const order of orders) {
    for (const line of order.lines) {
      const seen = latest.get(line.productId);
      if (seen && !isLater(order.occurredAt, order.eventId, seen.seenAt, seen.seenEventId)) continue;
      latest.set(line.productId, {
        productId: line.productId,
        name: line.name,
        category: line.category,
        price: line.price,
        seenAt: order.occurredAt,
        seenEventId: order.eventId,
      });
    }
  }
  return [...latest.values()];
};

const iso = (date: Date): string => date.toISOString();

/**
 * The computed attributes as stored in the customer's `attributes` (documented in docs/insights.md). Values not
 * known yet are null rather than absent, so an attribute that stops applying is cleared by the merge.
 */
export const computedAttributes = (
  summary: OrderSummary | null,
  products: ProductHistory[],
  recommendations: Recommendation[],
): Record<string, unknown> => {
  // Sorted here (by code unit, not by a database collation), so both paths list products the same way.
  products = [...products].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  const count = summary?.ordersCount ?? 0;
  const spanMs = summary ? summary.lastOrderAt.getTime() - summary.firstOrderAt.getTime() : 0;
  const intervalMs = count >= 2 ? spanMs / (count - 1) : null;
  // Two orders minutes apart are not a habit: churn risk counts at least a day per interval.
  const churnRiskAt =
    summary && intervalMs !== null ? new Date(summary.lastOrderAt.getTime() + 2 * Math.max(intervalMs, DAY_MS)) : null;
  const refillDue = products.flatMap((product) =>
    product.refillDays === null
      ? []
      : [[product.productId, new Date(product.lastOrderedAt.getTime() + product.refillDays * DAY_MS)] as const],
  );
  const nextRefill = refillDue.reduce<Date | null>(
    (soonest, [, due]) => (!soonest || due < soonest ? due : soonest),
    null,
  );
  return {
    orders_count: count,
    total_spent: (summary?.spentCents ?? 0) / 100,
    first_order_at: summary ? iso(summary.firstOrderAt) : null,
    last_order_at: summary ? iso(summary.lastOrderAt) : null,
    average_order_interval_days: intervalMs === null ? null : Math.round((intervalMs / DAY_MS) * 100) / 100,
    churn_risk_at: churnRiskAt ? iso(churnRiskAt) : null,
    products_bought: products.map((product) => product.productId),
    last_ordered_at: Object.fromEntries(products.map((product) => [product.productId, iso(product.lastOrderedAt)])),
    refill_due_at: Object.fromEntries(refillDue.map(([productId, due]) => [productId, iso(due)])),
    next_refill_due_at: nextRefill ? iso(nextRefill) : null,
    recommendations,
    recommended_categories: [
      ...new Set(recommendations.flatMap((product) => (product.category ? [product.category] : []))),
    ],
  };
};
