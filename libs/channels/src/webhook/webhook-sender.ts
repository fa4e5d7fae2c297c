import { request as httpRequest, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { guardUrl, type HostLookup } from './address-guard';
import { signWebhook } from './standard-webhooks';
import { WebhookSendError } from './webhook-send.error';

export const WEBHOOK_USER_AGENT = 'Rapport-Webhooks/1';
export const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** A receiver's `Retry-After` is honoured up to a day; beyond that it is taken as a day. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
const MAX_ERROR_BODY_CHARS = 512;

export type SendWebhookInput = {
  url: string;
  /** Serialized once with JSON.stringify; the exact bytes sent are the bytes signed. */
  body: unknown;
  /** The `webhook-id`: Rapport passes the delivery id, so a retried delivery is recognisable downstream. */
  id: string;
  /** `whsec_<base64>`. */
  secret: string;
  /** Signing time (`webhook-timestamp`) and the reference for an HTTP-date `Retry-After`. */
  now: Date;
  /** Deadline for the whole send: DNS, connect, request and response. */
  timeoutMs: number;
  /** The workspace allows private and loopback targets. */
  allowPrivate?: boolean;
  /** DNS resolution override (tests); defaults to the system resolver. */
  lookup?: HostLookup;
};

export type WebhookSendResult = { status: number; durationMs: number };

type RawResponse = { status: number; headers: IncomingHttpHeaders; body: string };

class DeadlineExceeded extends Error {
  readonly code = 'ETIMEDOUT';
}

/** `Retry-After` as milliseconds from `now`: delay-seconds or an HTTP date; undefined when absent or unreadable. */
export const parseRetryAfter = (value: string | string[] | undefined, now: Date): number | undefined => {
  const raw = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Math.min(Number(raw) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(raw);
  if (Number.isNaN(at) || !/[a-z]/i.test(raw)) return undefined;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
};

/**
 * Delay before the next attempt after `attempt` failed ones (1 = the first send failed): 2^attempt seconds
 * (2 s, 4 s, 8 s, ...) capped at 1 hour, or the receiver's `Retry-After` when that is longer. Deterministic:
 * no jitter, so schedules are testable; deliveries are spread by their own due times.
 */
export const backoffDelay = (attempt: number, retryAfterMs?: number): number => {
  const n = Number.isFinite(attempt) ? Math.max(1, Math.floor(attempt)) : 1;
  const base = Math.min(2 ** Math.min(n, 32) * 1000, MAX_BACKOFF_MS);
  const asked = retryAfterMs !== undefined && Number.isFinite(retryAfterMs) ? retryAfterMs : 0;
  return Math.max(base, Math.min(asked, MAX_RETRY_AFTER_MS));
};

const deadline = (timeoutMs: number) => {
  let onExpire: () => void = () => undefined;
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    onExpire();
  }, timeoutMs);
  return {
    get expired() {
      return expired;
    },
    /** Runs `fn` when the deadline passes (at once if it already has). */
    onExpire(fn: () => void) {
      onExpire = fn;
      if (expired) fn();
    },
    clear: () => clearTimeout(timer),
  };
};

type Deadline = ReturnType<typeof deadline>;

const withDeadline = <T>(promise: Promise<T>, limit: Deadline): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    limit.onExpire(() => reject(new DeadlineExceeded('Timed out resolving the webhook host')));
    promise.then(resolve, reject);
  });

const post = (
  target: { url: URL; hostname: string; address: string; family: 4 | 6 },
  headers: OutgoingHttpHeaders,
  payload: string,
  limit: Deadline,
): Promise<RawResponse> =>
  new Promise<RawResponse>((resolve, reject) => {
    const { url } = target;
    const secure = url.protocol === 'https:';
    const req = (secure ? httpsRequest : httpRequest)({
      // Connect to the address the guard checked; Host and SNI still name the original host.
      host: target.address,
      family: target.family,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'POST',
      headers: { ...headers, host: url.host },
      ...(secure && !isIP(target.hostname) ? { servername: target.hostname } : {}),
      ...(url.username ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` } : {}),
      agent: false,
    });
    let response: RawResponse | undefined;
    limit.onExpire(() => {
      // After the status line the message was received; a slow body does not turn it into a failure.
      if (response) req.destroy();
      else req.destroy(new DeadlineExceeded('Timed out waiting for the webhook receiver'));
    });
    req.on('response', (res) => {
      const got: RawResponse = { status: res.statusCode ?? 0, headers: res.headers, body: '' };
      response = got;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (got.body.length < MAX_ERROR_BODY_CHARS) got.body += chunk.slice(0, MAX_ERROR_BODY_CHARS - got.body.length);
      });
      res.on('error', () => undefined); // a reset after the status line: the status stands
      res.on('close', () => resolve(got));
    });
    req.on('error', (error) => (response ? resolve(response) : reject(error)));
    req.end(payload);
  });

const classify = (res: RawResponse, now: Date, durationMs: number): WebhookSendResult => {
  const { status } = res;
  if (status >= 200 && status < 300) return { status, durationMs };
  const excerpt = res.body.trim() ? `: ${res.body.trim().slice(0, 200)}` : '';
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(res.headers['retry-after'], now);
    throw new WebhookSendError('retryable', `Webhook receiver answered ${status}${excerpt}`, {
      status,
      retryAfterMs,
      durationMs,
    });
  }
  const what = status >= 300 && status < 400 ? `redirect ${status} (not followed)` : String(status);
  throw new WebhookSendError('permanent', `Webhook receiver answered ${what}${excerpt}`, { status, durationMs });
};

/**
 * POSTs `body` as JSON to `url`, signed per Standard Webhooks, to the address the SSRF guard resolved.
 * Resolves on 2xx; otherwise throws a `WebhookSendError` whose `kind` says whether to retry.
 */
export const sendWebhook = async (input: SendWebhookInput): Promise<WebhookSendResult> => {
  const { url, body, id, secret, now, timeoutMs } = input;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const payload = JSON.stringify(body);
  if (payload === undefined) throw new WebhookSendError('permanent', 'Webhook body is not JSON-serializable');
  let signature;
  try {
    signature = signWebhook({ id, timestamp: now, body: payload, secret });
  } catch (error) {
    throw new WebhookSendError('permanent', `Webhook cannot be signed: ${(error as Error).message}`);
  }
  const headers: OutgoingHttpHeaders = {
    ...signature,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(payload),
    'user-agent': WEBHOOK_USER_AGENT,
  };

  const limit = deadline(timeoutMs);
  try {
    const guard = await withDeadline(guardUrl(url, { allowPrivate: input.allowPrivate, lookup: input.lookup }), limit);
    if (!guard.ok) throw new WebhookSendError('refused', guard.message, { code: guard.reason, durationMs: elapsed() });
    const response = await post(guard, headers, payload, limit);
    return classify(response, now, elapsed());
  } catch (error) {
    if (error instanceof WebhookSendError) throw error;
    const code = (error as { code?: unknown }).code;
    const message = error instanceof Error ? error.message : String(error);
    throw new WebhookSendError('retryable', `Webhook send failed: ${message}`, {
      code: typeof code === 'string' ? code : undefined,
      durationMs: elapsed(),
    });
  } finally {
    limit.clear();
  }
};
