import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Standard Webhooks (https://www.standardwebhooks.com, spec v1): the signed content is
// `${webhook-id}.${webhook-timestamp}.${body}`, HMAC-SHA256 with the secret's bytes, base64, sent as `v1,<sig>`;
// several space-separated signatures may be sent (secret rotation), and receivers accept any that matches.

export const WEBHOOK_SECRET_PREFIX = 'whsec_';
export const DEFAULT_TOLERANCE_SECONDS = 300;

const SIGNATURE_BYTES = 32; // SHA-256
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export type WebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export type SignWebhookInput = {
  id: string;
  timestamp: Date;
  /** The exact bytes sent: sign the serialized body, never an object. */
  body: string;
  /** `whsec_<base64>`; the bare base64 form is accepted too, as the reference libraries do. */
  secret: string;
};

/** Header values as Node (`IncomingHttpHeaders`) or a plain record gives them; names are matched case-insensitively. */
export type IncomingHeaders = Record<string, string | string[] | undefined>;

export type VerifyWebhookInput = {
  headers: IncomingHeaders;
  /** The raw body as received, before any JSON parsing. */
  body: string | Buffer;
  /** Every secret currently valid for this sender (rotation): any may match. */
  secrets: readonly string[];
  now: Date;
  toleranceSeconds?: number;
};

export type WebhookVerifyFailure = 'missing-headers' | 'stale' | 'bad-signature';
export type WebhookVerification = { ok: true } | { ok: false; reason: WebhookVerifyFailure };

/** The secret's key bytes, or null when it is not `whsec_` + non-empty base64. */
export const webhookSecretBytes = (secret: string): Buffer | null => {
  if (typeof secret !== 'string') return null;
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  if (!BASE64.test(encoded)) return null;
  const bytes = Buffer.from(encoded, 'base64');
  return bytes.length > 0 ? bytes : null;
};

export const isWebhookSecret = (secret: string): boolean => webhookSecretBytes(secret) !== null;

/** A fresh random secret in the spec's form (24 bytes: inside the spec's 24..64 range). */
export const generateWebhookSecret = (): string => WEBHOOK_SECRET_PREFIX + randomBytes(24).toString('base64');

const unixSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

const hmac = (key: Buffer, id: string, timestamp: string, body: string | Buffer): Buffer =>
  createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();

/** The three Standard Webhooks headers for one message. Throws only on a malformed secret (a configuration error). */
export const signWebhook = ({ id, timestamp, body, secret }: SignWebhookInput): WebhookHeaders => {
  const key = webhookSecretBytes(secret);
  if (!key) throw new Error('Webhook secret must be "whsec_" followed by base64');
  if (id === '' || /\s/.test(id)) throw new Error('Webhook id must be non-empty, without whitespace');
  const seconds = String(unixSeconds(timestamp));
  return {
    'webhook-id': id,
    'webhook-timestamp': seconds,
    'webhook-signature': `v1,${hmac(key, id, seconds, body).toString('base64')}`,
  };
};

const header = (headers: IncomingHeaders, name: string): string | undefined => {
  let value = headers[name];
  if (value === undefined) {
    const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
    value = key === undefined ? undefined : headers[key];
  }
  if (Array.isArray(value)) value = value.join(' ');
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

/** The `v1` signatures of a `webhook-signature` header, decoded; other versions and garbage are skipped. */
const v1Signatures = (value: string): Buffer[] =>
  value
    .split(' ')
    .map((part) => part.split(','))
    .filter(
      (parts): parts is [string, string] => parts.length === 2 && parts[0] === 'v1' && BASE64.test(parts[1] ?? ''),
    )
    .map(([, sig]) => Buffer.from(sig, 'base64'));

/**
 * Checks a received message. Never throws: malformed headers, bodies or secrets are a failed verification.
 * The signature is checked before the timestamp, so `stale` means "authentic but too old or too new" (a replay).
 */
export const verifyWebhook = ({
  headers,
  body,
  secrets,
  now,
  toleranceSeconds = DEFAULT_TOLERANCE_SECONDS,
}: VerifyWebhookInput): WebhookVerification => {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signature = header(headers, 'webhook-signature');
  if (id === undefined || timestamp === undefined || signature === undefined || !/^\d{1,15}$/.test(timestamp))
    return { ok: false, reason: 'missing-headers' };
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) return { ok: false, reason: 'bad-signature' };

  const received = v1Signatures(signature).filter((sig) => sig.length === SIGNATURE_BYTES);
  const keys = (Array.isArray(secrets) ? secrets : []).map(webhookSecretBytes).filter((k): k is Buffer => k !== null);
  // Compare every pair (no early exit) so timing does not tell which secret or signature matched.
  let matched = false;
  for (const key of keys) {
    const expected = hmac(key, id, timestamp, body);
    for (const sig of received) matched = timingSafeEqual(expected, sig) || matched;
  }
  if (!matched) return { ok: false, reason: 'bad-signature' };

  if (Math.abs(unixSeconds(now) - Number(timestamp)) > toleranceSeconds) return { ok: false, reason: 'stale' };
  return { ok: true };
};
