import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { inspect } from 'node:util';
import { FakeTwilio } from './fake-twilio.server';
import type { OutgoingSms } from './sms-provider';
import { SmsSendError } from './sms-send.error';
import { TwilioSmsProvider } from './twilio-sms.provider';

const sms = (overrides: Partial<OutgoingSms> = {}): OutgoingSms => ({
  to: '+447700900123',
  from: '+15550001111',
  body: 'Happy birthday Ada! Your code: BDAY-42',
  idempotencyKey: 'delivery-1',
  ...overrides,
});

const sendError = async (promise: Promise<unknown>): Promise<SmsSendError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SmsSendError);
  return error as SmsSendError;
};

const listen = async (server: Server | ReturnType<typeof createNetServer>): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

describe('TwilioSmsProvider', () => {
  const fake = new FakeTwilio({ authToken: 'secret-token-123' });
  let twilioUrl: string;
  let sut: TwilioSmsProvider;

  beforeAll(async () => {
    ({ twilioUrl } = await fake.start());
  });
  beforeEach(() => {
    fake.clear();
    sut = new TwilioSmsProvider({ url: twilioUrl });
  });
  afterAll(() => fake.stop());

  it('should send the message and return the Twilio sid when the API accepts it', async () => {
    const result = await sut.send(sms({ statusCallbackUrl: 'http://127.0.0.1:9/sms/status?d=1' }));

    expect(result).toEqual({ providerMessageId: expect.stringMatching(/^SM[0-9a-f]{32}$/), status: 'queued' });
    expect(fake.messages()).toEqual([
      expect.objectContaining({
        sid: result.providerMessageId,
        to: '+447700900123',
        from: '+15550001111',
        body: 'Happy birthday Ada! Your code: BDAY-42',
        statusCallback: 'http://127.0.0.1:9/sms/status?d=1',
        idempotencyToken: 'delivery-1',
      }),
    ]);
  });

  it('should use the URL sender when the message has no from', async () => {
    const withFrom = new TwilioSmsProvider({ url: `${twilioUrl}?from=+15559990000` });

    await withFrom.send(sms({ from: '' }));

    expect(withFrom.defaultFrom).toBe('+15559990000');
    expect(fake.messages()[0]?.from).toBe('+15559990000');
  });

  it('should store one message when the same idempotency key is sent twice', async () => {
    const first = await sut.send(sms());
    const second = await sut.send(sms());

    expect(second.providerMessageId).toBe(first.providerMessageId);
    expect(fake.messages()).toHaveLength(1);
  });

  it('should classify a 500 as retryable and succeed on the retry when the API recovers', async () => {
    fake.failNext(1, 500);

    const error = await sendError(sut.send(sms()));
    const retried = await sut.send(sms());

    expect(error).toMatchObject({ kind: 'retryable', status: 500, code: 20500, mayHaveBeenSent: true });
    expect(fake.messages().map((m) => m.sid)).toEqual([retried.providerMessageId]);
  });

  it('should not duplicate the message when a 500 came after Twilio stored it and the send is retried', async () => {
    fake.failNext(1, { status: 500, storeFirst: true });

    await sendError(sut.send(sms()));
    const retried = await sut.send(sms());

    expect(fake.messages().map((m) => m.sid)).toEqual([retried.providerMessageId]);
  });

  it('should classify a 429 as retryable and not sent when Twilio throttles', async () => {
    fake.failNext(1, 429);

    const error = await sendError(sut.send(sms()));

    expect(error).toMatchObject({ kind: 'retryable', status: 429, code: 20429, mayHaveBeenSent: false });
  });

  it('should classify a 400 as permanent and keep the Twilio code when the request is refused', async () => {
    fake.failNext(1, { status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' });

    const error = await sendError(sut.send(sms()));

    expect(error).toMatchObject({ kind: 'permanent', status: 400, code: 21610 });
    expect(error.message).toBe('Twilio 400 (code 21610): Attempt to send to unsubscribed recipient');
  });

  it('should classify an invalid number as permanent with code 21211 when Twilio validates it', async () => {
    const error = await sendError(sut.send(sms({ to: '07700 900123' })));

    expect(error).toMatchObject({ kind: 'permanent', status: 400, code: 21211 });
    expect(fake.messages()).toHaveLength(0);
  });

  it('should fail permanently with 401 and never echo the token when the credentials are wrong', async () => {
    const wrong = new TwilioSmsProvider({ url: twilioUrl.replace('secret-token-123', 'guessed-token-999') });

    const error = await sendError(wrong.send(sms()));

    expect(error).toMatchObject({ kind: 'permanent', status: 401, code: 20003 });
    expect(`${error.message} ${inspect(error)}`).not.toContain('guessed-token-999');
    expect(fake.messages()).toHaveLength(0);
  });

  it('should keep the auth token out of inspect and JSON output when the provider is logged', () => {
    expect(inspect(sut, { depth: 5 })).not.toContain('secret-token-123');
    expect(JSON.stringify(sut)).not.toContain('secret-token-123');
    expect(sut.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('should resolve verify when the credentials are right and reject permanently when they are wrong', async () => {
    const wrong = new TwilioSmsProvider({ url: twilioUrl.replace('secret-token-123', 'nope') });

    await expect(sut.verify()).resolves.toBeUndefined();
    expect(await sendError(wrong.verify())).toMatchObject({ kind: 'permanent', status: 401 });
  });

  it('should classify a refused connection as retryable and not sent when nothing listens', async () => {
    const probe = createNetServer();
    const port = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    const down = new TwilioSmsProvider({ url: `twilio+http://AC1:tok@127.0.0.1:${port}` });

    const error = await sendError(down.send(sms()));

    expect(error).toMatchObject({ kind: 'retryable', mayHaveBeenSent: false });
    expect(error.message).toBe('Twilio request failed: ECONNREFUSED');
  });

  it('should classify a timeout as retryable and maybe sent when the server never answers', async () => {
    const sockets = new Set<Socket>();
    const blackHole = createNetServer((socket) => sockets.add(socket));
    const port = await listen(blackHole);
    const slow = new TwilioSmsProvider({ url: `twilio+http://AC1:tok@127.0.0.1:${port}`, timeoutMs: 100 });

    const error = await sendError(slow.send(sms()));

    expect(error).toMatchObject({ kind: 'retryable', mayHaveBeenSent: true, message: 'Twilio request timed out' });
    sockets.forEach((s) => s.destroy());
    await new Promise((resolve) => blackHole.close(resolve));
  });

  it.each([
    ['an http scheme', 'http://AC1:tok@127.0.0.1:1', 'scheme must be twilio:// or twilio+http://'],
    ['plain HTTP to a remote host', 'twilio+http://AC1:sekrit@api.twilio.com', 'only allowed for loopback hosts'],
    ['no auth token', 'twilio://AC1@api.twilio.com', 'account SID and auth token are required'],
    ['no host', 'twilio://AC1:sekrit@', 'expected twilio://'],
  ])('should refuse the URL without echoing it when it has %s', (_case, url, reason) => {
    const act = () => new TwilioSmsProvider({ url });

    expect(act).toThrow(SmsSendError);
    expect(act).toThrow(reason);
    expect(act).not.toThrow(/sekrit/);
  });

  describe('status callbacks', () => {
    let receiver: Server;
    let callbackUrl: string;
    const received: { url: string; params: Record<string, string>; signature: string | string[] | undefined }[] = [];

    beforeAll(async () => {
      receiver = createHttpServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
          const signature = req.headers['x-twilio-signature'];
          const url = `${callbackUrl.split('/sms')[0]}${req.url}`;
          received.push({ url, params, signature });
          res.writeHead(sut.verifyStatusCallback({ url, params, signature }) ? 204 : 403).end();
        });
      });
      callbackUrl = `http://127.0.0.1:${await listen(receiver)}/sms/status?delivery=d-1`;
    });
    beforeEach(() => {
      received.length = 0;
    });
    const firstCallback = () => {
      const first = received[0];
      if (!first) throw new Error('no status callback received');
      return first;
    };
    afterAll(() => new Promise((resolve) => receiver.close(resolve)));

    it('should accept the signed delivered callback when the fake delivers the message', async () => {
      const { providerMessageId } = await sut.send(sms({ statusCallbackUrl: callbackUrl }));

      const reply = await fake.deliver(providerMessageId);

      expect(reply).toEqual({ status: 204 });
      expect(received[0]?.params).toMatchObject({ MessageSid: providerMessageId, MessageStatus: 'delivered' });
    });

    it('should reject the callback when a parameter was tampered with', async () => {
      const { providerMessageId } = await sut.send(sms({ statusCallbackUrl: callbackUrl }));
      await fake.deliver(providerMessageId);
      const { url, params, signature } = firstCallback();

      const accepted = sut.verifyStatusCallback({ url, params: { ...params, MessageStatus: 'failed' }, signature });

      expect(accepted).toBe(false);
    });

    it('should reject without throwing when the signature has the wrong length', async () => {
      const { providerMessageId } = await sut.send(sms({ statusCallbackUrl: callbackUrl }));
      await fake.deliver(providerMessageId);
      const { url, params } = firstCallback();

      expect(sut.verifyStatusCallback({ url, params, signature: 'c2hvcnQ=' })).toBe(false);
    });

    it('should reject the callback when it was signed with another account token', async () => {
      const other = new FakeTwilio({ authToken: 'another-token' });
      const { twilioUrl: otherUrl } = await other.start();
      const { providerMessageId } = await new TwilioSmsProvider({ url: otherUrl }).send(
        sms({ statusCallbackUrl: callbackUrl }),
      );

      const reply = await other.deliver(providerMessageId);
      await other.stop();

      expect(reply).toEqual({ status: 403 });
    });
  });
});
