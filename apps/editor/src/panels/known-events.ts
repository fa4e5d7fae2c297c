import type { EventOption } from './lookups';

/**
 * Events Rapport itself produces, with their properties: shop webhooks record orders as `Order Completed` in
 * Segment's e-commerce shape (docs/api.md). Event names the workspace's journeys use are added beside them.
 */
export const KNOWN_EVENTS: EventOption[] = [
  {
    name: 'Order Completed',
    properties: [
      { path: 'order_id', type: 'string' },
      { path: 'total', type: 'number' },
      { path: 'subtotal', type: 'number' },
      { path: 'discount', type: 'number' },
      { path: 'coupon', type: 'string' },
      { path: 'currency', type: 'string' },
      { path: 'products.id', type: 'string' },
      { path: 'products.sku', type: 'string' },
      { path: 'products.name', type: 'string' },
      { path: 'products.category', type: 'string' },
      { path: 'products.price', type: 'number' },
      { path: 'products.quantity', type: 'number' },
      { path: 'products.refill_days', type: 'number' },
      { path: 'timestamp', type: 'date' },
    ],
  },
];

/** Event names a journey document uses (any `event` setting of any step), so they are offered again. */
export const eventNamesIn = (nodes: readonly { data: { config: Record<string, unknown> } }[]): string[] => [
  ...new Set(
    nodes
      .map((node) => node.data.config['event'])
      .filter((name): name is string => typeof name === 'string' && name !== ''),
  ),
];

export const withEventNames = (known: readonly EventOption[], names: readonly string[]): EventOption[] => [
  ...known,
  ...names.filter((name) => !known.some((event) => event.name === name)).map((name) => ({ name, properties: [] })),
];
