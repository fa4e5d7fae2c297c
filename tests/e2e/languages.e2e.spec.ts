import { inChinese } from '../support/in-chinese';
import { startStack, type Stack } from '../support/stack';
import { order, publishThankYou, thankYouJourney } from '../support/thank-you-fixture';

const identify = (stack: Stack, userId: string, traits: Record<string, unknown>) =>
  stack.track('/v1/identify', {
    userId,
    messageId: `identify-${userId}`,
    traits: { email: `${userId}@example.com`, ...traits },
  });

describe('two languages: the reader’s language for problems, timelines and the unsubscribe page', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'languages' });
    await publishThankYou(stack);
  });

  afterAll(() => stack?.stop());

  it('should refuse a publish with its problems in Chinese for a Chinese reader, and in English otherwise', async () => {
    const broken = thankYouJourney();
    broken.edges = broken.edges.filter((edge: { output: string }) => edge.output !== 'no');
    const created = await stack.request('POST', '/api/journeys', broken);

    const chinese = await inChinese(stack, 'POST', `/api/journeys/${created.body.id}/publish`);
    const english = await stack.request('POST', `/api/journeys/${created.body.id}/publish`);

    expect(chinese.status).toBe(422);
    expect(chinese.body.error.code).toBe('journey.invalid');
    expect(chinese.body.error.message).toBe('发布前还需修复此旅程中的 2 个问题。');
    expect(chinese.body.error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'output.dangling',
          nodeId: 'big-order',
          params: { output: 'no' },
          message: '出口“no”尚未连接：请指定客户接下来去哪里。',
        }),
        expect.objectContaining({
          code: 'node.unreachable',
          message: '没有客户能到达此步骤：请把它连接到从触发器出发的路径上。',
        }),
      ]),
    );
    expect(english.body.error.message).toBe('The journey has 2 problems to fix before publishing.');
    expect(english.body.error.problems.map((problem: { message: string }) => problem.message)).toContain(
      'Output "no" is not connected: say where customers go next.',
    );
    const validated = await inChinese(stack, 'POST', `/api/journeys/${created.body.id}/validate`);
    expect(validated.body.problems.map((problem: { code: string }) => problem.code).sort()).toEqual([
      'node.unreachable',
      'output.dangling',
    ]);
    expect(
      validated.body.problems.every((problem: { message: string }) => /[\u4e00-\u9fff]/.test(problem.message)),
    ).toBe(true);
  });

  it('should tell a customer’s timeline in Chinese, dates written the Chinese way', async () => {
    await identify(stack, 'li', { firstName: 'Li', locale: 'zh-CN' });
    await order(stack, 'li', 120, 'order-li-1');
    await stack.advanceClock('PT1M');

    const chinese = await inChinese(stack, 'GET', '/api/customers/by-external-id/li/timeline');

    expect(chinese.status).toBe(200);
    const steps: { code: string; message: string }[] = chinese.body.enrollments[0].steps;
    expect(steps.map((step) => step.code)).toEqual(expect.arrayContaining(['enrollment.entered', 'wait.scheduled']));
    expect(steps.find((step) => step.code === 'enrollment.entered')?.message).toBe('因 “Order Completed” 进入了旅程。');
    // Entered 2026-06-01 09:00 UTC (the stack's clock), waiting two days: in the workspace's zone, UTC.
    expect(steps.find((step) => step.code === 'wait.scheduled')?.message).toBe(
      '等待 2天，直到 2026年6月3日 UTC 09:00。',
    );
    const english = await stack.request('GET', '/api/customers/by-external-id/li/timeline');
    expect(
      english.body.enrollments[0].steps.find((step: { code: string }) => step.code === 'wait.scheduled').message,
    ).toBe('Waiting 2 days, until Jun 3, 2026, 9:00 AM UTC.');
  });

  it('should show a zh-CN customer the unsubscribe page and its result in Chinese', async () => {
    await stack.advanceClock('P2D');
    const mail = stack.mail.messages().find((message) => message.to.includes('li@example.com'));
    const url = /^<(.+)>$/.exec(mail?.headers['list-unsubscribe'] ?? '')?.[1] as string;
    expect(url).toMatch(new RegExp(`^${stack.apiUrl}/unsubscribe/`));

    // Her browser asks for English; her profile says Chinese, and the profile wins.
    const shown = await fetch(url, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    const page = await shown.text();
    expect(shown.status).toBe(200);
    expect(page).toContain('<html lang="zh-CN">');
    expect(page).toContain('<h1>退订</h1>');
    expect(page).toContain('<p>不再接收这些邮件？</p>');
    expect(page).toContain('<button type="submit">退订</button>');

    const clicked = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(clicked.status).toBe(200);
    expect(await clicked.text()).toContain('<h1>您已退订</h1>');
  });

  it('should answer a broken link in the browser’s language when no customer is known', async () => {
    const chinese = await fetch(`${stack.apiUrl}/unsubscribe/AQ-not-a-real-token`, {
      headers: { 'accept-language': 'zh-CN' },
    });
    expect(chinese.status).toBe(400);
    expect(await chinese.text()).toContain('<h1>此链接无效</h1>');
    const english = await fetch(`${stack.apiUrl}/unsubscribe/AQ-not-a-real-token`, { method: 'POST' });
    expect(await english.text()).toContain('<h1>This link is not valid</h1>');
  });

  it('should remember a marketer’s language with their account and answer them in it, whatever their browser says', async () => {
    const added = await stack.request('POST', '/api/members', {
      email: 'mei@shop.example',
      name: 'Mei',
      role: 'viewer',
      password: 'mei-password-42',
    });
    expect(added.status).toBe(201);
    const login = await fetch(`${stack.apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'mei@shop.example', password: 'mei-password-42' }),
    });
    const { csrfToken, user } = await login.json();
    expect(user.locale).toBe('en');
    const cookie = login.headers
      .getSetCookie()
      .find((line) => line.startsWith('rapport_session='))
      ?.split(';')[0] as string;
    const asMei = (method: string, path: string, body?: unknown, csrf: string | null = csrfToken) =>
      fetch(`${stack.apiUrl}${path}`, {
        method,
        headers: {
          cookie,
          'content-type': 'application/json',
          'accept-language': 'en-US,en;q=0.9',
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then(async (response) => ({ status: response.status, body: await response.json() }));

    // A change without the CSRF token, or to a language Rapport lacks, changes nothing.
    expect((await asMei('PUT', '/api/auth/me/locale', { locale: 'zh-CN' }, null)).status).toBe(403);
    const unknown = await asMei('PUT', '/api/auth/me/locale', { locale: 'fr' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues[0].path).toEqual(['locale']);
    expect((await asMei('GET', '/api/auth/me')).body.user.locale).toBe('en');

    // Even a viewer chooses their own language.
    expect(await asMei('PUT', '/api/auth/me/locale', { locale: 'zh-CN' })).toEqual({
      status: 200,
      body: { locale: 'zh-CN' },
    });

    expect((await asMei('GET', '/api/auth/me')).body.user.locale).toBe('zh-CN');
    const timeline = await asMei('GET', '/api/customers/by-external-id/li/timeline');
    expect(timeline.body.enrollments[0].steps[0].message).toBe('因 “Order Completed” 进入了旅程。');
  });

  it('should name Rapport’s own fields and computed attributes in the reader’s language, and keep a marketer’s label', async () => {
    await stack.request('PUT', '/api/attributes/loyalty_points', { type: 'number', label: 'Points' });
    const labels = async (answer: Promise<{ body: { attributes: { name: string; label: string | null }[] } }>) =>
      Object.fromEntries((await answer).body.attributes.map((attribute) => [attribute.name, attribute.label]));

    const chinese = await labels(inChinese(stack, 'GET', '/api/attributes'));
    const english = await labels(stack.request('GET', '/api/attributes'));

    expect(chinese).toMatchObject({
      email: '邮箱',
      orders_count: '订单数',
      value_tier: '价值分层',
      loyalty_points: 'Points',
    });
    expect(english).toMatchObject({ email: 'Email', orders_count: 'Orders', total_spent: 'Total spent' });
  });

  it('should word the API’s refusals in the reader’s language: not found, wrong fields, conflicts, roles', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await inChinese(stack, 'GET', `/api/journeys/${missing}`)).body.error).toEqual({
      code: 'not_found',
      message: `找不到旅程 ${missing}。`,
    });
    expect((await stack.request('GET', `/api/journeys/${missing}`)).body.error.message).toBe(
      `Journey ${missing} was not found.`,
    );

    // Each wrong field, a rule of ours and zod's own checks alike, in the sentence and beside its field.
    const invalid = await inChinese(stack, 'PUT', '/api/templates/welcome', { name: 'Welcome', subject: '', html: 7 });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues).toEqual([
      { path: ['subject'], message: '请填写主题' },
      { path: ['html'], message: '请填写文字' },
    ]);
    expect(invalid.body.error.message).toBe('模板无效：subject: 请填写主题；html: 请填写文字。');

    // A conflict names what is in the way, in the reader's words around the names.
    await stack.request('PUT', '/api/email-parts/layouts/brand', { html: '<main>{{{body}}}</main>' });
    await stack.request('PUT', '/api/templates/welcome', {
      name: 'Welcome',
      subject: 'Hi',
      html: 'Hi',
      layout: 'brand',
    });
    const inUse = await inChinese(stack, 'DELETE', '/api/email-parts/layouts/brand');
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.message).toBe('版式“brand”仍被 1 个模板或邮件组件使用（welcome）；请先修改它们。');
    expect(inUse.body.error.usedBy).toEqual(['template welcome']);

    // A template that does not compile: the frame in Chinese, Handlebars' own detail as it wrote it.
    const broken = await inChinese(stack, 'PUT', '/api/templates/broken', {
      name: 'Broken',
      subject: 'Hi',
      html: '<p>\n{{#each items}}\n{{/if}}',
    });
    expect(broken.body.error.issues[0].path).toEqual(['html']);
    expect(broken.body.error.issues[0].message).toMatch(/^HTML（第 \d 行）无法编译：.*each doesn't match if/);

    // The last admin cannot step down: the member screen shows this sentence as it comes.
    const wang = await stack.request('POST', '/api/members', {
      email: 'wang@shop.example',
      role: 'admin',
      password: 'wang-password-42',
    });
    const lastAdmin = await inChinese(stack, 'PUT', `/api/members/${wang.body.member.id}`, { role: 'viewer' });
    expect(lastAdmin.status).toBe(409);
    expect(lastAdmin.body.error).toMatchObject({
      reason: 'last-admin',
      message: '这是工作区的最后一位管理员：请先让其他人成为管理员。',
    });
  });
});
