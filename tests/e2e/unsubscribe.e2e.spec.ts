import { startStack, type Stack } from '../support/stack';
import { identify, order, publishThankYou } from '../support/thank-you-fixture';

describe('one-click unsubscribe', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'unsub' });
    await publishThankYou(stack);
  });

  afterAll(() => stack?.stop());

  it('should carry RFC 8058 headers, unsubscribe only on POST, and stop later emails', async () => {
    await identify(stack, 'uma', 'Uma');
    await order(stack, 'uma', 90, 'order-uma-1');
    await stack.advanceClock('P2D');

    const [mail] = stack.mail.messages();
    expect(mail?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const url = /^<(.+)>$/.exec(mail?.headers['list-unsubscribe'] ?? '')?.[1] as string;
    expect(url).toMatch(new RegExp(`^${stack.apiUrl}/unsubscribe/`));

    // A link scanner or a person opening the link: a page with a button, nothing changed yet.
    const shown = await fetch(url);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('<button type="submit">Unsubscribe</button>');
    await order(stack, 'uma', 95, 'order-uma-2');
    await stack.advanceClock('P2D');
    expect(stack.mail.messages()).toHaveLength(2);

    // What a mail client's one-click button sends.
    const clicked = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toContain('You are unsubscribed');

    await order(stack, 'uma', 99, 'order-uma-3');
    await stack.advanceClock('P2D');
    expect(stack.mail.messages()).toHaveLength(2);
    const timeline = await stack.request('GET', '/api/customers/by-external-id/uma/timeline');
    expect(timeline.body.enrollments[0].deliveries).toMatchObject([
      { status: 'suppressed', reason: 'the customer withdrew email consent (unsubscribe link)' },
    ]);
  });

  it('should refuse a tampered link and change nothing', async () => {
    const response = await fetch(`${stack.apiUrl}/unsubscribe/AQ-not-a-real-token`, { method: 'POST' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('This link is not valid');
  });
});
