import { startStack, type Stack } from '../support/stack';

const journey = {
  name: 'Designed welcome',
  nodes: [
    { id: 'signed-up', kind: 'event-trigger', config: { event: 'Signed Up' } },
    { id: 'mail', kind: 'send-email', config: { template: 'welcome' } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'signed-up', output: 'next', to: 'mail' },
    { from: 'mail', output: 'next', to: 'done' },
  ],
};

describe('email design: layouts and partials', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'email_design' });
    await stack.track('/v1/identify', {
      userId: 'mei',
      traits: { email: 'mei@example.com', firstName: 'Mei' },
    });
  });

  afterAll(() => stack?.stop());

  it('should refuse a template that calls a partial or names a layout the workspace does not have', async () => {
    const partial = await stack.request('PUT', '/api/templates/welcome', {
      name: 'Welcome',
      subject: 'Hi',
      html: '<p>Hi</p>{{> footer}}',
    });
    const layout = await stack.request('PUT', '/api/templates/welcome', {
      name: 'Welcome',
      subject: 'Hi',
      html: '<p>Hi</p>',
      layout: 'brand',
    });

    expect(partial.status).toBe(400);
    expect(partial.body.error.issues[0]).toMatchObject({ path: ['html'], message: expect.stringContaining('footer') });
    expect(layout.status).toBe(400);
    expect(layout.body.error.issues[0]).toMatchObject({ path: ['layout'] });
  });

  it('should refuse a layout without {{{body}}} and a partial that does not compile, naming the field', async () => {
    const layout = await stack.request('PUT', '/api/email-parts/layouts/brand', { html: '<div>no body</div>' });
    const partial = await stack.request('PUT', '/api/email-parts/partials/footer', { html: '{{#if x}}open' });

    expect(layout.status).toBe(400);
    expect(layout.body.error.issues[0].path).toEqual(['html']);
    expect(partial.status).toBe(400);
    expect(partial.body.error.issues[0].path).toEqual(['html']);
  });

  it('should wrap real sends and previews in the layout, with the partials the template calls', async () => {
    expect(
      (
        await stack.request('PUT', '/api/email-parts/partials/footer', {
          html: '<p class="footer">Rapport Beauty, {{firstName}}, <a href="{{unsubscribeUrl}}">unsubscribe</a></p>',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await stack.request('PUT', '/api/email-parts/layouts/brand', {
          html: '<style>.brand{color:#aa3366}</style><div class="brand">{{{body}}}</div>{{> footer}}',
        })
      ).status,
    ).toBe(200);
    const template = await stack.request('PUT', '/api/templates/welcome', {
      name: 'Welcome',
      subject: 'Welcome {{firstName}}',
      html: '<h1>Welcome {{firstName}}</h1>',
      layout: 'brand',
    });
    expect(template.body).toMatchObject({ layout: 'brand' });
    const created = await stack.request('POST', '/api/journeys', journey);
    expect((await stack.request('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);

    await stack.track('/v1/track', { userId: 'mei', event: 'Signed Up', messageId: 'signup-mei' });
    await stack.advanceClock('PT1M');
    const preview = await stack.request('POST', '/api/templates/welcome/preview', { externalId: 'mei' });

    const mail = await stack.mail.waitFor((m) => m.to.includes('mei@example.com'), { timeoutMs: 10_000 });
    for (const html of [mail.html, preview.body.html]) {
      expect(html).toMatch(/<div class="brand" style="color: #aa3366;?"><h1>Welcome Mei<\/h1><\/div>/);
      expect(html).toContain('Rapport Beauty, Mei');
    }
    expect(mail.html).toContain(`href="${stack.apiUrl}/unsubscribe/`);
    expect(mail.text).toContain('Rapport Beauty, Mei');
  });

  it('should refuse to delete a layout or partial while something uses it', async () => {
    const layout = await stack.request('DELETE', '/api/email-parts/layouts/brand');
    const partial = await stack.request('DELETE', '/api/email-parts/partials/footer');

    expect(layout.status).toBe(409);
    expect(layout.body.error.usedBy).toEqual(['template welcome']);
    expect(partial.status).toBe(409);
    expect(partial.body.error.usedBy).toEqual(['layout brand']);
    const list = await stack.request('GET', '/api/email-parts');
    expect(list.body.layouts.map((part: { name: string }) => part.name)).toEqual(['brand']);
  });

  it('should delete a part nothing uses, and answer 404 for one that does not exist', async () => {
    await stack.request('PUT', '/api/email-parts/partials/unused', { html: '<p>spare</p>' });

    expect((await stack.request('DELETE', '/api/email-parts/partials/unused')).status).toBe(204);
    expect((await stack.request('DELETE', '/api/email-parts/partials/unused')).status).toBe(404);
    expect((await stack.request('GET', '/api/email-parts/partials/unused')).status).toBe(404);
  });
});
