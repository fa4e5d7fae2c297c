import { request as httpRequest } from 'node:http';
import { startStack, type Stack } from '../support/stack';
import { fetchInChinese } from '../support/in-chinese';

/** Posts a CSV body in two parts: the answer must come before the second part is even written. */
const streamCsv = (stack: Stack, path: string, head: string, rest: string) =>
  new Promise<{ status: number; body: { id: string }; answeredBeforeEnd: boolean }>((resolve, reject) => {
    const url = new URL(path, stack.apiUrl);
    let ended = false;
    const request = httpRequest(
      url,
      { method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${stack.apiKey}` } },
      (response) => {
        const answeredBeforeEnd = !ended;
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text), answeredBeforeEnd }),
        );
        // The upload goes on after the answer; the import reads it to the end.
        ended = true;
        request.end(rest);
      },
    );
    request.on('error', reject);
    request.write(head);
  });

describe('profiles, aliases, imports and template variables, end to end', () => {
  let stack: Stack;

  const waitForImport = async (id: string) => {
    for (let tries = 0; tries < 200; tries += 1) {
      const progress = await stack.request('GET', `/api/imports/${id}`);
      if (progress.body.status !== 'running') return progress.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${id} did not finish`);
  };

  beforeAll(async () => {
    stack = await startStack({ label: 'profiles', env: { IMPORT_IDLE_TIMEOUT_MS: '1000' } });
  });

  afterAll(() => stack?.stop());

  it('should count what a visitor did before signing up once an alias attaches them', async () => {
    expect(
      (
        await stack.request('PUT', '/api/templates/browsed', {
          name: 'Browsed',
          subject: 'Still thinking about it, {{firstName}}?',
          html: '<p>You looked twice.</p>',
        })
      ).status,
    ).toBe(200);
    const journey = await stack.request('POST', '/api/journeys', {
      name: 'Welcome a keen browser',
      nodes: [
        { id: 'signed-up', kind: 'event-trigger', config: { event: 'Signed Up' } },
        {
          id: 'browsed',
          kind: 'event-history-condition',
          config: { event: 'Product Viewed', comparison: 'at-least', count: 2 },
        },
        { id: 'mail', kind: 'send-email', config: { template: 'browsed' } },
        { id: 'done', kind: 'exit', config: {} },
      ],
      edges: [
        { from: 'signed-up', output: 'next', to: 'browsed' },
        { from: 'browsed', output: 'yes', to: 'mail' },
        { from: 'browsed', output: 'no', to: 'done' },
        { from: 'mail', output: 'next', to: 'done' },
      ],
    });
    expect((await stack.request('POST', `/api/journeys/${journey.body.id}/publish`)).status).toBe(201);

    // Browsing anonymously, then signing up on another device, then the alias joins the two.
    await stack.track('/v1/track', { anonymousId: 'visitor-7', event: 'Product Viewed', properties: { sku: 'M1' } });
    await stack.track('/v1/track', { anonymousId: 'visitor-7', event: 'Product Viewed', properties: { sku: 'M2' } });
    await stack.track('/v1/identify', { userId: 'gus', traits: { email: 'gus@example.com', firstName: 'Gus' } });
    const alias = await fetch(`${stack.apiUrl}/v1/alias`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${stack.writeKey}:`).toString('base64')}`,
      },
      body: JSON.stringify({ previousId: 'visitor-7', userId: 'gus' }),
    });
    expect(alias.status).toBe(200);
    await stack.track('/v1/track', { userId: 'gus', event: 'Signed Up' });
    await stack.advanceClock('PT1M');

    expect(stack.mail.messages()).toEqual([
      expect.objectContaining({ to: ['gus@example.com'], subject: 'Still thinking about it, Gus?' }),
    ]);
    const customers = await stack.request('GET', '/api/customers?search=gus');
    expect(customers.body.customers).toHaveLength(1);
  });

  it('should make one customer of identifies for a new user arriving at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        stack.track('/v1/identify', { userId: 'hana', anonymousId: `hana-device-${i % 3}`, traits: { n: i } }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
    const rows = await stack.db.dataSource.query(
      `SELECT count(*)::int AS n FROM customers WHERE external_id = 'hana' OR anonymous_id LIKE 'hana-device-%'`,
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it('should validate profile edits field by field and show consent with its source', async () => {
    const customer = await stack.request('GET', '/api/customers/by-external-id/gus');
    const path = `/api/customers/${customer.body.id}`;
    expect(
      (await stack.request('PUT', '/api/attributes/loyalty_points', { type: 'number', label: 'Points' })).status,
    ).toBe(200);
    expect(
      (await stack.request('PUT', '/api/attributes/loyalty%20points', { type: 'money' })).body.error.issues,
    ).toEqual([expect.objectContaining({ path: ['type'] }), expect.objectContaining({ path: ['name'] })]);

    const refused = await stack.request('PATCH', path, {
      timeZone: 'Europe/Atlantis',
      locale: 'english please',
      attributes: { loyalty_points: 'many', orders_count: 4 },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues.map((issue: { path: string[] }) => issue.path.join('.'))).toEqual([
      'timeZone',
      'locale',
      'attributes.loyalty_points',
      'attributes.orders_count',
    ]);
    expect(refused.body.error.issues[2].message).toBe('is declared as a number');
    // The value checks are worded for the reader like every other rule.
    const chinese = await fetchInChinese(stack, 'PATCH', path, {
      attributes: { loyalty_points: 'many' },
      nickname: 'Gus',
    });
    expect(chinese.status).toBe(400);
    expect(((await chinese.json()) as { error: { issues: unknown[] } }).error.issues).toEqual([
      { path: [], message: '不是客户资料的字段：nickname' },
      { path: ['attributes', 'loyalty_points'], message: '已声明为数字，请填写数字' },
    ]);

    const saved = await stack.request('PATCH', path, {
      timeZone: 'Europe/Paris',
      locale: 'fr-fr',
      attributes: { loyalty_points: 40 },
      consent: { sms: false },
    });
    expect(saved.status).toBe(200);
    const profile = await stack.request('GET', path);
    expect(profile.body).toMatchObject({
      externalId: 'gus',
      timeZone: 'Europe/Paris',
      locale: 'fr-FR',
      attributes: { firstName: 'Gus', loyalty_points: 40 },
      consent: { email: null, sms: { granted: false, source: 'api' } },
    });
    const attributes = await stack.request('GET', '/api/attributes');
    expect(attributes.body.attributes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'loyalty_points', type: 'number', source: 'declared' }),
        expect.objectContaining({ name: 'firstName', type: 'string', source: 'seen' }),
        expect.objectContaining({ name: 'orders_count', type: 'number', source: 'computed', readOnly: true }),
      ]),
    );
  });

  it('should answer an import at once and report bad rows with their line while the rest lands', async () => {
    const started = await streamCsv(
      stack,
      '/api/imports/customers',
      'user_id,email,loyalty_points,sms_consent\nimp-1,one@example.com,10,yes\n',
      'imp-2,two@example.com,ten,no\nimp-3,not-an-email,30,\nimp-4,four@example.com,40,\n',
    );
    expect(started).toMatchObject({ status: 202, answeredBeforeEnd: true });

    expect(await waitForImport(started.body.id)).toMatchObject({
      status: 'completed',
      rowsRead: 4,
      imported: 2,
      failed: 2,
    });
    const errors = await stack.request('GET', `/api/imports/${started.body.id}/errors`);
    expect(errors.body).toEqual({
      errors: [
        {
          row: 3,
          column: 'loyalty_points',
          code: 'field.value.not-number',
          params: { value: 'ten' },
          message: '"ten" is not a number',
        },
        {
          row: 4,
          column: 'email',
          code: 'import.cell.email',
          params: { value: 'not-an-email' },
          message: '"not-an-email" is not an email address',
        },
      ],
      next: null,
    });
    const csv = await fetch(`${stack.apiUrl}/api/imports/${started.body.id}/errors?format=csv`, {
      headers: { authorization: `Bearer ${stack.apiKey}` },
    });
    expect(await csv.text()).toBe(
      'row,column,message\n3,loyalty_points,"""ten"" is not a number"\n4,email,"""not-an-email"" is not an email address"\n',
    );

    // The same report for a Chinese reader: worded from each error's key and params, codes unchanged.
    const chineseErrors = await fetchInChinese(stack, 'GET', `/api/imports/${started.body.id}/errors`);
    expect(await chineseErrors.json()).toEqual({
      errors: [
        expect.objectContaining({ row: 3, code: 'field.value.not-number', message: '“ten” 不是数字' }),
        expect.objectContaining({ row: 4, code: 'import.cell.email', message: '“not-an-email” 不是有效的邮箱地址' }),
      ],
      next: null,
    });
    const chineseCsv = await fetchInChinese(stack, 'GET', `/api/imports/${started.body.id}/errors?format=csv`);
    expect(await chineseCsv.text()).toBe(
      'row,column,message\n3,loyalty_points,“ten” 不是数字\n4,email,“not-an-email” 不是有效的邮箱地址\n',
    );
    // An error stored before errors had keys still reads, as it was written.
    await stack.db.dataSource.query(
      `INSERT INTO import_errors (import_id, row_number, column_name, message) VALUES ($1, 9, NULL, 'an older sentence')`,
      [started.body.id],
    );
    expect(
      (
        (await (await fetchInChinese(stack, 'GET', `/api/imports/${started.body.id}/errors`)).json()) as {
          errors: unknown[];
        }
      ).errors[2],
    ).toEqual({ row: 9, column: null, code: null, params: {}, message: 'an older sentence' });
    const imported = await stack.request('GET', '/api/customers/by-external-id/imp-4');
    expect((await stack.request('GET', `/api/customers/${imported.body.id}`)).body.attributes).toEqual({
      loyalty_points: 40,
    });

    const header = await fetch(`${stack.apiUrl}/api/imports/customers`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${stack.apiKey}` },
      body: 'email,name\nx@example.com,X\n',
    });
    expect(header.status).toBe(400);
    expect(((await header.json()) as { error: { message: string } }).error.message).toContain('columns.user_id');
    const chineseHeader = await fetch(`${stack.apiUrl}/api/imports/customers`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', 'accept-language': 'zh-CN', authorization: `Bearer ${stack.apiKey}` },
      body: 'email,email\nx@example.com,x@example.com\n',
    });
    expect(((await chineseHeader.json()) as { error: { issues: unknown[] } }).error.issues).toEqual([
      { path: ['columns', 'user_id'], message: '是必需的列' },
      { path: ['columns', 'email'], message: '出现了两次' },
    ]);
  });

  it('should refuse to publish a template reading an unknown variable until the attribute is declared', async () => {
    await stack.request('PUT', '/api/templates/points', {
      name: 'Points',
      subject: 'You have {{loyalty_points}} points',
      // Computed by Rapport from orders: known before any customer has one.
      html: '<p>Your shoe size: {{shoe_size}}. Refill by {{next_refill_due_at}} (score {{rfm_recency}}).</p>',
    });
    const journey = await stack.request('POST', '/api/journeys', {
      name: 'Points reminder',
      nodes: [
        { id: 'start', kind: 'event-trigger', config: { event: 'Logged In' } },
        { id: 'mail', kind: 'send-email', config: { template: 'points' } },
        { id: 'done', kind: 'exit', config: {} },
      ],
      edges: [
        { from: 'start', output: 'next', to: 'mail' },
        { from: 'mail', output: 'next', to: 'done' },
      ],
    });

    const refused = await stack.request('POST', `/api/journeys/${journey.body.id}/publish`);
    expect(refused.status).toBe(422);
    expect(refused.body.error.problems).toEqual([
      {
        code: 'template.missing-variable',
        nodeId: 'mail',
        path: ['config', 'template'],
        params: { template: 'points', field: 'html', variable: 'shoe_size' },
        message:
          'Email template "points" uses {{shoe_size}} in its html, which customers will not have when it is sent: declare the attribute, or fix the name.',
      },
    ]);

    expect((await stack.request('PUT', '/api/attributes/shoe_size', { type: 'number' })).status).toBe(200);
    expect((await stack.request('POST', `/api/journeys/${journey.body.id}/publish`)).status).toBe(201);
  });

  it('should end an import failed, with the reason, when its upload stops sending without closing', async () => {
    const url = new URL('/api/imports/customers', stack.apiUrl);
    const upload = httpRequest(url, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${stack.apiKey}` },
    });
    const answered = new Promise<{ id: string }>((resolve, reject) => {
      upload.once('response', (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.once('end', () => resolve(JSON.parse(body)));
      });
      upload.once('error', reject);
    });
    upload.on('error', () => undefined);
    upload.write('user_id,email\nstalled-1,stalled-1@example.com\n');

    const { id } = await answered;
    let found: { status: string; error: string | null } = { status: 'running', error: null };
    for (let i = 0; i < 50 && found.status === 'running'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      found = (await stack.request('GET', `/api/imports/${id}`)).body;
    }
    upload.destroy();

    expect(found).toMatchObject({ status: 'failed', error: expect.stringMatching(/interrupted|stalled/) });
    const chinese = (await (await fetchInChinese(stack, 'GET', `/api/imports/${id}`)).json()) as { error: string };
    expect(chinese.error).toMatch(/^上传(中断了|停滞)/);
  });
});
