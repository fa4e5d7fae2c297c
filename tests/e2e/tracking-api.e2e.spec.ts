import { startStack, type Stack } from '../support/stack';

describe('tracking API (Segment shape)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ label: 'tracking' });
  });

  afterAll(() => stack?.stop());

  const count = async (table: 'events' | 'customers') =>
    Number((await stack.db.dataSource.query(`SELECT count(*) FROM ${table}`))[0].count);

  it('should answer health once Postgres, Redis and migrations are ready', async () => {
    const response = await fetch(`${stack.apiUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', checks: { postgres: true, migrations: true, redis: true } });
  });

  it('should refuse with 401 when the write key is missing or wrong', async () => {
    const missing = await fetch(`${stack.apiUrl}/v1/track`, { method: 'POST', body: '{}' });
    const wrong = await fetch(`${stack.apiUrl}/v1/track`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from('wk_nope:').toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ userId: 'u', event: 'X' }),
    });
    expect(missing.status).toBe(401);
    expect(wrong.status).toBe(401);
  });

  it('should store identify traits on the profile when a customer is identified', async () => {
    const sut = await stack.track('/v1/identify', {
      userId: 'ada',
      messageId: 'm-ada',
      traits: { email: 'Ada@Example.com', firstName: 'Ada', loyalty_points: 120 },
      context: { timezone: 'Europe/Paris', locale: 'fr-FR' },
    });
    expect(sut.status).toBe(200);
    const customer = await stack.request('GET', '/api/customers/by-external-id/ada');
    expect(customer.body).toMatchObject({
      email: 'ada@example.com',
      timeZone: 'Europe/Paris',
      locale: 'fr-FR',
      attributes: { firstName: 'Ada', loyalty_points: 120 },
    });
  });

  it.each([
    ['/v1/track', { userId: 'u1', properties: {} }, ['event']],
    ['/v1/track', { event: 'Order Completed' }, ['userId']],
    ['/v1/identify', { userId: 'u1', context: { timezone: 'Mars/Base' } }, ['context', 'timezone']],
    [
      '/v1/batch',
      {
        batch: [
          { type: 'track', userId: 'a', event: 'Ok' },
          { type: 'track', userId: 'b' },
        ],
      },
      ['batch', 1, 'event'],
    ],
  ] as const)('should answer 400 naming where the problem is when %s gets a bad message', async (path, body, where) => {
    const before = await count('events');
    const sut = await stack.track(path, body);

    expect(sut.status).toBe(400);
    expect(sut.body.error.issues.map((issue: { path: unknown }) => issue.path)).toContainEqual(where);
    expect(await count('events')).toBe(before);
  });

  it('should answer 400 and store nothing when one message is over 32 KB', async () => {
    const before = await count('events');
    const sut = await stack.track('/v1/batch', {
      batch: [
        { type: 'track', userId: 'a', event: 'Small' },
        { type: 'track', userId: 'a', event: 'Huge', properties: { blob: 'x'.repeat(33 * 1024) } },
      ],
    });
    expect(sut.status).toBe(400);
    expect(sut.body.error.issues[0].path).toEqual(['batch', 1]);
    expect(await count('events')).toBe(before);
  });

  it('should answer 400 when the body is over 500 KB or not JSON', async () => {
    const big = await stack.track('/v1/batch', {
      batch: [{ type: 'track', userId: 'a', event: 'x'.repeat(600 * 1024) }],
    });
    expect(big.status).toBe(400);
    expect(big.body.error.code).toBe('payload_too_large');
    const garbage = await stack.track('/v1/track', '{"userId": ');
    expect(garbage.status).toBe(400);
    expect(garbage.body.error.code).toBe('invalid_request');
  });

  it('should store each message of a batch once when the batch is retried', async () => {
    const batch = {
      batch: [
        { type: 'identify', userId: 'b1', messageId: 'b-1', traits: { email: 'b1@example.com' } },
        { type: 'track', userId: 'b1', messageId: 'b-2', event: 'Viewed Product', properties: { sku: 'X' } },
      ],
    };
    expect((await stack.track('/v1/batch', batch)).body).toMatchObject({ stored: 2, duplicates: 0 });
    expect((await stack.track('/v1/batch', batch)).body).toMatchObject({ stored: 0, duplicates: 2 });
  });

  it('should apply a batch in its order, once per message id, for new and known customers alike', async () => {
    const sut = await stack.track('/v1/batch', {
      batch: [
        { type: 'identify', userId: 'c1', messageId: 'c-1', traits: { email: 'c1@example.com', tier: 'new' } },
        { type: 'identify', userId: 'c1', messageId: 'c-2', traits: { tier: 'silver', points: 10 } },
        // The same message id twice in one batch: the first one counts.
        { type: 'identify', userId: 'c1', messageId: 'c-2', traits: { tier: 'ignored' } },
        { type: 'track', userId: 'c2', messageId: 'c-3', event: 'Viewed Product', properties: { sku: 'Y' } },
        { type: 'identify', userId: 'c2', messageId: 'c-4', traits: { email: 'C2@Example.com' } },
      ],
    });

    expect(sut.body).toMatchObject({ stored: 4, duplicates: 1 });
    const c1 = await stack.request('GET', '/api/customers/by-external-id/c1');
    expect(c1.body).toMatchObject({ email: 'c1@example.com', attributes: { tier: 'silver', points: 10 } });
    const c2 = await stack.request('GET', '/api/customers/by-external-id/c2');
    expect(c2.body).toMatchObject({ email: 'c2@example.com' });
    const listed = await stack.request('GET', '/api/customers?search=c');
    expect(listed.body.customers.map((customer: { externalId: string }) => customer.externalId)).toEqual(
      expect.arrayContaining(['c1', 'c2']),
    );
    const [workspace] = await stack.db.dataSource.query('SELECT time_zone FROM workspaces');
    expect(listed.body.timeZone).toBe(workspace.time_zone);
    const events = await stack.db.dataSource.query(
      `SELECT e.message_id, c.external_id FROM events e JOIN customers c ON c.id = e.customer_id
        WHERE e.message_id LIKE 'c-%' ORDER BY e.message_id`,
    );
    expect(events).toEqual([
      { message_id: 'c-1', external_id: 'c1' },
      { message_id: 'c-2', external_id: 'c1' },
      { message_id: 'c-3', external_id: 'c2' },
      { message_id: 'c-4', external_id: 'c2' },
    ]);
  });

  it("should list the event names received lately with their properties, for the editor's pickers", async () => {
    await stack.track('/v1/batch', {
      batch: [
        {
          type: 'track',
          userId: 'picker',
          event: 'Sample Requested',
          messageId: 'sample-1',
          properties: { sku: 'serum-5ml', size_ml: 5, lines: [{ product_id: 'serum', category: 'skincare' }] },
        },
        { type: 'track', userId: 'picker', event: 'Sample Requested', messageId: 'sample-2', properties: {} },
      ],
    });

    const sut = await stack.request('GET', '/api/events/seen');

    expect(sut.status).toBe(200);
    const sample = sut.body.events.find((event: { name: string }) => event.name === 'Sample Requested');
    expect(sample).toMatchObject({
      count: 2,
      properties: [
        { path: 'lines.category', type: 'string' },
        { path: 'lines.product_id', type: 'string' },
        { path: 'size_ml', type: 'number' },
        { path: 'sku', type: 'string' },
      ],
    });
  });
});
