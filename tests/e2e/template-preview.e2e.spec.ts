import { inChinese } from '../support/in-chinese';
import { startStack, type Stack } from '../support/stack';

describe('template preview and test send', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'preview', mail: { maxMessageBytes: 64_000 } });
    await stack.request('PUT', '/api/templates/welcome', {
      name: 'Welcome',
      subject: 'Welcome {{firstName}}',
      html: '<style>p{color:#123456}</style><p>Your code {{coupon.code}}, {{money 12.5 currency="EUR"}}</p>',
    });
    await stack.track('/v1/identify', {
      userId: 'zoe',
      messageId: 'id-zoe',
      traits: { email: 'zoe@example.com', firstName: 'Zoé', locale: 'fr-FR' },
    });
  });

  afterAll(() => stack?.stop());

  it('should render the template for a real customer with the renderer real sends use', async () => {
    const sut = await stack.request('POST', '/api/templates/welcome/preview', { externalId: 'zoe' });

    expect(sut.status).toBe(200);
    expect(sut.body.subject).toBe('Welcome Zoé');
    expect(sut.body.html).toContain('style="color: #123456;"');
    expect(sut.body.html).toContain('PREVIEW-CODE');
    // Money in the customer's own locale (fr-FR: comma decimals, euro sign after).
    expect(sut.body.html).toMatch(/12,50\s€/);
  });

  it('should send a test to the given address, marked as a test', async () => {
    const sut = await stack.request('POST', '/api/templates/welcome/test-send', {
      to: 'marketer@shop.example',
      externalId: 'zoe',
    });

    expect(sut.body).toMatchObject({ sent: true, subject: '[Test] Welcome Zoé' });
    const mail = await stack.mail.waitFor((m) => m.to.includes('marketer@shop.example'), { timeoutMs: 5000 });
    expect(mail.subject).toBe('[Test] Welcome Zoé');

    // A Chinese marketer's test is marked in Chinese; the template's own subject stays as written.
    const chinese = await inChinese(stack, 'POST', '/api/templates/welcome/test-send', {
      to: 'mei@shop.example',
      externalId: 'zoe',
    });
    expect(chinese.body.subject).toBe('[测试] Welcome Zoé');
    const mailToMei = await stack.mail.waitFor((m) => m.to.includes('mei@shop.example'), { timeoutMs: 5000 });
    expect(mailToMei.subject).toBe('[测试] Welcome Zoé');
  });

  it('should answer 404 for an unknown customer and 400 for a bad address', async () => {
    expect((await stack.request('POST', '/api/templates/welcome/preview', { externalId: 'nobody' })).status).toBe(404);
    const bad = await stack.request('POST', '/api/templates/welcome/test-send', { to: 'not-an-address' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toEqual(['to']);
  });

  it("should answer 502 with the mail server's reason when it refuses the test message", async () => {
    await stack.request('PUT', '/api/templates/huge', {
      name: 'Huge',
      subject: 'Catalogue',
      html: `<p>${'All our products. '.repeat(6000)}</p>`,
    });

    const sut = await stack.request('POST', '/api/templates/huge/test-send', { to: 'marketer@shop.example' });

    expect(sut.status).toBe(502);
    expect(sut.body.error).toMatchObject({ code: 'upstream_failed' });
    expect(sut.body.error.message).toMatch(/^The mail server did not take the test message: .*552/);
  });
});
