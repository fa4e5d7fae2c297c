import { startStack, type Stack } from '../support/stack';
import { identify, order, publishThankYou } from '../support/thank-you-fixture';

describe('exactly once', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'once', workers: 2 });
    await publishThankYou(stack);
  });

  afterAll(() => stack?.stop());

  beforeEach(() => stack.mail.clear());

  it('should enroll and send once when the shop posts the same messageId twice', async () => {
    await identify(stack, 'dup', 'Dora');
    const first = await order(stack, 'dup', 90, 'order-dup');
    const second = await order(stack, 'dup', 90, 'order-dup');

    expect(first.body).toMatchObject({ success: true, stored: 1, enrolled: 1 });
    expect(second.body).toMatchObject({ success: true, stored: 0, duplicates: 1, enrolled: 0 });
    await stack.advanceClock('P2D');

    expect(stack.mail.messages().filter((mail) => mail.to.includes('dup@example.com'))).toHaveLength(1);
    const timeline = await stack.request('GET', '/api/customers/by-external-id/dup/timeline');
    expect(timeline.body.enrollments).toHaveLength(1);
    expect(timeline.body.enrollments[0].deliveries).toMatchObject([{ status: 'sent', template: 'thank-you' }]);
  });

  it('should send once per customer when two workers run side by side', async () => {
    const customers = Array.from({ length: 30 }, (_, i) => `pair-${i}`);
    for (const id of customers) await identify(stack, id, `Customer ${id}`);
    for (const id of customers) await order(stack, id, 60, `order-${id}`);

    await stack.advanceClock('P2D');

    const recipients = stack.mail.messages().flatMap((mail) => mail.to);
    expect(recipients.sort()).toEqual(customers.map((id) => `${id}@example.com`).sort());
    expect(new Set(stack.mail.messages().map((mail) => mail.messageId)).size).toBe(customers.length);
  });

  it('should enroll each customer of a batch once when the batch repeats a message', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => `batch-${i}`);
    const messages = ids.flatMap((id) => [
      {
        type: 'identify',
        userId: id,
        messageId: `identify-${id}`,
        traits: { email: `${id}@example.com`, firstName: id },
      },
      { type: 'track', userId: id, messageId: `order-${id}`, event: 'Order Completed', properties: { total: 55 } },
    ]);
    messages.push({ ...messages[1]! });

    const sut = await stack.track('/v1/batch', { batch: messages });

    expect(sut.body).toMatchObject({ stored: 50, duplicates: 1, enrolled: 25 });
    await stack.advanceClock('P2D');
    expect(
      stack.mail
        .messages()
        .flatMap((mail) => mail.to)
        .sort(),
    ).toEqual(ids.map((id) => `${id}@example.com`).sort());
    const timeline = await stack.request('GET', '/api/customers/by-external-id/batch-7/timeline');
    expect(timeline.body.enrollments[0].steps[0]).toMatchObject({ nodeId: 'order', code: 'enrollment.entered' });
  });

  it('should still send once when every worker is killed during the wait and a new one starts', async () => {
    await identify(stack, 'crash', 'Cleo');
    await order(stack, 'crash', 75, 'order-crash');
    await stack.advanceClock('P1D');
    const waiting = await stack.request('GET', '/api/customers/by-external-id/crash/timeline');
    expect(waiting.body.enrollments[0].status).toBe('waiting');

    await Promise.all(stack.workers.map((worker) => worker.kill()));
    await stack.startWorker();
    await stack.advanceClock('P1D');

    const mails = stack.mail.messages().filter((mail) => mail.to.includes('crash@example.com'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Thanks Cleo');
  });
});
