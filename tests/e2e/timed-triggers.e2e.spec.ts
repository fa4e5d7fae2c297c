import { startStack, type Stack } from '../support/stack';

const birthdayJourney = {
  name: 'Birthday greeting',
  nodes: [
    {
      id: 'birthday',
      kind: 'date-trigger',
      config: { attribute: 'birthday', offset: { amount: -3, unit: 'days' }, atTime: '10:00', recurrence: 'yearly', ifPast: 'skip' },
    },
    { id: 'greet', kind: 'send-email', config: { template: 'birthday' } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'birthday', output: 'next', to: 'greet' },
    { from: 'greet', output: 'next', to: 'done' },
  ],
  settings: { entry: { mode: 'once-per-period', period: { amount: 1, unit: 'years' } } },
};

const loyaltyJourney = {
  name: 'Loyalty 1000',
  nodes: [
    { id: 'crossed', kind: 'threshold-trigger', config: { attribute: 'loyalty_points', threshold: 1000, direction: 'up' } },
    { id: 'congrats', kind: 'send-email', config: { template: 'gold' } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'crossed', output: 'next', to: 'congrats' },
    { from: 'congrats', output: 'next', to: 'done' },
  ],
};

describe('date and threshold triggers', () => {
  let stack: Stack;

  const identify = (userId: string, traits: Record<string, unknown>, messageId: string) =>
    stack.track('/v1/identify', { userId, messageId, traits: { email: `${userId}@example.com`, ...traits } });

  const mailsTo = (userId: string) => stack.mail.messages().filter((mail) => mail.to.includes(`${userId}@example.com`));

  beforeAll(async () => {
    // Monday 2026-06-01 09:00 UTC.
    stack = await startStack({ label: 'timed', clockStart: '2026-06-01T09:00:00Z' });
    await stack.request('PUT', '/api/templates/birthday', { name: 'Birthday', subject: 'Happy birthday {{firstName}}', html: '<p>Hi</p>' });
    await stack.request('PUT', '/api/templates/gold', { name: 'Gold', subject: 'Welcome to gold', html: '<p>Gold</p>' });
    // Known before publishing: the publish job schedules her. Paris is UTC+2 in June.
    await identify('early', { firstName: 'Early', birthday: '1990-06-10', timezone: 'Europe/Paris' }, 'early-1');
    for (const journey of [birthdayJourney, loyaltyJourney]) {
      const created = await stack.request('POST', '/api/journeys', journey);
      expect((await stack.request('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);
    }
    await stack.advanceClock('PT1M');
  });

  afterAll(() => stack?.stop());

  it('should greet 3 days before the birthday at 10:00 in the customer zone, and again a year later only', async () => {
    // Identified after publishing: the profile change schedules him. Tokyo is UTC+9.
    await identify('late', { firstName: 'Late', birthday: '2001-06-10', timezone: 'Asia/Tokyo' }, 'late-1');

    await stack.request('POST', '/api/test-clock', { now: '2026-06-07T00:59:00Z' });
    expect(mailsTo('late')).toHaveLength(0);
    await stack.request('POST', '/api/test-clock', { now: '2026-06-07T01:00:00Z' });
    expect(mailsTo('late').map((mail) => mail.subject)).toEqual(['Happy birthday Late']);

    await stack.request('POST', '/api/test-clock', { now: '2026-06-07T07:59:00Z' });
    expect(mailsTo('early')).toHaveLength(0);
    await stack.request('POST', '/api/test-clock', { now: '2026-06-07T08:00:00Z' });
    expect(mailsTo('early').map((mail) => mail.subject)).toEqual(['Happy birthday Early']);

    await stack.advanceClock('P300D');
    expect(mailsTo('early')).toHaveLength(1);
    await stack.request('POST', '/api/test-clock', { now: '2027-06-07T08:00:00Z' });
    expect(mailsTo('early')).toHaveLength(2);
  });

  it('should move the greeting when the birthday is corrected', async () => {
    await identify('fix', { firstName: 'Fix', birthday: '1985-12-25', timezone: 'UTC' }, 'fix-1');
    await identify('fix', { birthday: '1985-08-01' }, 'fix-2');
    const before = mailsTo('fix').length;

    await stack.request('POST', '/api/test-clock', { now: '2027-07-29T10:00:00Z' });

    expect(mailsTo('fix').length - before).toBe(1);
  });

  it('should congratulate when points cross 1000 upward, not while they stay above', async () => {
    await identify('pts', { loyalty_points: 900 }, 'pts-1');
    await identify('pts', { loyalty_points: 1100 }, 'pts-2');
    await identify('pts', { loyalty_points: 1200 }, 'pts-3');
    await stack.advanceClock('PT1M');
    expect(mailsTo('pts').map((mail) => mail.subject)).toEqual(['Welcome to gold']);

    await identify('pts', { loyalty_points: 500 }, 'pts-4');
    await identify('pts', { loyalty_points: 1000 }, 'pts-5');
    await stack.advanceClock('PT1M');
    expect(mailsTo('pts')).toHaveLength(2);
  });
});
