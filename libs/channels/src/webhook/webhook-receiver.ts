import { EventEmitter } from 'node:events';
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhook, type WebhookVerification } from './standard-webhooks';

export type ScriptedResponse = {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer only after this long (a receiver slower than the sender's timeout); cut short by `stop()`. */
  delayMs?: number;
};

export type ReceivedWebhook = {
  /** 1, 2, 3 ... in arrival order. */
  seq: number;
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  body: unknown;
  /** Signature check with the receiver's secrets; null when it has none. */
  verification: WebhookVerification | null;
  /** The status this request was answered with. */
  status: number;
  receivedAt: Date;
};

export type WebhookReceiverOptions = {
  /** Secrets to verify with (several: rotation). */
  secrets?: string[];
  /** Answer 401 to a request whose signature does not verify (as a real receiver would). Default false. */
  requireValidSignature?: boolean;
  /** Clock for the staleness check; tests that sign with a fixed `now` pass the same one. */
  now?: () => Date;
  toleranceSeconds?: number;
  maxBodyBytes?: number;
  maxStored?: number;
};

export type WebhookReceiverStartOptions = { port?: number; host?: string };
export type WebhookWaitOptions = { timeoutMs: number };

const OK: ScriptedResponse = { status: 200, body: '' };

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * An in-process HTTP server that records the webhooks it receives, checks their Standard Webhooks signatures,
 * and answers from a script (`503` with `Retry-After: 2`, then `200`), or 200 once the script is used up.
 * The webhook counterpart of the mail sink, for tests and local development.
 */
export class WebhookReceiver {
  private readonly received: ReceivedWebhook[] = [];
  private readonly queue: ScriptedResponse[] = [];
  private readonly events = new EventEmitter();
  private readonly timers = new Set<NodeJS.Timeout>();
  private server: Server | null = null;
  private seq = 1;

  constructor(private readonly options: WebhookReceiverOptions = {}) {
    this.events.setMaxListeners(0);
  }

  /** Resolves with the base URL, e.g. `http://127.0.0.1:43121`. */
  async start(options: WebhookReceiverStartOptions = {}): Promise<{ url: string }> {
    if (this.server) throw new Error('WebhookReceiver already started');
    const host = options.host ?? '127.0.0.1';
    const server = createServer((req, res) => this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}` };
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Queues answers for the next requests, in order. */
  script(...responses: ScriptedResponse[]): void {
    this.queue.push(...responses);
  }

  /** Requests in arrival order (oldest first). */
  requests(): ReceivedWebhook[] {
    return [...this.received];
  }

  /** Forgets received requests and any unused script. */
  clear(): void {
    this.received.length = 0;
    this.queue.length = 0;
  }

  /** Resolves with all requests once at least `count` have arrived. */
  waitForCount(count: number, { timeoutMs }: WebhookWaitOptions): Promise<ReceivedWebhook[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.received.length < count) return;
        cleanup();
        resolve(this.requests());
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`WebhookReceiver: timed out after ${timeoutMs} ms waiting for ${count} request(s)`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('request', check);
      };
      this.events.on('request', check);
      check();
    });
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const max = this.options.maxBodyBytes ?? 1024 * 1024;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= max) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > max) return this.answer(res, { status: 413, body: 'Payload too large' });
      this.record(req, res, Buffer.concat(chunks));
    });
  }

  private record(req: IncomingMessage, res: ServerResponse, raw: Buffer): void {
    const { secrets, requireValidSignature, now, toleranceSeconds } = this.options;
    const verification = secrets
      ? verifyWebhook({ headers: req.headers, body: raw, secrets, now: now ? now() : new Date(), toleranceSeconds })
      : null;
    const scripted = this.queue.shift() ?? OK;
    const response =
      requireValidSignature && verification && !verification.ok
        ? { status: 401, body: `Invalid webhook: ${verification.reason}` }
        : scripted;
    const rawBody = raw.toString('utf8');
    const entry: ReceivedWebhook = {
      seq: this.seq++,
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      rawBody,
      body: parseJson(rawBody),
      verification,
      status: response.status,
      receivedAt: new Date(),
    };
    this.received.push(entry);
    if (this.received.length > (this.options.maxStored ?? 1000)) this.received.shift();
    this.events.emit('request', entry);
    this.answer(res, response);
  }

  private answer(res: ServerResponse, response: ScriptedResponse): void {
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(response.status, response.headers);
      res.end(response.body ?? '');
    };
    if (!response.delayMs) return send();
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      send();
    }, response.delayMs);
    this.timers.add(timer);
    res.on('close', () => {
      clearTimeout(timer);
      this.timers.delete(timer);
    });
  }
}
