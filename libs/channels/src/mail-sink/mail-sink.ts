import { EventEmitter } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { toCapturedMail, type CapturedMail } from './captured-mail';
import { createMailViewerHandler } from './mail-viewer.http';

export type MailSinkStartOptions = {
  /** 0 picks a free port. */
  smtpPort?: number;
  /** null (the default) runs no web viewer; 0 picks a free port. */
  httpPort?: number | null;
  host?: string;
};

export type MailSinkUrls = { smtpUrl: string; httpUrl: string | null };
export type MailSinkOptions = { maxMessageBytes?: number; maxStoredMessages?: number };
export type WaitOptions = { timeoutMs: number };

const listen = (server: { listen(port: number, host: string, cb: () => void): unknown }, port: number, host: string) =>
  new Promise<void>((resolve) => server.listen(port, host, resolve));

const urlHost = (host: string): string =>
  host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

/**
 * An in-process SMTP server that keeps what it receives in memory: the mail catcher for tests and
 * for `npm start`. Accepts any sender, recipient and login; never relays anything.
 */
export class MailSink {
  private readonly captured: CapturedMail[] = [];
  private readonly events = new EventEmitter();
  private smtp: SMTPServer | null = null;
  private http: Server | null = null;
  private nextId = 1;
  private readonly maxMessageBytes: number;
  private readonly maxStoredMessages: number;

  constructor(options: MailSinkOptions = {}) {
    this.maxMessageBytes = options.maxMessageBytes ?? 10 * 1024 * 1024;
    this.maxStoredMessages = options.maxStoredMessages ?? 1000;
    this.events.setMaxListeners(0);
  }

  async start(options: MailSinkStartOptions = {}): Promise<MailSinkUrls> {
    if (this.smtp) throw new Error('MailSink already started');
    const host = options.host ?? '127.0.0.1';
    const smtp = new SMTPServer({
      authOptional: true,
      // Apps configured with credentials can point at the sink unchanged.
      allowInsecureAuth: true,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'sink' }),
      disabledCommands: ['STARTTLS'],
      disableReverseLookup: true,
      size: this.maxMessageBytes,
      logger: false,
      // Pooled clients keep connections open; do not hold stop() for the default 30 s.
      closeTimeout: 200,
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    });
    smtp.on('error', () => undefined); // client resets are normal in tests; the sink must survive them
    this.smtp = smtp;
    await listen(smtp, options.smtpPort ?? 0, host);
    const smtpPort = (smtp.server.address() as AddressInfo).port;

    let httpUrl: string | null = null;
    if (options.httpPort !== undefined && options.httpPort !== null) {
      this.http = createServer(createMailViewerHandler(this));
      await listen(this.http, options.httpPort, host);
      httpUrl = `http://${urlHost(host)}:${(this.http.address() as AddressInfo).port}`;
    }
    return { smtpUrl: `smtp://${urlHost(host)}:${smtpPort}`, httpUrl };
  }

  async stop(): Promise<void> {
    const { smtp, http } = this;
    this.smtp = null;
    this.http = null;
    await Promise.all([
      smtp && new Promise<void>((resolve) => smtp.close(resolve)),
      http &&
        new Promise<void>((resolve) => {
          http.close(() => resolve());
          http.closeAllConnections();
        }),
    ]);
  }

  /** Messages in the order received (oldest first). */
  messages(): CapturedMail[] {
    return [...this.captured];
  }

  clear(): void {
    this.captured.length = 0;
  }

  /** Resolves with the first message (already received or arriving) that matches. */
  waitFor(predicate: (mail: CapturedMail) => boolean, options: WaitOptions): Promise<CapturedMail> {
    return this.waitUntil(() => this.captured.find(predicate), options, 'a matching message');
  }

  /** Resolves with all messages once at least `count` have been received. */
  waitForCount(count: number, options: WaitOptions): Promise<CapturedMail[]> {
    return this.waitUntil(
      () => (this.captured.length >= count ? this.messages() : undefined),
      options,
      `${count} message(s)`,
    );
  }

  private waitUntil<T>(check: () => T | undefined, { timeoutMs }: WaitOptions, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onMail = () => {
        const result = check();
        if (result === undefined) return;
        cleanup();
        resolve(result);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(`MailSink: timed out after ${timeoutMs} ms waiting for ${what} (have ${this.captured.length})`),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off('mail', onMail);
      };
      this.events.on('mail', onMail);
      onMail();
    });
  }

  private receive(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
    simpleParser(stream).then(
      (parsed) => {
        if (stream.sizeExceeded) {
          const error = Object.assign(new Error('Message exceeds the sink size limit'), { responseCode: 552 });
          return callback(error);
        }
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const mail = toCapturedMail({
          id: String(this.nextId++),
          parsed,
          envelopeFrom,
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          receivedAt: new Date(),
        });
        this.captured.push(mail);
        if (this.captured.length > this.maxStoredMessages) this.captured.shift();
        callback();
        this.events.emit('mail', mail);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
    );
  }
}
