import { startStack, type Stack } from '../support/stack';

const template = (subject: string) => ({ name: subject, subject, html: `<p>${subject}</p>` });

/** On `Newsletter Opened`: customers who bought mascara in the last 30 days hear about brushes, others about mascara. */
const historyJourney = {
  name: 'Mascara or brushes',
  nodes: [
    { id: 'opened', kind: 'event-trigger', config: { event: 'Newsletter Opened' } },
    {
      id: 'bought-mascara',
      kind: 'event-history-condition',
      config: {
        event: 'Order Completed',
        where: [{ path: 'products.category', operator: 'contains', value: 'mascara' }],
        withinDays: 30,
        comparison: 'at-least',
        count: 1,
      },
    },
    { id: 'brushes', kind: 'send-email', config: { template: 'brushes' } },
    { id: 'mascara', kind: 'send-email', config: { template: 'mascara' } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'opened', output: 'next', to: 'bought-mascara' },
    { from: 'bought-mascara', output: 'yes', to: 'brushes' },
    { from: 'bought-mascara', output: 'no', to: 'mascara' },
    { from: 'brushes', output: 'next', to: 'done' },
    { from: 'mascara', output: 'next', to: 'done' },
  ],
};

/** `Signed Up` -> wait N days -> welcome email. */
const welcome = (days: number) => ({
  name: 'Welcome',
  nodes: [
    { id: 'signed-up', kind: 'event-trigger', config: { event: 'Signed Up' } },
    { id: 'wait', kind: 'wait-delay', config: { amount: days, unit: 'days' } },
    { id: 'welcome', kind: 'send-email', config: { template: days === 1 ? 'welcome-v1' : 'welcome-v2' } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'signed-up', output: 'next', to: 'wait' },
    { from: 'wait', output: 'next', to: 'welcome' },
    { from: 'welcome', output: 'next', to: 'done' },
  ],
});

describe('event history conditions and journey versions', () => {
  let stack: Stack;
  let seq = 0;

  const track = (userId: string, event: string, properties: Record<string, unknown> = {}) => {
    seq += 1;
    return stack.track('/v1/track', { userId, event, properties, messageId: `${userId}-${seq}` });
  };
  const subjectsTo = (userId: string) =>
    stack.mail
      .messages()
      .filter((mail) => mail.to.includes(`${userId}@example.com`))
      .map((mail) => mail.subject);

  beforeAll(async () => {
    stack = await startStack({ label: 'history' });
    for (const key of ['brushes', 'mascara', 'welcome-v1', 'welcome-v2']) {
      await stack.request('PUT', `/api/templates/${key}`, template(key));
    }
    const created = await stack.request('POST', '/api/journeys', historyJourney);
    expect((await stack.request('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);
    for (const userId of ['mia', 'noa', 'oli', 'v1', 'v2']) {
      await stack.track('/v1/identify', {
        userId,
        messageId: `id-${userId}`,
        traits: { email: `${userId}@example.com` },
      });
    }
  });

  afterAll(() => stack?.stop());

  it('should branch on what the customer bought in the last 30 days when the step runs', async () => {
    await track('mia', 'Order Completed', { products: [{ id: 'm1', category: 'mascara' }] });
    await track('noa', 'Order Completed', { products: [{ id: 'l1', category: 'lipstick' }] });
    await track('oli', 'Order Completed', { products: [{ id: 'm1', category: 'mascara' }] });
    await stack.advanceClock('P31D');
    await track('mia', 'Order Completed', { products: [{ id: 'm2', category: 'mascara' }] });

    for (const userId of ['mia', 'noa', 'oli']) await track(userId, 'Newsletter Opened');
    await stack.advanceClock('PT1M');

    expect(subjectsTo('mia')).toEqual(['brushes']);
    expect(subjectsTo('noa')).toEqual(['mascara']);
    // Oli's mascara was bought 31 days ago: outside the window.
    expect(subjectsTo('oli')).toEqual(['mascara']);
  });

  it('should keep a waiting customer on the version they entered when a new version is published', async () => {
    const created = await stack.request('POST', '/api/journeys', welcome(1));
    const id = created.body.id;
    await stack.request('POST', `/api/journeys/${id}/publish`);
    await track('v1', 'Signed Up');

    expect((await stack.request('PUT', `/api/journeys/${id}`, welcome(3))).status).toBe(200);
    expect((await stack.request('POST', `/api/journeys/${id}/publish`)).body.version.version).toBe(2);
    await track('v2', 'Signed Up');

    await stack.advanceClock('P1D');
    expect(subjectsTo('v1')).toEqual(['welcome-v1']);
    expect(subjectsTo('v2')).toEqual([]);
    await stack.advanceClock('P2D');
    expect(subjectsTo('v2')).toEqual(['welcome-v2']);
    expect(subjectsTo('v1')).toEqual(['welcome-v1']);
  });
});
