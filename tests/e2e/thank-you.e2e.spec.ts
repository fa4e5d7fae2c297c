import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startStack, type Stack } from '../support/stack';

const docs = join(__dirname, '../../docs');
const thankYouJourney = JSON.parse(readFileSync(join(docs, 'journeys/thank-you.json'), 'utf8'));
const { key: _key, ...thankYouTemplate } = JSON.parse(readFileSync(join(docs, 'templates/thank-you.json'), 'utf8'));

describe('thank-you journey, end to end', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'thankyou' });
    expect((await stack.request('PUT', '/api/templates/thank-you', thankYouTemplate)).status).toBe(200);
    const created = await stack.request('POST', '/api/journeys', thankYouJourney);
    expect(created.status).toBe(201);
    const published = await stack.request('POST', `/api/journeys/${created.body.id}/publish`);
    expect(published.status).toBe(201);
    expect(published.body.version.version).toBe(1);
  });

  afterAll(() => stack?.stop());

  const order = (userId: string, total: number, messageId: string) =>
    stack.track('/v1/track', { userId, event: 'Order Completed', messageId, properties: { total } });

  it('should thank a big spender by name once, two days later, and let a small order leave with a reason', async () => {
    await stack.track('/v1/identify', {
      userId: 'ada',
      messageId: 'id-ada',
      traits: { email: 'ada@example.com', firstName: 'Ada' },
    });
    await stack.track('/v1/identify', {
      userId: 'bob',
      messageId: 'id-bob',
      traits: { email: 'bob@example.com', firstName: 'Bob' },
    });
    expect((await order('ada', 80, 'order-ada-1')).status).toBe(200);
    expect((await order('bob', 20, 'order-bob-1')).status).toBe(200);

    await stack.advanceClock('P1D');
    expect(stack.mail.messages()).toHaveLength(0);

    const moved = await stack.advanceClock('P1D');
    expect(moved.drained).toBe(true);

    const mails = stack.mail.messages();
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ to: ['ada@example.com'], subject: 'Thanks Ada' });
    expect(mails[0]?.html).toContain('Hi Ada');

    const timeline = await stack.request('GET', '/api/customers/by-external-id/bob/timeline');
    expect(timeline.status).toBe(200);
    const steps = timeline.body.enrollments[0].steps;
    expect(timeline.body.enrollments[0].status).toBe('completed');
    expect(steps.find((step: { nodeId: string }) => step.nodeId === 'big-order')).toMatchObject({
      code: 'condition.not-matched',
      message: 'Event total is 20, so "is at least 50" does not hold: no.',
    });
    // The same decision in Chinese: the operator is a code, so no English is left inside the line.
    const chinese = await fetch(`${stack.apiUrl}/api/customers/by-external-id/bob/timeline`, {
      headers: { authorization: `Bearer ${stack.apiKey}`, 'accept-language': 'zh-CN' },
    });
    const chineseSteps: { nodeId: string; message: string }[] = (await chinese.json()).enrollments[0].steps;
    expect(chineseSteps.find((step) => step.nodeId === 'big-order')?.message).toBe(
      '事件的 total 为 20，因此“至少为 50”不成立：否。',
    );
    expect(timeline.body.enrollments[0].deliveries).toEqual([]);
  });
});
