import { createHmac, timingSafeEqual } from 'node:crypto';

export type UnsubscribeChannel = 'email' | 'sms';
export type UnsubscribePayload = { workspaceId: string; customerId: string; channel: UnsubscribeChannel };
export type UnsubscribeHeaders = { 'List-Unsubscribe': string; 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };

/** Bumped if the layout of the signed bytes ever changes; older tokens then fail to verify. */
export const UNSUBSCRIBE_TOKEN_VERSION = 1;

const MAC_BYTES = 32;
const CHANNELS: readonly string[] = ['email', 'sms'] satisfies UnsubscribeChannel[];
// Far above any real token (two UUIDs and a channel make ~200 characters); refuses junk early.
const MAX_TOKEN_LENGTH = 1024;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

const mac = (secret: string | Buffer, bytes: Buffer): Buffer => createHmac('sha256', secret).update(bytes).digest();

const hasSecret = (secret: string | Buffer): boolean =>
  (typeof secret === 'string' || Buffer.isBuffer(secret)) && secret.length > 0;

const isPayload = (value: unknown): value is [string, string, UnsubscribeChannel] =>
  Array.isArray(value) &&
  value.length === 3 &&
  typeof value[0] === 'string' &&
  value[0] !== '' &&
  typeof value[1] === 'string' &&
  value[1] !== '' &&
  typeof value[2] === 'string' &&
  CHANNELS.includes(value[2]);

/**
 * A URL-safe token for a one-click unsubscribe link: base64url of
 * `version byte ‖ JSON [workspaceId, customerId, channel] ‖ HMAC-SHA256(secret, version ‖ JSON)`.
 * It does not expire: an unsubscribe link must keep working for as long as the mail is kept.
 * @throws TypeError when the secret or an id is empty, or the channel is unknown.
 */
export const createUnsubscribeToken = (payload: UnsubscribePayload, secret: string | Buffer): string => {
  if (!hasSecret(secret)) throw new TypeError('an unsubscribe secret is required');
  const fields = [payload.workspaceId, payload.customerId, payload.channel];
  if (!isPayload(fields)) throw new TypeError('an unsubscribe token needs a workspace, a customer and a channel');
  const signed = Buffer.concat([Buffer.from([UNSUBSCRIBE_TOKEN_VERSION]), Buffer.from(JSON.stringify(fields), 'utf8')]);
  return Buffer.concat([signed, mac(secret, signed)]).toString('base64url');
};

/**
 * The payload of a token made with this secret, or null when it is malformed, of another version,
 * tampered with or signed with another secret. Compares signatures in constant time; never throws.
 */
export const verifyUnsubscribeToken = (token: unknown, secret: string | Buffer): UnsubscribePayload | null => {
  try {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !BASE64URL.test(token)) return null;
    if (!hasSecret(secret)) return null;
    const bytes = Buffer.from(token, 'base64url');
    // Only the canonical spelling is accepted, so one payload has exactly one token.
    if (bytes.toString('base64url') !== token || bytes.length <= 1 + MAC_BYTES) return null;
    const signed = bytes.subarray(0, bytes.length - MAC_BYTES);
    const given = bytes.subarray(bytes.length - MAC_BYTES);
    if (!timingSafeEqual(given, mac(secret, signed))) return null;
    if (signed[0] !== UNSUBSCRIBE_TOKEN_VERSION) return null;
    const fields: unknown = JSON.parse(signed.subarray(1).toString('utf8'));
    if (!isPayload(fields)) return null;
    return { workspaceId: fields[0], customerId: fields[1], channel: fields[2] };
  } catch {
    return null;
  }
};

/**
 * The RFC 8058 one-click headers for a message: mail clients POST `List-Unsubscribe=One-Click` to
 * the URL. RFC 8058 asks for an https URL; http is accepted for local development.
 * @throws TypeError when the URL is not an absolute http(s) URL.
 */
export const unsubscribeHeaders = (url: string): UnsubscribeHeaders => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`not an absolute unsubscribe URL: ${url}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new TypeError(`not an http(s) unsubscribe URL: ${url}`);
  // The serialised URL has no spaces, angle brackets or line breaks, so it cannot break the header.
  const href = parsed.href;
  if (/[\s<>,]/.test(href)) throw new TypeError(`the unsubscribe URL cannot be used in a header: ${url}`);
  return { 'List-Unsubscribe': `<${href}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
};
