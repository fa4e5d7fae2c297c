import type { OutgoingSms, SmsProvider, SmsSendResult } from './sms-provider';
import { SmsSendError } from './sms-send.error';
import { verifyTwilioSignature, type TwilioParams } from './twilio-signature';

export type TwilioSmsProviderOptions = {
  /**
   * `twilio://<accountSid>:<authToken>@api.twilio.com?from=+15550001111` (HTTPS), or
   * `twilio+http://<accountSid>:<authToken>@127.0.0.1:4010` (plain HTTP, loopback hosts only: the
   * local fake). Percent-encode reserved characters in the token; `from` is optional and a `+` in it
   * is kept as is.
   */
  url: string;
  /** Whole request, reply body included; default 10 s. */
  timeoutMs?: number;
};

type TwilioConfig = { baseUrl: string; accountSid: string; authToken: string; defaultFrom: string | null };

// Connection never established: the provider cannot have seen the request.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/**
 * Twilio Messages API adapter (`POST /2010-04-01/Accounts/{sid}/Messages.json`); the only SMS I/O.
 *
 * Idempotency: the caller's key travels as `I-Twilio-Idempotency-Token`, so a retry after an
 * ambiguous failure (timeout, 5xx) returns the first message instead of sending a second.
 * The auth token lives in a private field: it is not in `baseUrl`, in errors, or in `inspect` output.
 */
export class TwilioSmsProvider implements SmsProvider {
  /** Scheme, host and port only; safe to log. */
  readonly baseUrl: string;
  readonly accountSid: string;
  /** The URL's `from`, used when a message has no `from` of its own. */
  readonly defaultFrom: string | null;
  readonly #authToken: string;
  readonly #authorization: string;
  readonly #timeoutMs: number;

  constructor(options: TwilioSmsProviderOptions) {
    const config = parseTwilioUrl(options.url);
    this.baseUrl = config.baseUrl;
    this.accountSid = config.accountSid;
    this.defaultFrom = config.defaultFrom;
    this.#authToken = config.authToken;
    this.#authorization = `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString('base64')}`;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  async send(message: OutgoingSms): Promise<SmsSendResult> {
    const from = message.from || this.defaultFrom;
    if (!from) throw new SmsSendError('permanent', 'No sender: the message has no from and the Twilio URL no ?from=');
    const form = new URLSearchParams({ To: message.to, From: from, Body: message.body });
    if (message.statusCallbackUrl) form.set('StatusCallback', message.statusCallbackUrl);

    const reply = await this.request(`/Messages.json`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'I-Twilio-Idempotency-Token': message.idempotencyKey,
      },
      body: form.toString(),
    });
    const sid = reply.json?.['sid'];
    if (typeof sid !== 'string' || sid === '') {
      // Accepted, but we cannot tell which message: a retry with the same key will tell us.
      throw new SmsSendError('retryable', `Twilio ${reply.status}: reply has no message sid`, {
        status: reply.status,
        mayHaveBeenSent: true,
      });
    }
    const status = reply.json?.['status'];
    return { providerMessageId: sid, status: typeof status === 'string' ? status : 'queued' };
  }

  /** Fetches the account with our credentials: for health and settings checks. Throws `SmsSendError`. */
  async verify(): Promise<void> {
    await this.request('.json', { method: 'GET' });
  }

  /**
   * Checks `X-Twilio-Signature` on a status callback posted to `url` (the full public URL Twilio
   * called, query included) with form parameters `params`.
   */
  verifyStatusCallback(input: {
    url: string;
    params: TwilioParams;
    signature: string | string[] | undefined;
  }): boolean {
    return verifyTwilioSignature({ authToken: this.#authToken, ...input });
  }

  private async request(
    accountPath: string,
    init: { method: string; headers?: Record<string, string>; body?: string },
  ): Promise<{ status: number; json: Record<string, unknown> | null }> {
    const url = `${this.baseUrl}/2010-04-01/Accounts/${encodeURIComponent(this.accountSid)}${accountPath}`;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: init.method,
        headers: { Accept: 'application/json', Authorization: this.#authorization, ...init.headers },
        ...(init.body === undefined ? {} : { body: init.body }),
        // A redirect means a wrong base URL; following it could carry the credentials elsewhere.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      throw networkError(error);
    }
    const json = parseJsonObject(text);
    if (response.status >= 200 && response.status < 300) return { status: response.status, json };
    throw httpError(response, json);
  }
}

const httpError = (response: Response, json: Record<string, unknown> | null): SmsSendError => {
  const status = response.status;
  const code = typeof json?.['code'] === 'number' ? json['code'] : undefined;
  const detail = typeof json?.['message'] === 'string' ? json['message'] : response.statusText || 'no message';
  const text = `Twilio ${status}${code === undefined ? '' : ` (code ${code})`}: ${detail}`;
  if (status === 429 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    return new SmsSendError('retryable', text, {
      status,
      ...(code === undefined ? {} : { code }),
      // 429 is a refusal before any work; a 5xx may come after the message was queued.
      mayHaveBeenSent: status >= 500,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }
  // Other 4xx (bad number, bad credentials, unverified sender) and 3xx fail the same way next time.
  return new SmsSendError('permanent', text, { status, ...(code === undefined ? {} : { code }) });
};

const networkError = (error: unknown): SmsSendError => {
  const e = error as { name?: unknown; message?: unknown; cause?: { code?: unknown } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new SmsSendError('retryable', 'Twilio request timed out', { mayHaveBeenSent: true });
  }
  const code = typeof e?.cause?.code === 'string' ? e.cause.code : undefined;
  const reason = code ?? (typeof e?.message === 'string' ? e.message : 'network error');
  return new SmsSendError('retryable', `Twilio request failed: ${reason}`, {
    mayHaveBeenSent: code === undefined || !NOT_SENT_CODES.has(code),
  });
};

const parseJsonObject = (text: string): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
};

const parseRetryAfter = (header: string | null): number | undefined => {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Parses a `twilio://` URL; errors never echo the URL, which carries the auth token. */
const parseTwilioUrl = (raw: string): TwilioConfig => {
  const invalid = (why: string) => new SmsSendError('permanent', `Invalid Twilio URL: ${why}`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('expected twilio://<accountSid>:<authToken>@<host>');
  }
  const scheme = url.protocol === 'twilio:' ? 'https' : url.protocol === 'twilio+http:' ? 'http' : null;
  if (scheme === null) throw invalid('scheme must be twilio:// or twilio+http://');
  if (scheme === 'http' && !LOOPBACK.test(url.hostname)) {
    throw invalid('twilio+http:// (no TLS) is only allowed for loopback hosts');
  }
  const accountSid = decodeURIComponent(url.username);
  const authToken = decodeURIComponent(url.password);
  if (!accountSid || !authToken) throw invalid('account SID and auth token are required');
  // URLSearchParams would turn the `+` of an E.164 number into a space.
  const fromPair = url.search
    .slice(1)
    .split('&')
    .find((pair) => pair.startsWith('from='));
  const defaultFrom = fromPair ? decodeURIComponent(fromPair.slice('from='.length)) || null : null;
  return { baseUrl: `${scheme}://${url.host}`, accountSid, authToken, defaultFrom };
};
