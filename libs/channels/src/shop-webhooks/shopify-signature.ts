import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHeaders } from '../webhook/standard-webhooks';

// Shopify signs the raw body only: `X-Shopify-Hmac-Sha256` is base64(HMAC-SHA256(app secret, body)). The id and
// time headers are not signed, so replay protection is the stored webhook id plus a staleness window on
// `X-Shopify-Triggered-At` (the time the event fired, unchanged across Shopify's retries).

/** Shopify retries a failed delivery for hours (8 times over 4 hours today, 48 hours in the past): accept that. */
export const SHOPIFY_TOLERANCE_SECONDS = 48 * 60 * 60;
/** How far ahead of our clock a triggered-at may be (clock skew between Shopify and us). */
export const SHOPIFY_FUTURE_SKEW_SECONDS = 5 * 60;

const SIGNATURE_BYTES = 32; // SHA-256
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export type ShopifyVerifyFailure = 'missing-headers' | 'bad-signature' | 'stale';
export type ShopifyVerification = { ok: true } | { ok: false; reason: ShopifyVerifyFailure; header?: string };

export type VerifyShopifyInput = {
  headers: IncomingHeaders;
  /** The raw body as received, before any JSON parsing. */
  body: string | Buffer;
  /** Every secret currently valid for this shop (rotation): any may match. */
  secrets: readonly string[];
  now: Date;
  toleranceSeconds?: number;
};

export const SHOPIFY_HEADERS = {
  hmac: 'x-shopify-hmac-sha256',
  topic: 'x-shopify-topic',
  webhookId: 'x-shopify-webhook-id',
  triggeredAt: 'x-shopify-triggered-at',
  shopDomain: 'x-shopify-shop-domain',
} as const;

/** One header's value, names matched case-insensitively; blank counts as missing. */
export const headerValue = (headers: IncomingHeaders, name: string): string | undefined => {
  let value = headers[name];
  if (value === undefined) {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    value = key === undefined ? undefined : headers[key];
  }
  if (Array.isArray(value)) value = value[0];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

const hmac = (secret: string, body: string | Buffer): Buffer => createHmac('sha256', secret).update(body).digest();

/** The `X-Shopify-Hmac-Sha256` value Shopify sends for this body (tests, and a shop's own tooling). */
export const signShopifyWebhook = (body: string | Buffer, secret: string): string =>
  hmac(secret, body).toString('base64');

/**
 * Checks a Shopify delivery. Never throws. A signature of the wrong length or not base64 is refused before any
 * comparison (timingSafeEqual needs equal lengths); every secret is compared, without an early exit.
 */
export const verifyShopifyWebhook = ({
  headers,
  body,
  secrets,
  now,
  toleranceSeconds = SHOPIFY_TOLERANCE_SECONDS,
}: VerifyShopifyInput): ShopifyVerification => {
  for (const name of [SHOPIFY_HEADERS.hmac, SHOPIFY_HEADERS.webhookId, SHOPIFY_HEADERS.triggeredAt]) {
    if (headerValue(headers, name) === undefined) return { ok: false, reason: 'missing-headers', header: name };
  }
  const triggeredAt = Date.parse(headerValue(headers, SHOPIFY_HEADERS.triggeredAt) as string);
  if (Number.isNaN(triggeredAt)) {
    return { ok: false, reason: 'missing-headers', header: SHOPIFY_HEADERS.triggeredAt };
  }
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return { ok: false, reason: 'bad-signature' };

  const sent = headerValue(headers, SHOPIFY_HEADERS.hmac) as string;
  const received = BASE64.test(sent) ? Buffer.from(sent, 'base64') : null;
  if (!received || received.length !== SIGNATURE_BYTES) return { ok: false, reason: 'bad-signature' };
  let matched = false;
  for (const secret of Array.isArray(secrets) ? secrets : []) {
    if (typeof secret !== 'string' || secret === '') continue;
    matched = timingSafeEqual(hmac(secret, body), received) || matched;
  }
  if (!matched) return { ok: false, reason: 'bad-signature' };

  const ageSeconds = (now.getTime() - triggeredAt) / 1000;
  if (ageSeconds > toleranceSeconds || ageSeconds < -SHOPIFY_FUTURE_SKEW_SECONDS) return { ok: false, reason: 'stale' };
  return { ok: true };
};
