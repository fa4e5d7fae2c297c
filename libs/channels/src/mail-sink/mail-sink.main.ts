// Local mail viewer for development: `npm start` runs it so sent mail can be read in a browser.
import { MailSink } from './mail-sink';

const port = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
};

const main = async (): Promise<void> => {
  const sink = new MailSink();
  const urls = await sink.start({
    smtpPort: port('MAIL_SMTP_PORT', 1025),
    httpPort: port('MAIL_VIEWER_PORT', 8025),
    host: process.env['MAIL_SINK_HOST'] || '127.0.0.1',
  });
  console.log(`mail sink: SMTP ${urls.smtpUrl}  viewer ${urls.httpUrl}`);
  const shutdown = () => void sink.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
