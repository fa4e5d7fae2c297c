import { randomBytes } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { WorkspaceRepository } from '@rapport/persistence';
// The routes are read from the API's own controllers (an app, not a library): on purpose, so none is missed.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { AppModule } from '../../apps/api/src/app.module';
import { startStack, type Stack } from '../support/stack';

/**
 * One workspace's keys can read and change nothing of another's, on every management route: the routes are read
 * from the API's own controllers, so a route added later is covered (or this test asks for its fixture).
 */

type Route = { method: string; path: string };

/** Every `api/*` route the API serves, from Nest's metadata on the controllers. */
const managementRoutes = (): Route[] => {
  const controllers = AppModule.forEngine({} as never).controllers ?? [];
  return controllers.flatMap((controller) => {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const prototype = (controller as { prototype: object }).prototype;
    return Object.getOwnPropertyNames(prototype).flatMap((name) => {
      // Read descriptors, not properties: a getter on a controller would run without its engine.
      const handler: unknown = Object.getOwnPropertyDescriptor(prototype, name)?.value;
      if (name === 'constructor' || typeof handler !== 'function' || !Reflect.hasMetadata(PATH_METADATA, handler))
        return [];
      const declared = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      // A catch-all handler (refusing changes to a published version) is tried with a change.
      const method = declared === 'ALL' ? 'PATCH' : declared;
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler));
      const path = `/${[base, sub].filter((part) => part && part !== '/').join('/')}`;
      // The test clock is the test harness's, not a workspace's.
      return path.startsWith('/api/') && !path.startsWith('/api/test-clock') ? [{ method: method!, path }] : [];
    });
  });
};

describe('workspace isolation', () => {
  let stack: Stack;
  const other = { apiKey: `sk_${randomBytes(16).toString('hex')}`, writeKey: `wk_${randomBytes(12).toString('hex')}` };
  /** Workspace A's identifiers by route parameter; a route with a parameter not listed here fails the test. */
  const params: Record<string, string> = {};
  /** Strings only workspace A has: none may appear in an answer to workspace B. */
  const secrets: string[] = [];

  const asOther = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.apiKey}` },
      body: method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  };

  /** Every row of workspace A in every table that has a workspace, in a stable order. */
  const snapshotOfA = async (): Promise<Record<string, unknown[]>> => {
    const tables: { table_name: string }[] = await stack.db.dataSource.query(
      `SELECT table_name FROM information_schema.columns
        WHERE table_schema = 'public' AND column_name = 'workspace_id' ORDER BY table_name`,
    );
    const snapshot: Record<string, unknown[]> = {};
    for (const { table_name } of tables) {
      snapshot[table_name] = await stack.db.dataSource.query(
        `SELECT to_jsonb(t) AS row FROM "${table_name}" t WHERE workspace_id = $1 ORDER BY to_jsonb(t)::text`,
        [params['workspace']],
      );
    }
    return snapshot;
  };

  beforeAll(async () => {
    stack = await startStack({ label: 'isolation' });
    await new WorkspaceRepository(stack.db.dataSource).create({
      name: 'Other shop',
      writeKey: other.writeKey,
      apiKey: other.apiKey,
      emailFrom: 'other@example.com',
      now: new Date('2026-06-01T09:00:00Z'),
    });
    const layout = await stack.request('PUT', '/api/email-parts/layouts/alpha-layout', {
      html: '<div class="alpha-layout-3e1d">{{{body}}}</div>',
    });
    expect(layout.status).toBe(200);
    const template = await stack.request('PUT', '/api/templates/alpha-only', {
      name: 'Alpha only',
      subject: 'alpha-subject-7f3a',
      html: '<p>Hello {{customer.email}}</p>',
    });
    expect(template.status).toBe(200);
    const journey = await stack.request('POST', '/api/journeys', {
      name: 'alpha-journey-name-91c2',
      nodes: [
        { id: 'start', kind: 'event-trigger', config: { event: 'Signed Up' } },
        { id: 'mail', kind: 'send-email', config: { template: 'alpha-only' } },
        { id: 'done', kind: 'exit', config: {} },
      ],
      edges: [
        { from: 'start', output: 'next', to: 'mail' },
        { from: 'mail', output: 'next', to: 'done' },
      ],
    });
    expect(journey.status).toBe(201);
    const published = await stack.request('POST', `/api/journeys/${journey.body.id}/publish`);
    expect(published).toMatchObject({ status: 201 });
    const pool = await stack.request('POST', '/api/coupon-pools', {
      key: 'alpha-pool',
      name: 'Alpha pool',
      source: 'imported',
      validDays: 30,
    });
    expect(pool).toMatchObject({ status: 201 });
    const codes = await stack.request('POST', '/api/coupon-pools/alpha-pool/codes', {
      codes: ['ALPHACODE1', 'ALPHACODE2'],
    });
    expect(codes.status).toBeLessThan(300);
    const source = await stack.request('POST', '/api/settings/shop-sources', { name: 'Alpha shop', scheme: 'shopify' });
    expect(source.status).toBe(201);
    const secret = await stack.request('POST', `/api/settings/shop-sources/${source.body.id}/secrets`, {});
    expect(secret.body.secret).toEqual(expect.any(String));
    const audience = await stack.request('POST', '/api/audiences', {
      key: 'alpha-audience',
      name: 'alpha-audience-name-4d2e',
      definition: { attribute: { path: 'email', operator: 'exists' } },
    });
    expect(audience.status).toBe(201);
    const member = await stack.request('POST', '/api/members', {
      email: 'alpha-member-8c1f@alpha.example',
      name: 'Alpha member',
      role: 'marketer',
      password: 'alpha-member-password',
    });
    expect(member.status).toBe(201);
    const attribute = await stack.request('PUT', '/api/attributes/alpha_points', {
      type: 'number',
      label: 'alpha-label-6d2e',
    });
    expect(attribute.status).toBe(200);
    const upload = await fetch(`${stack.apiUrl}/api/imports/customers`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${stack.apiKey}` },
      body: 'user_id,alpha_points\nalpha-import-4c1a,not-a-number-8e3f\n',
    });
    const imported = (await upload.json()) as { id: string };
    expect(upload.status).toBe(202);
    // The rows are written after the answer: wait for the end, so the snapshots below compare a settled workspace.
    for (
      let tries = 0;
      (await stack.request('GET', `/api/imports/${imported.id}`)).body.status === 'running';
      tries++
    ) {
      if (tries > 100) throw new Error('the fixture import did not finish');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await stack.track('/v1/identify', { userId: 'alpha-user', traits: { email: 'alpha-user@alpha.example' } });
    await stack.track('/v1/track', { userId: 'alpha-user', event: 'Signed Up' });
    await stack.advanceClock('PT1M');
    const customer = await stack.request('GET', '/api/customers/by-external-id/alpha-user');
    expect(customer.status).toBe(200);
    const workspace = await stack.db.dataSource.query(`SELECT workspace_id FROM customers WHERE id = $1`, [
      customer.body.id,
    ]);

    Object.assign(params, {
      workspace: workspace[0].workspace_id,
      'journeys:id': journey.body.id,
      'journeys:version': '1',
      'journeys:nodeId': 'mail',
      'customers:id': customer.body.id,
      'customers:externalId': 'alpha-user',
      'templates:key': 'alpha-only',
      'coupon-pools:key': 'alpha-pool',
      'email-parts:kind': 'layouts',
      'email-parts:name': 'alpha-layout',
      'shop-sources:id': source.body.id,
      'shop-sources:secretId': secret.body.id,
      'products:productId': 'alpha-product',
      'audiences:id': audience.body.id,
      'attributes:name': 'alpha_points',
      'imports:id': imported.id,
      'members:userId': member.body.member.id,
    });
    await stack.db.dataSource.query(
      `INSERT INTO products (workspace_id, product_id, name, updated_at) VALUES ($1, 'alpha-product', 'alpha-serum-5b7c', now())`,
      [params['workspace']],
    );
    secrets.push(
      journey.body.id,
      customer.body.id,
      'alpha-user@alpha.example',
      'alpha-subject-7f3a',
      'alpha-journey-name-91c2',
      'ALPHACODE1',
      'alpha-layout-3e1d',
      source.body.key,
      secret.body.secret,
      'alpha-serum-5b7c',
      'alpha-audience-name-4d2e',
      'alpha-label-6d2e',
      'not-a-number-8e3f',
      'alpha-member-8c1f@alpha.example',
    );
  });

  afterAll(() => stack?.stop());

  /**
   * The workers claim each new workspace's value-tier scoring once, in the background (a row in
   * value_tier_settings; with no orders there is nothing more to write): let that happen before comparing.
   */
  const untilBothWorkspacesScored = async () => {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const [row] = await stack.db.dataSource.query(
        `SELECT count(*)::int AS waiting FROM workspaces w LEFT JOIN value_tier_settings s ON s.workspace_id = w.id
          WHERE s.workspace_id IS NULL`,
      );
      if (row.waiting === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the workers did not claim the scoring of both workspaces within 30 s');
  };

  it("should neither show nor change anything of another workspace's on any management route", async () => {
    const routes = managementRoutes();
    expect(routes.length).toBeGreaterThan(20);
    await untilBothWorkspacesScored();
    const before = await snapshotOfA();
    expect(before['deliveries']).toHaveLength(1);

    for (const route of routes) {
      // Fixtures are named by area (`journeys:id`); settings routes by the area under settings.
      const segments = route.path.split('/');
      const area = (segments[2] === 'settings' ? segments[3] : segments[2])!;
      const path = route.path.replace(/:(\w+)/g, (_, name: string) => {
        const value = params[`${area}:${name}`];
        if (value === undefined)
          throw new Error(`No workspace-A fixture for :${name} in ${route.method} ${route.path}`);
        return encodeURIComponent(value);
      });
      // Plausible bodies, so that a route reaches its lookup rather than stopping at validation.
      const body = {
        name: 'from B',
        key: 'from-b',
        subject: 'from B',
        html: '<p>B</p>',
        codes: ['BCODE'],
        to: 'b@example.com',
      };
      const answer = await asOther(route.method, path, body);

      expect({ route: `${route.method} ${route.path}`, status: answer.status }).not.toEqual(
        expect.objectContaining({ status: 500 }),
      );
      // An answer may echo what was asked ("journey <id> was not found"); anything else of A's is a leak.
      for (const secret of secrets.filter((value) => !path.includes(encodeURIComponent(value)))) {
        expect({ route: `${route.method} ${route.path}`, leaked: answer.text.includes(secret) }).toEqual({
          route: `${route.method} ${route.path}`,
          leaked: false,
        });
      }
      if (route.method === 'GET' && route.path.includes(':')) {
        expect({ route: route.path, status: answer.status }).toEqual({ route: route.path, status: 404 });
      }
    }

    expect(await snapshotOfA()).toEqual(before);
  });

  it("should enroll nobody of one workspace from another workspace's write key", async () => {
    const sut = await fetch(`${stack.apiUrl}/v1/track`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${other.writeKey}:`).toString('base64')}`,
      },
      body: JSON.stringify({ userId: 'alpha-user', event: 'Signed Up', messageId: 'from-other' }),
    });
    expect(sut.status).toBe(200);
    await stack.advanceClock('PT1M');

    expect(stack.mail.messages().filter((mail) => mail.to.includes('alpha-user@alpha.example'))).toHaveLength(1);
    const customers = await stack.db.dataSource.query(
      `SELECT workspace_id FROM customers WHERE external_id = 'alpha-user' ORDER BY created_at`,
    );
    expect(customers).toHaveLength(2);
    expect(customers[0].workspace_id).not.toBe(customers[1].workspace_id);
  });
});
