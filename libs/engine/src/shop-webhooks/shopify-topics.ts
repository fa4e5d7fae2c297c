import { z } from 'zod';
import {
  dateSchema,
  idSchema,
  moneySchema,
  optionalText,
  parsePayload,
  refillDaysSchema,
  textOrNull,
} from './payload-schema';
import type { ShopChange, ShopCustomer, ShopOrderLine } from './shop-change';

// Shopify's REST webhook payloads (orders/create, customers/create|update, products/create|update) mapped to
// Rapport's shop changes. Schemas are loose: Shopify adds fields in every API version and they are ignored.

/** Shopify's marketing-consent states: subscribed grants, the refusing states withdraw, pending says nothing. */
const CONSENT_BY_STATE: Record<string, boolean> = {
  subscribed: true,
  unsubscribed: false,
  not_subscribed: false,
  redacted: false,
};

const consentState = z.object({ state: z.string().nullish() }).loose().nullish();

const customerSchema = z
  .object({
    id: idSchema,
    email: optionalText,
    phone: optionalText,
    first_name: optionalText,
    last_name: optionalText,
    accepts_marketing: z.boolean().nullish(),
    email_marketing_consent: consentState,
    sms_marketing_consent: consentState,
  })
  .loose();

type ShopifyCustomer = z.output<typeof customerSchema>;

const consentFrom = (state: z.output<typeof consentState>, legacy?: boolean | null): boolean | null => {
  const mapped = state?.state ? CONSENT_BY_STATE[state.state] : undefined;
  return mapped ?? (typeof legacy === 'boolean' ? legacy : null);
};

const toCustomer = (customer: ShopifyCustomer, locale: string | null = null): ShopCustomer & { id: string } => ({
  id: customer.id,
  email: textOrNull(customer.email)?.toLowerCase() ?? null,
  phone: textOrNull(customer.phone),
  firstName: textOrNull(customer.first_name),
  lastName: textOrNull(customer.last_name),
  locale,
  emailConsent: consentFrom(customer.email_marketing_consent, customer.accepts_marketing),
  smsConsent: consentFrom(customer.sms_marketing_consent),
  traits: {},
});

const lineSchema = z
  .object({
    product_id: idSchema.nullish(),
    sku: optionalText,
    title: optionalText,
    name: optionalText,
    quantity: z.number().int().min(0),
    price: moneySchema.nullish(),
    properties: z
      .array(z.object({ name: z.string(), value: z.unknown() }).loose())
      .nullish()
      .catch(null),
  })
  .loose();

const moneySet = z
  .object({ shop_money: z.object({ amount: moneySchema }).loose() })
  .loose()
  .nullish()
  .catch(null);

const orderSchema = z
  .object({
    id: idSchema,
    created_at: dateSchema,
    processed_at: dateSchema.nullish(),
    currency: optionalText,
    total_price: moneySchema.nullish(),
    subtotal_price: moneySchema.nullish(),
    total_tax: moneySchema.nullish(),
    total_discounts: moneySchema.nullish(),
    total_shipping_price_set: moneySet,
    discount_codes: z
      .array(z.object({ code: z.string() }).loose())
      .nullish()
      .catch(null),
    email: optionalText,
    contact_email: optionalText,
    phone: optionalText,
    customer_locale: optionalText,
    buyer_accepts_marketing: z.boolean().nullish(),
    customer: customerSchema.nullish(),
    line_items: z.array(lineSchema),
  })
  .loose();

/** A line's own refill_days: a line item property `refill_days` (Shopify carts can carry it). */
const lineRefillDays = (properties: { name: string; value: unknown }[] | null | undefined): number | null => {
  const property = properties?.find((p) => p.name === 'refill_days' || p.name === '_refill_days');
  const parsed = refillDaysSchema.safeParse(property?.value);
  return parsed.success ? parsed.data : null;
};

const mapOrder = (payload: unknown): ShopChange => {
  const order = parsePayload(orderSchema, payload, 'Shopify order');
  const lines: ShopOrderLine[] = order.line_items.map((line) => ({
    productId: line.product_id ?? null,
    sku: textOrNull(line.sku),
    name: textOrNull(line.title) ?? textOrNull(line.name),
    category: null,
    quantity: line.quantity,
    price: line.price ?? null,
    refillDays: lineRefillDays(line.properties),
  }));
  const email = textOrNull(order.email) ?? textOrNull(order.contact_email);
  const customer: ShopCustomer = order.customer
    ? toCustomer(order.customer, textOrNull(order.customer_locale))
    : {
        id: null,
        email: email?.toLowerCase() ?? null,
        phone: textOrNull(order.phone),
        firstName: null,
        lastName: null,
        locale: textOrNull(order.customer_locale),
        emailConsent: order.buyer_accepts_marketing ?? null,
        smsConsent: null,
        traits: {},
      };
  if (!customer.email && email) customer.email = email.toLowerCase();
  return {
    kind: 'order',
    order: {
      orderId: order.id,
      placedAt: new Date(order.processed_at ?? order.created_at).toISOString(),
      total: order.total_price ?? null,
      subtotal: order.subtotal_price ?? null,
      tax: order.total_tax ?? null,
      discount: order.total_discounts ?? null,
      shipping: order.total_shipping_price_set?.shop_money.amount ?? null,
      coupon: order.discount_codes?.[0]?.code ?? null,
      currency: textOrNull(order.currency),
      customer,
      lines,
    },
  };
};

const productSchema = z
  .object({
    id: idSchema,
    title: optionalText,
    handle: optionalText,
    product_type: optionalText,
    category: z.object({ name: z.string().nullish() }).loose().nullish().catch(null),
    tags: z.union([z.string(), z.array(z.string())]).nullish(),
    updated_at: dateSchema.nullish(),
    variants: z
      .array(z.object({ price: moneySchema.nullish(), sku: optionalText }).loose())
      .nullish()
      .catch(null),
    image: z.object({ src: z.string() }).loose().nullish().catch(null),
    images: z
      .array(z.object({ src: z.string() }).loose())
      .nullish()
      .catch(null),
    metafields: z
      .array(z.object({ namespace: z.string(), key: z.string(), value: z.unknown() }).loose())
      .nullish()
      .catch(null),
  })
  .loose();

const REFILL_TAG = /^refill(?:_days)?\s*:\s*(\d+)$/i;

/**
 * A product's refill_days: the metafield `rapport.refill_days` when the webhook subscription includes that
 * namespace, else a tag `refill:30` (or `refill_days:30`), else none.
 */
export const shopifyRefillDays = (product: {
  tags?: string | string[] | null;
  metafields?: { namespace: string; key: string; value: unknown }[] | null;
}): number | null => {
  const metafield = product.metafields?.find((m) => m.namespace === 'rapport' && m.key === 'refill_days');
  const fromMetafield = refillDaysSchema.safeParse(metafield?.value);
  if (metafield && fromMetafield.success) return fromMetafield.data;
  const tags = Array.isArray(product.tags) ? product.tags : (product.tags ?? '').split(',');
  for (const tag of tags) {
    const match = REFILL_TAG.exec(tag.trim());
    const days = refillDaysSchema.safeParse(match?.[1]);
    if (match && days.success) return days.data;
  }
  return null;
};

const mapProduct = (payload: unknown, context: ShopifyContext): ShopChange => {
  const product = parsePayload(productSchema, payload, 'Shopify product');
  const variant = product.variants?.[0];
  const handle = textOrNull(product.handle);
  return {
    kind: 'product',
    product: {
      productId: product.id,
      sku: textOrNull(variant?.sku),
      name: textOrNull(product.title),
      category: textOrNull(product.product_type) ?? textOrNull(product.category?.name),
      price: variant?.price ?? null,
      // Shopify's product payload has no currency (prices are in the shop's currency).
      currency: null,
      refillDays: shopifyRefillDays(product),
      url: handle && context.shopDomain ? `https://${context.shopDomain}/products/${handle}` : null,
      image: product.image?.src ?? product.images?.[0]?.src ?? null,
      updatedAt: product.updated_at ? new Date(product.updated_at) : context.receivedAt,
    },
  };
};

export type ShopifyContext = { shopDomain: string | null; receivedAt: Date };

/** Topics Rapport acts on; every other topic is stored and ignored. */
export const SHOPIFY_TOPICS = [
  'orders/create',
  'customers/create',
  'customers/update',
  'products/create',
  'products/update',
] as const;

/** What a Shopify webhook of this topic means. Unknown topics are ignored, never an error. */
export const mapShopifyWebhook = (topic: string, payload: unknown, context: ShopifyContext): ShopChange => {
  switch (topic) {
    case 'orders/create':
      return mapOrder(payload);
    case 'customers/create':
    case 'customers/update':
      return { kind: 'customer', customer: toCustomer(parsePayload(customerSchema, payload, 'Shopify customer')) };
    case 'products/create':
    case 'products/update':
      return mapProduct(payload, context);
    default:
      return { kind: 'ignored', why: `topic "${topic}" is not one Rapport acts on` };
  }
};
