import { startStack, type Stack } from '../support/stack';

// Every Monday at 09:00 in each customer's own zone, everyone gets the weekly digest.
const digestJourney = {
  name: 'Weekly digest',
  nodes: [
    {
      id: 'monday',
      kind: 'schedule-trigger',
      config: { audience: 'all', schedule: { kind: 'weekly', days: [1], time: '09:00' } },
    },
    { id: 'digest', kind: 'send-email', config: { template: 'digest' } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'monday', output: 'next', to: 'digest' },
    { from: 'digest', output: 'next', to: 'done' },
  ],
};

describe('schedule trigger', () => {
  let stack: Stack;
  const mailsTo = (userId: string) => stack.mail.messages().filter((mail) => mail.to.includes(`${userId}@example.com`));
  const setClock = (now: string) => stack.request('POST', '/api/test-clock', { now });

  beforeAll(async () => {
    // Wednesday 2026-06-03.
    stack = await startStack({ label: 'schedule', clockStart: '2026-06-03T12:00:00Z' });
    await stack.request('PUT', '/api/templates/digest', { name: 'Digest', subject: 'Your week', html: '<p>News</p>' });
    await stack.track('/v1/identify', {
      userId: 'paris',
      messageId: 'id-paris',
      traits: { email: 'paris@example.com', timezone: 'Europe/Paris' },
    });
    const created = await stack.request('POST', '/api/journeys', digestJourney);
    expect((await stack.request('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);
    await stack.advanceClock('PT1M');
  });

  afterAll(() => stack?.stop());

  it('should send the digest every Monday at 09:00 local, to customers known before and after publishing', async () => {
    await stack.track('/v1/identify', {
      userId: 'ny',
      messageId: 'id-ny',
      traits: { email: 'ny@example.com', timezone: 'America/New_York' },
    });

    // Monday 8 June: 09:00 in Paris is 07:00 UTC, in New York 13:00 UTC.
    await setClock('2026-06-08T06:59:00Z');
    expect(mailsTo('paris')).toHaveLength(0);
    await setClock('2026-06-08T07:00:00Z');
    expect(mailsTo('paris')).toHaveLength(1);
    expect(mailsTo('ny')).toHaveLength(0);
    await setClock('2026-06-08T13:00:00Z');
    expect(mailsTo('ny')).toHaveLength(1);

    await setClock('2026-06-15T13:00:00Z');
    expect(mailsTo('paris')).toHaveLength(2);
    expect(mailsTo('ny')).toHaveLength(2);
  });
});
