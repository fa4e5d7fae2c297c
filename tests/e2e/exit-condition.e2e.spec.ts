import { startStack, type Stack } from '../support/stack';
import { identify, order, thankYouJourney, thankYouTemplate } from '../support/thank-you-fixture';

describe('journey exit condition', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'exitwhen' });
    await stack.request('PUT', '/api/templates/thank-you', thankYouTemplate());
    const journey = thankYouJourney();
    journey.settings = { exitWhen: [{ source: 'profile', path: 'do_not_contact', operator: 'eq', value: true }] };
    const created = await stack.request('POST', '/api/journeys', journey);
    expect((await stack.request('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);
  });

  afterAll(() => stack?.stop());

  it('should leave at once and send nothing when the customer comes to match the exit condition while waiting', async () => {
    await identify(stack, 'quiet', 'Quinn');
    await identify(stack, 'keen', 'Kim');
    await order(stack, 'quiet', 80, 'order-quiet');
    await order(stack, 'keen', 80, 'order-keen');
    await stack.advanceClock('P1D');

    await stack.track('/v1/identify', { userId: 'quiet', messageId: 'quiet-optout', traits: { do_not_contact: true } });
    await stack.advanceClock('P1D');

    expect(stack.mail.messages().flatMap((mail) => mail.to)).toEqual(['keen@example.com']);
    const timeline = await stack.request('GET', '/api/customers/by-external-id/quiet/timeline');
    expect(timeline.body.enrollments[0]).toMatchObject({ status: 'exited' });
    expect(timeline.body.enrollments[0].steps.at(-1)).toMatchObject({
      code: 'enrollment.exit-condition',
      message: "Now matches the journey's exit condition, so left the journey.",
    });
  });
});
