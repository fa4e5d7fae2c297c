import { startStack, type Stack } from '../support/stack';
import { thankYouJourney, thankYouTemplate } from '../support/thank-you-fixture';

/** The thank-you journey under another name and entry rule, triggered by its own event. */
const journeyWith = (event: string, settings: Record<string, unknown>) => {
  const journey = thankYouJourney();
  journey.name = `${event} journey`;
  journey.nodes[0].config = { event };
  journey.settings = settings;
  return journey;
};

describe('entry rules', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'entry' });
    await stack.request('PUT', '/api/templates/thank-you', thankYouTemplate());
    const rules: [string, Record<string, unknown>][] = [
      ['Once', { entry: { mode: 'once' } }],
      ['After Exit', { entry: { mode: 'after-exit' } }],
      ['Twice At Once', { entry: { mode: 'any-time', maxConcurrent: 2 } }],
      ['Yearly', { entry: { mode: 'once-per-period', period: { amount: 1, unit: 'years' } } }],
      ['Limited', { entryLimit: 2 }],
    ];
    for (const [event, settings] of rules) {
      const created = await stack.request('POST', '/api/journeys', journeyWith(event, settings));
      const published = await stack.request('POST', `/api/journeys/${created.body.id}/publish`);
      expect(published.status).toBe(201);
    }
  });

  afterAll(() => stack?.stop());

  let counter = 0;
  const fire = async (userId: string, event: string) => {
    counter += 1;
    const response = await stack.track('/v1/track', {
      userId,
      event,
      messageId: `${event}-${userId}-${counter}`,
      properties: { total: 99 },
    });
    return response.body.enrolled as number;
  };

  it('should enroll a customer only the first time when the rule is once', async () => {
    expect(await fire('ann', 'Once')).toBe(1);
    await stack.advanceClock('P3D');
    expect(await fire('ann', 'Once')).toBe(0);
  });

  it('should enroll again only after the previous passage ended when the rule is after-exit', async () => {
    expect(await fire('ben', 'After Exit')).toBe(1);
    expect(await fire('ben', 'After Exit')).toBe(0);
    await stack.advanceClock('P3D');
    expect(await fire('ben', 'After Exit')).toBe(1);
  });

  it('should allow at most two passages at once when maxConcurrent is 2', async () => {
    expect(await fire('cat', 'Twice At Once')).toBe(1);
    expect(await fire('cat', 'Twice At Once')).toBe(1);
    expect(await fire('cat', 'Twice At Once')).toBe(0);
  });

  it('should enroll once a year when the rule is once per year', async () => {
    expect(await fire('dan', 'Yearly')).toBe(1);
    await stack.advanceClock('P200D');
    expect(await fire('dan', 'Yearly')).toBe(0);
    await stack.advanceClock('P170D');
    expect(await fire('dan', 'Yearly')).toBe(1);
  });

  it('should stop entering anyone when the journey entry limit is reached', async () => {
    expect(await fire('eve', 'Limited')).toBe(1);
    expect(await fire('fay', 'Limited')).toBe(1);
    expect(await fire('gus', 'Limited')).toBe(0);
  });

  it('should let one of many simultaneous triggers in when the rule is once', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        stack.track('/v1/track', { userId: 'hal', event: 'Once', messageId: `race-${i}`, properties: {} }),
      ),
    );
    expect(results.reduce((sum, response) => sum + response.body.enrolled, 0)).toBe(1);
  });
});
