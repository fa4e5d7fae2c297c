// Throughput of SmtpEmailTransport against the in-process MailSink over loopback.
// Run: npx tsx libs/channels/src/email/smtp-email.transport.bench.ts [--nagle]
// `--nagle` stubs out setNoDelay to show what Nagle + delayed ACKs would cost per mail.
import { Socket } from 'node:net';
import { MailSink } from '../mail-sink/mail-sink';
import { SmtpEmailTransport, type OutgoingEmail } from './smtp-email.transport';

const mail = (n: number): OutgoingEmail => ({
  from: 'shop@shop.test',
  to: `c${n}@example.test`,
  subject: `Bench ${n}`,
  html: `<p>Hello ${n}</p>`,
  text: `Hello ${n}`,
  messageId: `<bench-${n}@rapport.local>`,
});

const timed = async (label: string, count: number, run: () => Promise<unknown>): Promise<void> => {
  const start = process.hrtime.bigint();
  await run();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(
    `${label}: ${count} mails in ${ms.toFixed(0)} ms = ${(ms / count).toFixed(2)} ms/mail, ${Math.round((count * 1000) / ms)} mails/s`,
  );
};

const main = async (): Promise<void> => {
  if (process.argv.includes('--nagle'))
    Socket.prototype.setNoDelay = function (this: Socket) {
      return this;
    };
  const sink = new MailSink({ maxStoredMessages: 100 });
  const { smtpUrl } = await sink.start({ smtpPort: 0 });
  const one = new SmtpEmailTransport({ url: smtpUrl, maxConnections: 1 });
  const five = new SmtpEmailTransport({ url: smtpUrl, maxConnections: 5 });
  await one.send(mail(0)); // connect and warm up outside the timing
  await Promise.all([1, 2, 3, 4, 5].map((n) => five.send(mail(n))));

  await timed('sequential, 1 connection', 50, async () => {
    for (let i = 0; i < 50; i++) await one.send(mail(i));
  });
  await timed('concurrent, 5 connections', 2000, () =>
    Promise.all(Array.from({ length: 2000 }, (_, i) => five.send(mail(i)))),
  );
  one.close();
  five.close();
  await sink.stop();
};

void main();
