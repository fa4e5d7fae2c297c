import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { signShopifyWebhook } from '@rapport/channels';
import { WorkspaceRepository } from '@rapport/persistence';
import { publishDocumentedJourney } from '../support/shop-journeys';
import { startStack, type Stack } from '../support/stack';

// Shop webhooks through real HTTP: Shopify's documented payloads signed as Shopify signs them, and requests
// signed by the official `standardwebhooks` package, against the real API and worker processes.

const fixture = (name: string): string => readFileSync(join(__dirname, '../fixtures/shopify', `${name}.json`), 'utf8');
/** Text edits keep the 18-digit ids exact (JSON.parse would round them). */
const orderAt = (placedAt: string, orderId = '820982911946154508') =>
  fixture('orders-create')
    .replaceAll('"2021-12-31T19:00:00-05:00"', `"${placedAt}"`)
    .replace('"id": 820982911946154508', `"id": ${orderId}`);

const PRODUCT_ID = '788032119674292922';
const JOHN = '115310627314723954';
const SHOPIFY_SECRET = `shpss_${randomBytes(16).toString('hex')}`;

type Reply = { status: number; body: any };

describe('shop webhooks, end to end', () => {
  let stack: Stack;
  let shopify: { id: string; key: string; webhookUrl: string };

  const now = async (): Promise<Date> => new Date((await stack.request('GET', '/api/test-clock')).body.now);

  const post = async (path: string, body: string, headers: Record<string, string>): Promise<Reply> => {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  /** Exactly what Shopify sends: the HMAC of the raw bytes, the topic, a webhook id and the trigger time. */
  const shopifyPost = async (
    topic: string,
    body: string,
    options: { webhookId?: string; triggeredAt?: Date; secret?: string; headers?: Record<string, string> } = {},
  ) =>
    post(`/webhooks/shop/${shopify.key}`, body, {
      'x-shopify-topic': topic,
      'x-shopify-hmac-sha256': signShopifyWebhook(body, options.secret ?? SHOPIFY_SECRET),
      'x-shopify-webhook-id': options.webhookId ?? randomUUID(),
      'x-shopify-triggered-at': (options.triggeredAt ?? (await now())).toISOString(),
      'x-shopify-shop-domain': 'jsmith.myshopify.com',
      'x-shopify-api-version': '2025-07',
      ...options.headers,
    });

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await stack.db.dataSource.query(sql, params))[0].count);
  const ordersOf = (userId: string) =>
    stack.db.dataSource.query(
      `SELECT e.message_id, e.properties, e.occurred_at FROM events e JOIN customers c ON c.id = e.customer_id
       WHERE c.external_id = $1 AND e.name = 'Order Completed' ORDER BY e.occurred_at`,
      [userId],
    );
  const receivedRows = (webhookId: string) =>
    count('SELECT count(*) FROM shop_webhooks_received WHERE webhook_id = $1', [webhookId]);

  beforeAll(async () => {
    stack = await startStack({ label: 'shopwh', env: { LOG_LEVEL: 'info' } });
    await publishDocumentedJourney(stack, 'refill-reminder');
    const created = await stack.request('POST', '/api/settings/shop-sources', { name: 'Shopify', scheme: 'shopify' });
    expect(created.status).toBe(201);
    shopify = created.body;
    const secret = await stack.request('POST', `/api/settings/shop-sources/${shopify.id}/secrets`, {
      secret: SHOPIFY_SECRET,
    });
    expect(secret.status).toBe(201);
  }, 120_000);

  afterAll(() => stack?.stop());

  it('should give each source an unguessable key, its webhook URL, and show secrets only masked', async () => {
    expect(shopify.key).toMatch(/^src_[A-Za-z0-9_-]{43}$/);
    expect(shopify.webhookUrl).toBe(`${stack.apiUrl}/webhooks/shop/${shopify.key}`);

    const listed = await stack.request('GET', '/api/settings/shop-sources');

    expect(listed.status).toBe(200);
    expect(listed.body.sources).toEqual([
      expect.objectContaining({
        id: shopify.id,
        scheme: 'shopify',
        secrets: [{ id: expect.any(String), hint: `…${SHOPIFY_SECRET.slice(-4)}`, createdAt: expect.any(String) }],
      }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(SHOPIFY_SECRET);
  });

  it('should turn a Shopify order into one Order Completed with refill_days from the synced catalog, enroll the customer and remind them', async () => {
    const placedAt = (await now()).toISOString();
    // The merchant tags the product `refill:30`; the product webhook brings it into the catalog.
    const product = fixture('products-update')
      .replace('"tags": "example, mens, t-shirt"', '"tags": "example, mens, t-shirt, refill:30"')
      .replace('"updated_at": "2021-12-31T19:00:00-05:00"', `"updated_at": "${placedAt}"`);
    const synced = await shopifyPost('products/update', product);
    expect(synced.status).toBe(200);
    expect(synced.body).toMatchObject({ received: true, duplicate: false, status: 'processed' });
    const catalog = await stack.request('GET', `/api/products/${PRODUCT_ID}`);
    expect(catalog.body).toMatchObject({
      product_id: PRODUCT_ID,
      name: 'Example T-Shirt',
      category: 'Shirts',
      price: 19.99,
      refill_days: 30,
      url: 'https://jsmith.myshopify.com/products/example-t-shirt',
    });

    const webhookId = randomUUID();
    const received = await shopifyPost('orders/create', orderAt(placedAt), { webhookId });

    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ received: true, duplicate: false, status: 'processed', webhookId });
    const orders = await ordersOf(JOHN);
    expect(orders).toHaveLength(1);
    expect(orders[0].occurred_at.toISOString()).toBe(placedAt);
    expect(orders[0].message_id).toBe(`shop:${shopify.id}:${webhookId}:order`);
    expect(orders[0].properties).toEqual({
      order_id: '820982911946154508',
      total: 404.95,
      subtotal: 404.95,
      tax: 0,
      discount: 20,
      shipping: 10,
      currency: 'USD',
      products: [
        {
          product_id: PRODUCT_ID,
          id: PRODUCT_ID,
          sku: 'SKU2006-001',
          name: 'Aviator sunglasses',
          category: 'Shirts',
          quantity: 1,
          price: 89.99,
          refill_days: 30,
          url: 'https://jsmith.myshopify.com/products/example-t-shirt',
        },
      ],
    });
    const profile = await stack.request('GET', `/api/customers/by-external-id/${JOHN}`);
    expect(profile.body).toMatchObject({
      email: 'john@example.com',
      attributes: expect.objectContaining({ firstName: 'John', lastName: 'Smith' }),
    });
    await stack.advanceClock('PT1M');
    const timeline = await stack.request('GET', `/api/customers/by-external-id/${JOHN}/timeline`);
    expect(timeline.body.enrollments).toEqual([
      expect.objectContaining({ status: 'waiting', nodeId: 'until-running-out' }),
    ]);

    // Order date + 30 - 3 days, 10:00: the reminder names the product the shop sold.
    await stack.advanceClock('P28D');
    const reminders = stack.mail.messages().filter((mail) => mail.to.includes('john@example.com'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.subject).toBe('John, time to restock?');
    expect(reminders[0]?.html).toContain('Aviator sunglasses');
  });

  it("should update the customer's profile and email consent from a Shopify customers/update", async () => {
    const body = fixture('customers-update').replace(
      '"phone": null,',
      '"phone": null, "email_marketing_consent": { "state": "unsubscribed", "opt_in_level": "single_opt_in", "consent_updated_at": "2021-12-31T19:00:00-05:00" },',
    );

    const received = await shopifyPost('customers/update', body);

    expect(received.status).toBe(200);
    const profile = await stack.request('GET', '/api/customers/by-external-id/706405506930370084');
    expect(profile.body).toMatchObject({
      email: 'bob@biller.com',
      attributes: expect.objectContaining({ firstName: 'Bob', lastName: 'Biller' }),
    });
    const consents = await stack.db.dataSource.query(
      `SELECT channel, granted, source FROM consents s JOIN customers c ON c.id = s.customer_id WHERE c.external_id = $1`,
      ['706405506930370084'],
    );
    expect(consents).toEqual([{ channel: 'email', granted: false, source: 'identify' }]);
  });

  it('should acknowledge a repeated delivery and store its event once, also when both arrive together', async () => {
    const webhookId = randomUUID();
    const body = orderAt((await now()).toISOString(), '820982911946154509');
    const before = (await ordersOf(JOHN)).length;

    const together = await Promise.all([
      shopifyPost('orders/create', body, { webhookId }),
      shopifyPost('orders/create', body, { webhookId }),
    ]);
    const later = await shopifyPost('orders/create', body, { webhookId });

    expect([...together, later].map((reply) => reply.status)).toEqual([200, 200, 200]);
    expect(later.body).toMatchObject({ duplicate: true });
    expect((await ordersOf(JOHN)).length).toBe(before + 1);
    expect(await receivedRows(webhookId)).toBe(1);
  });

  it.each<[string, (body: string) => Promise<Reply>, string, string | undefined]>([
    [
      'signed with another secret',
      (b) => shopifyPost('orders/create', b, { secret: 'shpss_not-the-secret' }),
      'bad-signature',
      undefined,
    ],
    [
      'carrying a signature of another length',
      (b) => shopifyPost('orders/create', b, { headers: { 'x-shopify-hmac-sha256': 'c2hvcnQ=' } }),
      'bad-signature',
      undefined,
    ],
    [
      'without its signature header',
      (b) => shopifyPost('orders/create', b, { headers: { 'x-shopify-hmac-sha256': '' } }),
      'missing-headers',
      'x-shopify-hmac-sha256',
    ],
    [
      'without its trigger time',
      (b) => shopifyPost('orders/create', b, { headers: { 'x-shopify-triggered-at': '' } }),
      'missing-headers',
      'x-shopify-triggered-at',
    ],
    [
      'triggered 49 hours ago',
      async (b) => shopifyPost('orders/create', b, { triggeredAt: new Date((await now()).getTime() - 49 * 3600_000) }),
      'stale',
      undefined,
    ],
    [
      'whose body was changed after signing',
      (b) =>
        shopifyPost('orders/create', b.replace('404.95', '4.95'), {
          headers: { 'x-shopify-hmac-sha256': signShopifyWebhook(b, SHOPIFY_SECRET) },
        }),
      'bad-signature',
      undefined,
    ],
  ])('should refuse a delivery %s with 401 and its reason, storing nothing', async (_, send, reason, header) => {
    const body = orderAt((await now()).toISOString(), '820982911946154510');
    const webhooksBefore = await count('SELECT count(*) FROM shop_webhooks_received', []);
    const eventsBefore = await count('SELECT count(*) FROM events', []);

    const refused = await send(body);

    expect(refused.status).toBe(401);
    expect(refused.body.error).toMatchObject({ code: 'unauthorized', reason, message: expect.any(String) });
    if (header) expect(refused.body.error.header).toBe(header);
    expect(await count('SELECT count(*) FROM shop_webhooks_received', [])).toBe(webhooksBefore);
    expect(await count('SELECT count(*) FROM events', [])).toBe(eventsBefore);
  });

  it('should acknowledge an unknown topic, store it as ignored and record no event', async () => {
    const webhookId = randomUUID();
    const eventsBefore = await count('SELECT count(*) FROM events', []);

    const received = await shopifyPost('orders/paid', orderAt((await now()).toISOString()), { webhookId });

    expect(received.status).toBe(200);
    expect(received.body).toMatchObject({ status: 'ignored', duplicate: false });
    const rows = await stack.db.dataSource.query(
      'SELECT topic, status FROM shop_webhooks_received WHERE webhook_id = $1',
      [webhookId],
    );
    expect(rows).toEqual([{ topic: 'orders/paid', status: 'ignored' }]);
    expect(await count('SELECT count(*) FROM events', [])).toBe(eventsBefore);
  });

  it('should answer 404 for a source key nobody has', async () => {
    const body = fixture('orders-create');

    const reply = await post(`/webhooks/shop/src_${randomBytes(32).toString('base64url')}`, body, {
      'x-shopify-hmac-sha256': signShopifyWebhook(body, SHOPIFY_SECRET),
    });

    expect(reply.status).toBe(404);
    expect(reply.body.error.code).toBe('not_found');
  });

  it("should not let another workspace's API key see or change this workspace's sources", async () => {
    const otherKey = `sk_${randomBytes(16).toString('hex')}`;
    await new WorkspaceRepository(stack.db.dataSource).create({
      name: 'Other shop',
      writeKey: `wk_${randomBytes(12).toString('hex')}`,
      apiKey: otherKey,
      emailFrom: 'other@example.com',
      now: new Date(),
    });
    const asOther = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${stack.apiUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${otherKey}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return response.status;
    };
    const [secret] = (await stack.request('GET', `/api/settings/shop-sources/${shopify.id}`)).body.secrets;

    expect(await asOther('GET', `/api/settings/shop-sources/${shopify.id}`)).toBe(404);
    expect(await asOther('POST', `/api/settings/shop-sources/${shopify.id}/secrets`, {})).toBe(404);
    expect(await asOther('DELETE', `/api/settings/shop-sources/${shopify.id}/secrets/${secret.id}`)).toBe(404);
    expect(await asOther('DELETE', `/api/settings/shop-sources/${shopify.id}`)).toBe(404);
    expect(await asOther('GET', `/api/products/${PRODUCT_ID}`)).toBe(404);
    expect((await stack.request('GET', `/api/settings/shop-sources/${shopify.id}`)).body.secrets).toHaveLength(1);
  });

  describe('Standard Webhooks', () => {
    let source: { id: string; key: string };
    let first: { id: string; secret: string };
    /** The secret the sender uses after the rotation. */
    let current: string;

    const signed = async (secret: string, body: unknown, at?: Date, id = `msg_${randomUUID()}`) => {
      const payload = JSON.stringify(body);
      const date = at ?? (await now());
      return post(`/webhooks/shop/${source.key}`, payload, {
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(date.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(id, date, payload),
      });
    };
    const envelope = async (type: string, data: unknown) => ({ type, timestamp: (await now()).toISOString(), data });

    beforeAll(async () => {
      source = (
        await stack.request('POST', '/api/settings/shop-sources', {
          name: 'Headless shop',
          scheme: 'standard-webhooks',
        })
      ).body;
      const added = await stack.request('POST', `/api/settings/shop-sources/${source.id}/secrets`, {});
      expect(added.status).toBe(201);
      first = added.body;
      expect(first.secret).toMatch(/^whsec_/);
    });

    it('should sync a product and take its refill_days into the next order.completed', async () => {
      const product = await signed(
        first.secret,
        await envelope('product.updated', {
          product_id: 'serum-30',
          name: 'Night serum',
          category: 'skincare',
          price: 39,
          currency: 'EUR',
          refill_days: 30,
        }),
      );
      expect(product).toMatchObject({ status: 200, body: { status: 'processed' } });

      const order = await signed(
        first.secret,
        await envelope('order.completed', {
          order_id: 'A-1001',
          total: 39,
          currency: 'EUR',
          customer: { id: 'ada', email: 'ada@example.com', first_name: 'Ada', email_consent: true },
          products: [{ product_id: 'serum-30', name: 'Night serum', quantity: 1, price: 39 }],
        }),
      );

      expect(order).toMatchObject({ status: 200, body: { status: 'processed', duplicate: false } });
      const [event] = await ordersOf('ada');
      expect(event.properties).toMatchObject({
        order_id: 'A-1001',
        products: [{ product_id: 'serum-30', category: 'skincare', refill_days: 30 }],
      });
      const timeline = await stack.request('GET', '/api/customers/by-external-id/ada/timeline');
      expect(timeline.body.enrollments).toHaveLength(1);
    });

    it('should accept both secrets while rotating and refuse the old one once removed', async () => {
      const second = `whsec_${randomBytes(32).toString('base64')}`;
      current = second;
      const added = await stack.request('POST', `/api/settings/shop-sources/${source.id}/secrets`, { secret: second });
      expect(added.status).toBe(201);
      expect(added.body.secret).toBeUndefined();
      const customer = (firstName: string) => envelope('customer.updated', { id: 'ada', first_name: firstName });

      expect((await signed(first.secret, await customer('Ada'))).status).toBe(200);
      expect((await signed(second, await customer('Adah'))).status).toBe(200);

      const removed = await stack.request('DELETE', `/api/settings/shop-sources/${source.id}/secrets/${first.id}`);
      expect(removed.status).toBe(204);
      const old = await signed(first.secret, await customer('Ada'));
      expect(old.status).toBe(401);
      expect(old.body.error.reason).toBe('bad-signature');
      expect((await signed(second, await customer('Adah L.'))).status).toBe(200);
      const profile = await stack.request('GET', '/api/customers/by-external-id/ada');
      expect(profile.body.attributes.firstName).toBe('Adah L.');
    });

    it('should refuse a request signed more than 5 minutes ago as stale', async () => {
      const at = new Date((await now()).getTime() - 6 * 60_000);

      const reply = await signed(
        current,
        { type: 'customer.updated', timestamp: at.toISOString(), data: { id: 'ada' } },
        at,
      );

      expect(reply.status).toBe(401);
      expect(reply.body.error).toMatchObject({ code: 'unauthorized', reason: 'stale' });
    });

    it('should refuse a signed body whose data is malformed with 400 naming the field, storing nothing', async () => {
      const id = `msg_${randomUUID()}`;
      const data = { order_id: 'A-2', customer: { id: 'ada' }, products: [{ quantity: 'two' }] };

      const reply = await signed(current, await envelope('order.completed', data), undefined, id);

      expect(reply.status).toBe(400);
      expect(reply.body.error.message).toContain('products.0.quantity');
      expect(await receivedRows(id)).toBe(0);
    });
  });

  it('should answer 404 at a source URL once its owner deleted the source', async () => {
    const made = await stack.request('POST', '/api/settings/shop-sources', { name: 'Old shop', scheme: 'shopify' });

    expect((await stack.request('DELETE', `/api/settings/shop-sources/${made.body.id}`)).status).toBe(204);

    expect((await post(`/webhooks/shop/${made.body.key}`, '{}', {})).status).toBe(404);
    expect((await stack.request('GET', `/api/settings/shop-sources/${made.body.id}`)).status).toBe(404);
  });

  it('should never write a secret to the API logs', async () => {
    const sources = (await stack.request('GET', '/api/settings/shop-sources')).body.sources;
    const logs = stack.api.logs();

    expect(logs).toContain('shop webhook received');
    expect(logs).toContain('shop webhook refused');
    expect(logs).not.toContain(SHOPIFY_SECRET);
    expect(logs).not.toContain(SHOPIFY_SECRET.slice(6, 22));
    for (const source of sources) expect(logs).not.toContain(source.key);
    expect(logs).not.toMatch(/whsec_/);
  });
});
