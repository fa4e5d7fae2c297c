import { startStack, type Stack } from '../support/stack';

/** `Visited` -> email `hello`; `Bought` -> transactional email `receipt`; `Rewarded` -> set tier = gold -> email `gold`. */
const journeys = [
  {
    name: 'Hello',
    nodes: [
      { id: 'visited', kind: 'event-trigger', config: { event: 'Visited' } },
      { id: 'hello', kind: 'send-email', config: { template: 'hello' } },
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [
      { from: 'visited', output: 'next', to: 'hello' },
      { from: 'hello', output: 'next', to: 'done' },
    ],
  },
  {
    name: 'Receipt',
    nodes: [
      { id: 'bought', kind: 'event-trigger', config: { event: 'Bought' } },
      { id: 'receipt', kind: 'send-email', config: { template: 'receipt', transactional: true } },
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [
      { from: 'bought', output: 'next', to: 'receipt' },
      { from: 'receipt', output: 'next', to: 'done' },
    ],
  },
  {
    name: 'Gold',
    nodes: [
      { id: 'rewarded', kind: 'event-trigger', config: { event: 'Rewarded' } },
      { id: 'promote', kind: 'update-attribute', config: { attribute: 'tier', operation: 'set', value: 'gold' } },
      {
        id: 'points',
        kind: 'update-attribute',
        config: { attribute: 'loyalty_points', operation: 'increment', value: 500 },
      },
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [
      { from: 'rewarded', output: 'next', to: 'promote' },
      { from: 'promote', output: 'next', to: 'points' },
      { from: 'points', output: 'next', to: 'done' },
    ],
  },
  {
    name: 'Points over 1000',
    nodes: [
      {
        id: 'crossed',
        kind: 'threshold-trigger',
        config: { attribute: 'loyalty_points', threshold: 1000, direction: 'up' },
      },
      { id: 'congrats', kind: 'send-email', config: { template: 'congrats' } },
      { id: 'done', kind: 'exit', config: {} },
    ],
    edges: [
      { from: 'crossed', output: 'next', to: 'congrats' },
      { from: 'congrats', output: 'next', to: 'done' },
    ],
  },
];

describe('delivery rules and attribute updates', () => {
  let stack: Stack;
  let seq = 0;
  const track = (userId: string, event: string) => {
    seq += 1;
    return stack.track('/v1/track', { userId, event, messageId: `${userId}-${event}-${seq}` });
  };
  const identify = (userId: string, traits: Record<string, unknown> = {}) => {
    seq += 1;
    return stack.track('/v1/identify', {
      userId,
      messageId: `id-${userId}-${seq}`,
      traits: { email: `${userId}@example.com`, timezone: 'Europe/Paris', ...traits },
    });
  };
  const subjectsTo = (userId: string) =>
    stack.mail
      .messages()
      .filter((mail) => mail.to.includes(`${userId}@example.com`))
      .map((mail) => mail.subject);
  const deliveries = async (userId: string) =>
    (await stack.request('GET', `/api/customers/by-external-id/${userId}/timeline`)).body.enrollments.flatMap(
      (enrollment: { deliveries: unknown[] }) => enrollment.deliveries,
    );

  /** The delivery lines of a customer's timeline, as a reader in that language sees them. */
  const deliveryLines = async (userId: string, language: 'en' | 'zh-CN') => {
    const response = await fetch(`${stack.apiUrl}/api/customers/by-external-id/${userId}/timeline`, {
      headers: { authorization: `Bearer ${stack.apiKey}`, 'accept-language': language },
    });
    const body = await response.json();
    return body.enrollments
      .flatMap((enrollment: { steps: { code: string; message: string }[] }) => enrollment.steps)
      .filter((step: { code: string }) => step.code.startsWith('delivery.'))
      .map((step: { message: string }) => step.message);
  };

  beforeAll(async () => {
    // 10:00 in Paris.
    stack = await startStack({ label: 'rules', clockStart: '2026-06-01T08:00:00Z' });
    for (const key of ['hello', 'receipt', 'congrats']) {
      await stack.request('PUT', `/api/templates/${key}`, { name: key, subject: key, html: `<p>${key}</p>` });
    }
    for (const journey of journeys) {
      const created = await stack.request('POST', '/api/journeys', journey);
      expect((await stack.request('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);
    }
    const rules = await stack.request('PUT', '/api/settings/delivery-rules', {
      quietHours: { email: { from: '21:00', to: '09:00' } },
      frequencyCaps: { email: { max: 2, days: 7, overCap: 'suppress' } },
    });
    expect(rules.status).toBe(200);
  });

  afterAll(() => stack?.stop());

  it('should refuse delivery rules that make no sense with a 400 naming the field', async () => {
    const sut = await stack.request('PUT', '/api/settings/delivery-rules', {
      quietHours: { sms: { from: '25:00', to: '09:00' } },
    });
    expect(sut.status).toBe(400);
    expect(sut.body.error.issues[0].path).toEqual(['quietHours', 'sms', 'from']);
  });

  it('should not email a customer who withdrew email consent, and say why', async () => {
    await identify('nope', { email_consent: false });
    await track('nope', 'Visited');
    await stack.advanceClock('PT1M');

    expect(subjectsTo('nope')).toEqual([]);
    expect(await deliveries('nope')).toMatchObject([
      { status: 'suppressed', reason: expect.stringContaining('withdrew email consent') },
    ]);
    expect(await deliveryLines('nope', 'zh-CN')).toEqual(['邮件“hello”未发送：客户已撤回邮件同意（身份识别）。']);
    expect(await deliveryLines('nope', 'en')).toEqual([
      'Email "hello" not sent: the customer withdrew email consent (identify call).',
    ]);
  });

  it('should hold an email during quiet hours and send it at their end in the customer zone', async () => {
    await identify('night');
    await stack.request('POST', '/api/test-clock', { now: '2026-06-01T21:30:00Z' }); // 23:30 in Paris
    await track('night', 'Visited');
    await stack.advanceClock('PT1M');
    expect(subjectsTo('night')).toEqual([]);
    expect(await deliveries('night')).toMatchObject([{ status: 'pending', reason: 'quiet hours' }]);
    // The workspace's zone (UTC) words the moment; the rule is worded in the reader's language.
    expect(await deliveryLines('night', 'zh-CN')).toEqual([
      '邮件“hello”暂缓发送（免打扰时段），直到 2026年6月2日 UTC 07:00。',
    ]);

    await stack.request('POST', '/api/test-clock', { now: '2026-06-02T06:59:00Z' });
    expect(subjectsTo('night')).toEqual([]);
    await stack.request('POST', '/api/test-clock', { now: '2026-06-02T07:00:00Z' }); // 09:00 in Paris
    expect(subjectsTo('night')).toEqual(['hello']);
  });

  it('should suppress the third marketing email in 7 days but never a transactional one', async () => {
    await identify('busy');
    for (let i = 0; i < 3; i += 1) await track('busy', 'Visited');
    await track('busy', 'Bought');
    await stack.advanceClock('PT1M');

    expect(subjectsTo('busy').sort()).toEqual(['hello', 'hello', 'receipt']);
    const suppressed = (await deliveries('busy')).filter((d: { status: string }) => d.status === 'suppressed');
    expect(suppressed).toMatchObject([{ reason: expect.stringContaining('frequency cap') }]);
    expect(await deliveryLines('busy', 'zh-CN')).toEqual(['邮件“hello”未发送：频率上限：7 天内已发送 2 条邮件。']);
    expect(await deliveryLines('busy', 'en')).toEqual([
      'Email "hello" not sent: frequency cap: 2 email messages in 7 days.',
    ]);
  });

  it('should set the tier and add points in the journey, and let the crossing start another journey', async () => {
    await identify('vip', { loyalty_points: 700 });
    await track('vip', 'Rewarded');
    await stack.advanceClock('PT1M');

    const customer = await stack.request('GET', '/api/customers/by-external-id/vip');
    expect(customer.body.attributes).toMatchObject({ tier: 'gold', loyalty_points: 1200 });
    expect(subjectsTo('vip')).toEqual(['congrats']);
  });
});
