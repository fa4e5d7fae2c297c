import type { CatalogProduct } from '@rapport/persistence';
import type { TrackingMessage } from '../tracking/segment.schema';
import type { ShopCustomer, ShopOrder } from './shop-change';

export const ORDER_COMPLETED = 'Order Completed';

/** Drops null and undefined values: a property that is absent reads as "not set" to conditions and templates. */
const compact = <T extends Record<string, unknown>>(record: T): Partial<T> =>
  Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined)) as Partial<T>;

/** The shop's customer id is the profile's userId; a guest order is kept apart under its email. */
const identityOf = (customer: ShopCustomer): { userId?: string; anonymousId?: string } | null => {
  if (customer.id) return { userId: customer.id };
  if (customer.email) return { anonymousId: `email:${customer.email}` };
  return null;
};

/** Traits the tracking service understands: profile fields, `email_consent` / `sms_consent`, attributes. */
const traitsOf = (customer: ShopCustomer): Record<string, unknown> => ({
  ...customer.traits,
  ...compact({
    email: customer.email,
    phone: customer.phone,
    firstName: customer.firstName,
    lastName: customer.lastName,
    locale: customer.locale,
    email_consent: customer.emailConsent,
    sms_consent: customer.smsConsent,
  }),
});

export const customerMessages = (
  customer: ShopCustomer,
  messageIdBase: string,
  timestamp?: string,
): TrackingMessage[] => {
  const identity = identityOf(customer);
  if (!identity) return [];
  return [
    { type: 'identify', messageId: `${messageIdBase}:customer`, ...identity, timestamp, traits: traitsOf(customer) },
  ];
};

/**
 * An order as Segment's `Order Completed` (e-commerce spec v2) for the order's customer, after an identify that
 * brings their profile up to date. Each line takes category, refill_days, url and image from the catalog when
 * it lacks them. `id` repeats `product_id`: the documented journeys match products on `products.id`.
 */
export const orderMessages = (
  order: ShopOrder,
  catalog: ReadonlyMap<string, CatalogProduct>,
  messageIdBase: string,
): TrackingMessage[] => {
  const identity = identityOf(order.customer);
  if (!identity) return [];
  const products = order.lines.map((line) => {
    const known = line.productId ? catalog.get(line.productId) : undefined;
    return compact({
      product_id: line.productId,
      id: line.productId,
      sku: line.sku ?? known?.sku,
      name: line.name ?? known?.name,
      category: line.category ?? known?.category,
      quantity: line.quantity,
      price: line.price ?? known?.price,
      refill_days: line.refillDays ?? known?.refillDays,
      url: known?.url,
      image_url: known?.image,
    });
  });
  const properties = compact({
    order_id: order.orderId,
    total: order.total,
    subtotal: order.subtotal,
    tax: order.tax,
    discount: order.discount,
    shipping: order.shipping,
    coupon: order.coupon,
    currency: order.currency,
  });
  return [
    ...customerMessages(order.customer, messageIdBase, order.placedAt),
    {
      type: 'track',
      messageId: `${messageIdBase}:order`,
      ...identity,
      event: ORDER_COMPLETED,
      timestamp: order.placedAt,
      properties: { ...properties, products },
    },
  ];
};
