import type { CatalogProduct } from '@rapport/persistence';

/** A shop's customer as both Shopify and Rapport's generic topics describe them, before it becomes an identify. */
export type ShopCustomer = {
  /** The shop's customer id: the profile's userId. */
  id: string | null;
  email: string | null;
  phone: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string | null;
  /** null: the shop did not say (the profile's consent is left as it is). */
  emailConsent: boolean | null;
  smsConsent: boolean | null;
  /** Further attributes the sender chose to send (generic topics only). */
  traits: Record<string, unknown>;
};

export type ShopOrderLine = {
  productId: string | null;
  sku: string | null;
  name: string | null;
  category: string | null;
  quantity: number;
  price: number | null;
  /** From the order line itself; the catalog fills it in when absent. */
  refillDays: number | null;
};

export type ShopOrder = {
  orderId: string;
  /** ISO 8601: when the order was placed (processed), the event's timestamp. */
  placedAt: string;
  total: number | null;
  subtotal: number | null;
  tax: number | null;
  discount: number | null;
  shipping: number | null;
  coupon: string | null;
  currency: string | null;
  customer: ShopCustomer;
  lines: ShopOrderLine[];
};

/** What one webhook means for Rapport, whichever shop sent it. */
export type ShopChange =
  | { kind: 'order'; order: ShopOrder }
  | { kind: 'customer'; customer: ShopCustomer & { id: string } }
  | { kind: 'product'; product: CatalogProduct }
  | { kind: 'ignored'; why: string };

export type PayloadIssue = { path: (string | number)[]; message: string };

export type ShopWebhookFailure =
  | 'unknown-source'
  | 'unknown-secret'
  | 'missing-headers'
  | 'bad-signature'
  | 'stale'
  | 'invalid-payload'
  | 'secret-limit'
  | 'invalid-secret';

/** The shop-webhooks module's one error class: the API maps `code` to its HTTP status. */
export class ShopWebhookError extends Error {
  constructor(
    readonly code: ShopWebhookFailure,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}
