import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpReply, readBody, twilioError, type TwilioJson } from './fake-twilio.http';
import { measureSms } from '@rapport/journey';
import { signTwilioRequest } from './twilio-signature';

export type FakeTwilioOptions = {
  /** Default `AC` + 32 zeros. */
  accountSid?: string;
  /** Default `fake-auth-token`. */
  authToken?: string;
  /** Post a signed `delivered` callback for every new message that has a StatusCallback (for `npm start`). */
  autoDeliver?: boolean;
  /** Oldest messages (and their idempotency tokens) are forgotten beyond this; default 10,000. */
  maxStoredMessages?: number;
};

export type FakeTwilioStartOptions = { port?: number; host?: string };
/** `twilioUrl` carries the credentials, ready for `TwilioSmsProvider`; do not log it. */
export type FakeTwilioUrls = { baseUrl: string; twilioUrl: string };

export type FakeSms = {
  sid: string;
  to: string;
  from: string;
  body: string;
  status: string;
  statusCallback: string | null;
  idempotencyToken: string | null;
  numSegments: number;
  createdAt: Date;
};

export type FakeFailure = {
  status: number;
  /** Twilio error code in the reply; a typical one for the status by default. */
  code?: number;
  message?: string;
  /** Store the message, then fail: the ambiguous "maybe sent" case a retry must not duplicate. */
  storeFirst?: boolean;
};

export type FakeWaitOptions = { timeoutMs: number };

const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * A local HTTP server speaking the Twilio Messages API subset Rapport uses: the SMS edge of the
 * world in tests and `npm start`. Checks Basic auth, keeps messages in memory, honours
 * `I-Twilio-Idempotency-Token`, injects failures on demand and posts signed status callbacks.
 */
export class FakeTwilio {
  readonly accountSid: string;
  readonly authToken: string;
  private readonly autoDeliver: boolean;
  private readonly maxStoredMessages: number;
  private readonly stored = new Map<string, FakeSms>();
  private readonly byToken = new Map<string, string>();
  private readonly failures: FakeFailure[] = [];
  private readonly callbacks = new Set<Promise<unknown>>();
  private readonly events = new EventEmitter();
  private server: Server | null = null;
  private received = 0;

  constructor(options: FakeTwilioOptions = {}) {
    this.accountSid = options.accountSid ?? `AC${'0'.repeat(32)}`;
    this.authToken = options.authToken ?? 'fake-auth-token';
    this.autoDeliver = options.autoDeliver ?? false;
    this.maxStoredMessages = options.maxStoredMessages ?? 10_000;
    this.events.setMaxListeners(0);
  }

  async start(options: FakeTwilioStartOptions = {}): Promise<FakeTwilioUrls> {
    if (this.server) throw new Error('FakeTwilio already started');
    const host = options.host ?? '127.0.0.1';
    const server = createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
    const port = (server.address() as AddressInfo).port;
    const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    const credentials = `${encodeURIComponent(this.accountSid)}:${encodeURIComponent(this.authToken)}`;
    return { baseUrl: `http://${urlHost}:${port}`, twilioUrl: `twilio+http://${credentials}@${urlHost}:${port}` };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    await Promise.allSettled([...this.callbacks]);
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Messages in the order created (oldest first). */
  messages(): FakeSms[] {
    return [...this.stored.values()].map((m) => ({ ...m }));
  }

  /** HTTP requests received, including rejected and failed ones. */
  requestCount(): number {
    return this.received;
  }

  clear(): void {
    this.stored.clear();
    this.byToken.clear();
    this.failures.length = 0;
  }

  /** The next `count` authenticated requests fail with `failure` (a status, or status + Twilio error). */
  failNext(count: number, failure: number | FakeFailure): void {
    const f = typeof failure === 'number' ? { status: failure } : failure;
    for (let i = 0; i < count; i++) this.failures.push(f);
  }

  /** Resolves with all messages once at least `count` exist. */
  waitForCount(count: number, { timeoutMs }: FakeWaitOptions): Promise<FakeSms[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.stored.size < count) return;
        cleanup();
        resolve(this.messages());
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `FakeTwilio: timed out after ${timeoutMs} ms waiting for ${count} message(s) (have ${this.stored.size})`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('message', check);
      };
      this.events.on('message', check);
      check();
    });
  }

  /**
   * Sets the message's status and posts a signed callback (`MessageSid`, `MessageStatus`, ...) to its
   * StatusCallback. Resolves with the receiver's HTTP status, or null when the message has no callback.
   */
  async deliver(sid: string, status = 'delivered'): Promise<{ status: number } | null> {
    const message = this.stored.get(sid);
    if (!message) throw new Error(`FakeTwilio: no message ${sid}`);
    message.status = status;
    if (!message.statusCallback) return null;
    const params = {
      AccountSid: this.accountSid,
      ApiVersion: '2010-04-01',
      From: message.from,
      MessageSid: sid,
      MessageStatus: status,
      SmsSid: sid,
      SmsStatus: status,
      To: message.to,
    };
    const signature = signTwilioRequest({ authToken: this.authToken, url: message.statusCallback, params });
    const response = await fetch(message.statusCallback, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams(params).toString(),
      signal: AbortSignal.timeout(10_000),
    });
    await response.arrayBuffer();
    return { status: response.status };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.received += 1;
    let reply: HttpReply;
    try {
      const body = await readBody(req);
      reply = body === null ? twilioError(413, 20413, 'Request entity too large') : this.route(req, body);
    } catch {
      reply = twilioError(500);
    }
    res.writeHead(reply.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(reply.body));
    const sid = reply.body['sid'];
    if (this.autoDeliver && reply.status === 201 && typeof sid === 'string' && this.stored.get(sid)?.statusCallback) {
      const pending = this.deliver(sid).catch(() => undefined);
      this.callbacks.add(pending);
      void pending.finally(() => this.callbacks.delete(pending));
    }
  }

  private route(req: IncomingMessage, body: string): HttpReply {
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const match = /^\/2010-04-01\/Accounts\/([^/]+?)(\.json|\/Messages\.json|\/Messages\/([^/]+)\.json)$/.exec(path);
    if (!match) return twilioError(404);
    if (!this.isAuthorized(req, decodeURIComponent(match[1] ?? ''))) return twilioError(401);
    const failure = this.failures.shift();
    if (failure && !failure.storeFirst) return twilioError(failure.status, failure.code, failure.message);

    let reply: HttpReply;
    if (match[2] === '.json' && req.method === 'GET') {
      reply = new HttpReply(200, { sid: this.accountSid, status: 'active', type: 'Full' });
    } else if (match[3] !== undefined && req.method === 'GET') {
      const message = this.stored.get(decodeURIComponent(match[3]));
      reply = message ? new HttpReply(200, this.toJson(message)) : twilioError(404);
    } else if (match[2] === '/Messages.json' && req.method === 'POST') {
      const token = req.headers['i-twilio-idempotency-token'];
      reply = this.create(new URLSearchParams(body), typeof token === 'string' && token !== '' ? token : null);
    } else {
      reply = twilioError(405, 20004, 'Method not allowed');
    }
    return failure ? twilioError(failure.status, failure.code, failure.message) : reply;
  }

  private create(form: URLSearchParams, token: string | null): HttpReply {
    const known = token === null ? undefined : this.stored.get(this.byToken.get(token) ?? '');
    if (known) return new HttpReply(201, this.toJson(known));
    const [to, from, body] = [form.get('To') ?? '', form.get('From') ?? '', form.get('Body') ?? ''];
    if (!to) return twilioError(400, 21604, "A 'To' phone number is required.");
    if (!from) return twilioError(400, 21603, "A 'From' phone number is required.");
    if (!body) return twilioError(400, 21602, 'Message body is required.');
    if (!E164.test(to)) return twilioError(400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    if (body.length > 1600)
      return twilioError(400, 21617, 'The concatenated message body exceeds the 1600 character limit.');

    const message: FakeSms = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from,
      body,
      status: 'queued',
      statusCallback: form.get('StatusCallback') || null,
      idempotencyToken: token,
      numSegments: measureSms(body).segments,
      createdAt: new Date(),
    };
    this.stored.set(message.sid, message);
    if (token !== null) this.byToken.set(token, message.sid);
    this.evictOldest();
    this.events.emit('message', message);
    return new HttpReply(201, this.toJson(message));
  }

  private evictOldest(): void {
    while (this.stored.size > this.maxStoredMessages) {
      const [sid, oldest] = this.stored.entries().next().value as [string, FakeSms];
      this.stored.delete(sid);
      if (oldest.idempotencyToken !== null) this.byToken.delete(oldest.idempotencyToken);
    }
  }

  private isAuthorized(req: IncomingMessage, pathSid: string): boolean {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return false;
    const decoded = Buffer.from(header.slice('Basic '.length), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const [user, password] = [decoded.slice(0, colon), decoded.slice(colon + 1)];
    return colon > 0 && user === this.accountSid && password === this.authToken && pathSid === this.accountSid;
  }

  private toJson(m: FakeSms): TwilioJson {
    return {
      sid: m.sid,
      account_sid: this.accountSid,
      to: m.to,
      from: m.from,
      body: m.body,
      status: m.status,
      num_segments: String(m.numSegments),
      num_media: '0',
      direction: 'outbound-api',
      api_version: '2010-04-01',
      date_created: m.createdAt.toUTCString(),
      error_code: null,
      error_message: null,
      uri: `/2010-04-01/Accounts/${this.accountSid}/Messages/${m.sid}.json`,
    };
  }
}
