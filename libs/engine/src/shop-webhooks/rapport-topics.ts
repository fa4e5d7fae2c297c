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
import type { ShopChange, ShopCustomer } from './shop-change';

// Rapport's own topics for senders that sign with Standard Webhooks (a custom shop, a middleware): the envelope
// is the spec's `{ type, timestamp, data }`; `data` follows Segment's e-commerce names, close to the Shopify
// mapping. Unknown fields are ignored, so senders can add their own.

export const envelopeSchema = z.object({
  type: z.string().trim().min(1).max(200),
  timestamp: dateSchema,
  data: z.unknown(),
});

const customerFields = {
  email: z.email().max(320).nullish(),
  phone: optionalText,
  first_name: optionalText,
  last_name: optionalText,
  locale: z.string().trim().max(35).nullish(),
  email_consent: z.boolean().nullish(),
  sms_consent: z.boolean().nullish(),
  /** Further profile attributes (`{ "tier": "vip" }`), merged like identify traits. */
  traits: z.record(z.string(), z.unknown()).nullish(),
};

const customerSchema = z.object({ id: idSchema, ...customerFields }).loose();
const orderCustomerSchema = z
  .object({ id: idSchema.nullish(), ...customerFields })
  .loose()
  .refine((c) => Boolean(c.id || c.email), { message: 'give the customer an id or an email', path: ['id'] });

const toCustomer = (c: z.output<typeof orderCustomerSchema>): ShopCustomer => ({
  id: c.id ?? null,
  email: c.email?.toLowerCase() ?? null,
  phone: textOrNull(c.phone),
  firstName: textOrNull(c.first_name),
  lastName: textOrNull(c.last_name),
  locale: textOrNull(c.locale),
  emailConsent: c.email_consent ?? null,
  smsConsent: c.sms_consent ?? null,
  traits: c.traits ?? {},
});

const orderSchema = z
  .object({
    order_id: idSchema,
    placed_at: dateSchema.nullish(),
    total: moneySchema.nullish(),
    subtotal: moneySchema.nullish(),
    tax: moneySchema.nullish(),
    discount: moneySchema.nullish(),
    shipping: moneySchema.nullish(),
    coupon: optionalText,
    currency: z.string().trim().min(3).max(3).nullish(),
    customer: orderCustomerSchema,
    products: z
      .array(
        z
          .object({
            product_id: idSchema.nullish(),
            sku: optionalText,
            name: optionalText,
            category: optionalText,
            quantity: z.number().int().min(0).default(1),
            price: moneySchema.nullish(),
            refill_days: refillDaysSchema.nullish(),
          })
          .loose(),
      )
      .max(1000),
  })
  .loose();

const productSchema = z
  .object({
    product_id: idSchema,
    sku: optionalText,
    name: optionalText,
    category: optionalText,
    price: moneySchema.nullish(),
    currency: z.string().trim().min(3).max(3).nullish(),
    refill_days: refillDaysSchema.nullish(),
    url: z.url().max(2000).nullish(),
    image: z.url().max(2000).nullish(),
    updated_at: dateSchema.nullish(),
  })
  .loose();

export const RAPPORT_TOPICS = ['order.completed', 'customer.updated', 'product.updated'] as const;

/** What a generic webhook means; `timestamp` is the envelope's, the default for the order and product times. */
export const mapRapportWebhook = (type: string, timestamp: string, data: unknown): ShopChange => {
  switch (type) {
    case 'order.completed': {
      const order = parsePayload(orderSchema, data, 'order.completed data');
      return {
        kind: 'order',
        order: {
          orderId: order.order_id,
          placedAt: new Date(order.placed_at ?? timestamp).toISOString(),
          total: order.total ?? null,
          subtotal: order.subtotal ?? null,
          tax: order.tax ?? null,
          discount: order.discount ?? null,
          shipping: order.shipping ?? null,
          coupon: textOrNull(order.coupon),
          currency: order.currency?.toUpperCase() ?? null,
          customer: toCustomer(order.customer),
          lines: order.products.map((line) => ({
            productId: line.product_id ?? null,
            sku: textOrNull(line.sku),
            name: textOrNull(line.name),
            category: textOrNull(line.category),
            quantity: line.quantity,
            price: line.price ?? null,
            refillDays: line.refill_days ?? null,
          })),
        },
      };
    }
    case 'customer.updated': {
      const customer = parsePayload(customerSchema, data, 'customer.updated data');
      return { kind: 'customer', customer: { ...toCustomer(customer), id: customer.id } };
    }
    case 'product.updated': {
      const product = parsePayload(productSchema, data, 'product.updated data');
      return {
        kind: 'product',
        product: {
          productId: product.product_id,
          sku: textOrNull(product.sku),
          name: textOrNull(product.name),
          category: textOrNull(product.category),
          price: product.price ?? null,
          currency: product.currency?.toUpperCase() ?? null,
          refillDays: product.refill_days ?? null,
          url: product.url ?? null,
          image: product.image ?? null,
          updatedAt: new Date(product.updated_at ?? timestamp),
        },
      };
    }
    default:
      return { kind: 'ignored', why: `type "${type}" is not one Rapport acts on` };
  }
};
