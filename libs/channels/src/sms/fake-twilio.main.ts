// Local Twilio stand-in for development: `npm start` runs it so SMS sends work without an account.
// Every message with a StatusCallback gets a signed `delivered` callback right away.
import { FakeTwilio } from './fake-twilio.server';

const port = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535)
    throw new Error(`${name} must be a port number, got "${raw}"`);
  return value;
};

const main = async (): Promise<void> => {
  const fake = new FakeTwilio({
    ...(process.env['SMS_FAKE_ACCOUNT_SID'] ? { accountSid: process.env['SMS_FAKE_ACCOUNT_SID'] } : {}),
    ...(process.env['SMS_FAKE_AUTH_TOKEN'] ? { authToken: process.env['SMS_FAKE_AUTH_TOKEN'] } : {}),
    autoDeliver: true,
  });
  const urls = await fake.start({
    port: port('SMS_FAKE_PORT', 4010),
    host: process.env['SMS_FAKE_HOST'] || '127.0.0.1',
  });
  // The URL minus the token: credentials are never printed.
  const shown = urls.twilioUrl.replace(/:[^:@/]*@/, ':***@');
  console.log(`fake twilio: ${shown}  (token from SMS_FAKE_AUTH_TOKEN, default fake-auth-token)`);
  const shutdown = () => void fake.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
