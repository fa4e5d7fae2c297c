import nodemailer from 'nodemailer';
import { EmailSendError } from './email-send.error';

export type SmtpEmailTransportOptions = {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://host:465` (implicit TLS). */
  url: string;
  /** Parallel SMTP connections; each carries messages sequentially. */
  maxConnections?: number;
  /** Messages per connection before it is recycled. */
  maxMessages?: number;
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
};

export type OutgoingEmail = {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Exactly the Message-ID header, e.g. `<delivery-uuid@rapport.local>`: stable per delivery so retries are recognisable. */
  messageId: string;
  headers?: Record<string, string>;
};

export type EmailSendResult = { messageId: string; accepted: string[]; rejected: string[] };

type Address = string | { address: string };
const addressOf = (a: Address): string => (typeof a === 'string' ? a : a.address);

/**
 * Sends rendered emails over a pooled SMTP connection (the only SMTP I/O in the app).
 *
 * Latency note: Nagle's algorithm plus delayed ACKs costs ~40 ms per SMTP round trip on loopback.
 * Nodemailer >= 10.1 calls `setNoDelay(true)` on every SMTP socket itself (smtp-connection
 * `_setupConnectionHandlers`), so no `getSocket` hook is needed; the spec guards that behaviour.
 */
export class SmtpEmailTransport {
  private readonly transporter: ReturnType<typeof createPool>;

  constructor(options: SmtpEmailTransportOptions) {
    this.transporter = createPool(options);
  }

  async send(message: OutgoingEmail): Promise<EmailSendResult> {
    try {
      const info = await this.transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: message.messageId,
        headers: message.headers ?? {},
      });
      return {
        messageId: message.messageId,
        accepted: (info.accepted as Address[]).map(addressOf),
        rejected: (info.rejected as Address[]).map(addressOf),
      };
    } catch (error) {
      throw EmailSendError.fromNodemailer(error);
    }
  }

  /** Opens a connection and checks the server greets and accepts our login; for health and settings checks. */
  async verify(): Promise<void> {
    try {
      await this.transporter.verify();
    } catch (error) {
      throw EmailSendError.fromNodemailer(error);
    }
  }

  close(): void {
    this.transporter.close();
  }
}

const createPool = (options: SmtpEmailTransportOptions) => {
  if (!/^smtps?:\/\//i.test(options.url)) {
    throw new EmailSendError('permanent', `SMTP URL must start with smtp:// or smtps://`);
  }
  return nodemailer.createTransport({
    pool: true,
    url: options.url,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: options.maxMessages ?? 1000,
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
    // Rendered messages never carry attachments; refuse file and URL reads outright.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
};
