import { FakeTwilio, WebhookReceiver, verifyWebhook } from '@rapport/channels';
import { startStack, type Stack } from '../support/stack';

const alertJourney = (webhookUrl: string) => ({
  name: 'Alert',
  nodes: [
    { id: 'silent', kind: 'event-trigger', config: { event: 'Went Quiet' } },
    { id: 'text', kind: 'send-sms', config: { text: 'Hi {{firstName}}, we miss you' } },
    { id: 'team', kind: 'call-webhook', config: { url: webhookUrl, topic: 'team.alert' } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'silent', output: 'next', to: 'text' },
    { from: 'text', output: 'next', to: 'team' },
    { from: 'team', output: 'next', to: 'done' },
  ],
});

const nudgeJourney = {
  name: 'Nudge',
  nodes: [
    { id: 'browsed', kind: 'event-trigger', config: { event: 'Browsed' } },
    { id: 'nudge', kind: 'send-preferred', config: { template: 'nudge', text: 'Still thinking, {{firstName}}?' } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'browsed', output: 'next', to: 'nudge' },
    { from: 'nudge', output: 'next', to: 'done' },
  ],
};

describe('SMS and outgoing webhooks', () => {
  let stack: Stack;
  const twilio = new FakeTwilio();
  const receiver = new WebhookReceiver();
  let seq = 0;

  const identify = (userId: string, traits: Record<string, unknown>) =>
    stack.track('/v1/identify', { userId, messageId: `id-${userId}`, traits: { firstName: userId, ...traits } });
  const quiet = (userId: string) => {
    seq += 1;
    return stack.track('/v1/track', { userId, event: 'Went Quiet', messageId: `quiet-${userId}-${seq}` });
  };
  // Both are written by the same step: order them by channel (sms, webhook) for the assertions.
  const deliveriesOf = async (userId: string) =>
    (
      (await stack.request('GET', `/api/customers/by-external-id/${userId}/timeline`)).body.enrollments[0]
        .deliveries as { channel: string }[]
    ).sort((a, b) => a.channel.localeCompare(b.channel));

  beforeAll(async () => {
    const sms = await twilio.start();
    const hook = await receiver.start();
    stack = await startStack({ label: 'smshook', env: { SMS_URL: `${sms.twilioUrl}?from=%2B15550001111` } });
    await stack.request('PUT', '/api/settings/delivery-rules', { allowPrivateWebhooks: true });
    const created = await stack.request('POST', '/api/journeys', alertJourney(`${hook.url}/alerts`));
    expect((await stack.request('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);
    await stack.request('PUT', '/api/templates/nudge', {
      name: 'Nudge',
      subject: 'Still thinking?',
      html: '<p>Hi</p>',
    });
    const nudge = await stack.request('POST', '/api/journeys', nudgeJourney);
    expect((await stack.request('POST', `/api/journeys/${nudge.body.id}/publish`)).status).toBe(201);
  });

  afterAll(async () => {
    await stack?.stop();
    await twilio.stop();
    await receiver.stop();
  });

  beforeEach(() => {
    twilio.clear();
    receiver.clear();
  });

  it('should text a consenting customer and alert the team with a signed webhook', async () => {
    await identify('ada', { phone: '+447700900123', sms_consent: true, email: 'ada@example.com' });
    await quiet('ada');
    await stack.advanceClock('PT1M');

    expect(twilio.messages()).toMatchObject([
      { to: '+447700900123', from: '+15550001111', body: 'Hi ada, we miss you' },
    ]);
    const [alert] = receiver.requests();
    expect(alert?.body).toMatchObject({ type: 'team.alert', data: { customer: { externalId: 'ada' } } });
    const secret = (await stack.request('GET', '/api/settings/webhook-secret')).body.secret;
    expect(
      verifyWebhook({
        headers: alert!.headers,
        body: alert!.rawBody,
        secrets: [secret],
        now: new Date('2026-06-01T09:00:30Z'),
      }),
    ).toEqual({
      ok: true,
    });
    expect(await deliveriesOf('ada')).toMatchObject([
      { channel: 'sms', status: 'sent' },
      { channel: 'webhook', status: 'sent' },
    ]);
  });

  it('should not text a customer without SMS consent, and say so', async () => {
    await identify('bob', { phone: '+447700900456' });
    await quiet('bob');
    await stack.advanceClock('PT1M');

    expect(twilio.messages()).toEqual([]);
    expect(await deliveriesOf('bob')).toMatchObject([
      { channel: 'sms', status: 'suppressed', reason: 'no sms consent' },
      { channel: 'webhook', status: 'sent' },
    ]);
  });

  it('should send one SMS when the provider fails after storing it, and wait as the receiver asks on a 503', async () => {
    await identify('cat', { phone: '+447700900789', sms_consent: true });
    twilio.failNext(1, { status: 500, storeFirst: true });
    receiver.script({ status: 503, headers: { 'retry-after': '120' } });
    await quiet('cat');
    await stack.advanceClock('PT1M');

    expect(receiver.requests()).toHaveLength(1);
    expect(await deliveriesOf('cat')).toMatchObject([{ channel: 'sms' }, { channel: 'webhook', status: 'pending' }]);
    await stack.advanceClock('PT2M');

    expect(twilio.messages().filter((message) => message.to === '+447700900789')).toHaveLength(1);
    const calls = receiver.requests();
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers['webhook-id']).toBe(calls[0]?.headers['webhook-id']);
    expect(await deliveriesOf('cat')).toMatchObject([
      { channel: 'sms', status: 'sent' },
      { channel: 'webhook', status: 'sent' },
    ]);
  });

  it('should refuse a private address when the workspace has not allowed it, without retrying', async () => {
    await stack.request('PUT', '/api/settings/delivery-rules', { allowPrivateWebhooks: false });
    await identify('dan', { phone: '+447700900999', sms_consent: true });
    await quiet('dan');
    await stack.advanceClock('PT1M');

    expect(receiver.requests()).toEqual([]);
    expect(await deliveriesOf('dan')).toMatchObject([
      { channel: 'sms', status: 'sent' },
      { channel: 'webhook', status: 'failed', error: expect.stringMatching(/private|loopback|blocked/i) },
    ]);
  });

  it('should nudge on the preferred channel when the customer accepts it, else on the other', async () => {
    await identify('sam', {
      phone: '+447700900111',
      sms_consent: true,
      email: 'sam@example.com',
      preferred_channel: 'sms',
    });
    await identify('tia', { phone: '+447700900222', email: 'tia@example.com', preferred_channel: 'sms' });
    await identify('uli', {
      phone: '+447700900333',
      sms_consent: true,
      email: 'uli@example.com',
      preferred_channel: 'email',
    });
    for (const userId of ['sam', 'tia', 'uli']) {
      await stack.track('/v1/track', { userId, event: 'Browsed', messageId: `browsed-${userId}` });
    }
    await stack.advanceClock('PT1M');

    expect(twilio.messages().map((message) => [message.to, message.body])).toEqual([
      ['+447700900111', 'Still thinking, sam?'],
    ]);
    const emailed = stack.mail
      .messages()
      .map((mail) => mail.to[0])
      .sort();
    expect(emailed).toEqual(['tia@example.com', 'uli@example.com']);
  });

  it('should record the provider delivery status from a signed callback, and refuse a forged one', async () => {
    await identify('eve', { phone: '+447700900444', sms_consent: true });
    await quiet('eve');
    await stack.advanceClock('PT1M');
    const [sms] = twilio.messages();

    expect((await twilio.deliver(sms!.sid))?.status).toBe(204);
    expect((await deliveriesOf('eve'))[0]).toMatchObject({ channel: 'sms', providerStatus: 'delivered' });

    const forged = await fetch(`${stack.apiUrl}/webhooks/sms/twilio`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': 'bm90LXJlYWw=' },
      body: new URLSearchParams({ MessageSid: sms!.sid, MessageStatus: 'failed' }).toString(),
    });
    expect(forged.status).toBe(401);
    expect((await deliveriesOf('eve'))[0]).toMatchObject({ providerStatus: 'delivered' });
  });
});
