import { randomBytes } from 'node:crypto';
import { WorkspaceRepository } from '@rapport/persistence';
import { startStack, type Stack } from '../support/stack';
import { thankYouJourney } from '../support/thank-you-fixture';

/** A browser's view of the API: the session cookie it was given, and the CSRF token the page keeps. */
type Browser = { cookie: string; csrf: string };

const PASSWORDS = {
  admin: 'admin-password-1',
  marketer: 'marketer-password-1',
  viewer: 'viewer-password-1',
};

describe('signing in, sessions, CSRF and roles', () => {
  let stack: Stack;
  const ids: Record<string, string> = {};

  const call = async (
    method: string,
    path: string,
    options: { browser?: Browser; csrf?: string | null; body?: unknown; contentType?: string } = {},
  ) => {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' };
    if (options.browser) headers['cookie'] = options.browser.cookie;
    const csrf = options.csrf === undefined ? options.browser?.csrf : options.csrf;
    if (csrf) headers['x-csrf-token'] = csrf;
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };

  const login = (email: string, password: string) => call('POST', '/api/auth/login', { body: { email, password } });

  const signIn = async (email: string, password: string): Promise<Browser> => {
    const answer = await login(email, password);
    if (answer.status !== 200) throw new Error(`sign-in of ${email}: ${JSON.stringify(answer.body)}`);
    const cookie = answer.headers.getSetCookie().find((line) => line.startsWith('rapport_session='))!;
    return { cookie: cookie.split(';')[0]!, csrf: answer.body.csrfToken };
  };

  beforeAll(async () => {
    // An https public address: the cookie must then be Secure.
    stack = await startStack({ label: 'accounts', workers: 0, env: { PUBLIC_URL: 'https://rapport.example' } });
    for (const role of ['admin', 'marketer', 'viewer'] as const) {
      const added = await stack.request('POST', '/api/members', {
        email: `${role}@shop.example`,
        name: `The ${role}`,
        role,
        password: PASSWORDS[role],
      });
      expect(added).toMatchObject({ status: 201, body: { accountCreated: true, member: { role } } });
      ids[role] = added.body.member.id;
    }
  }, 120_000);

  afterAll(() => stack?.stop());

  it('should set an HttpOnly, SameSite=Lax, Secure session cookie and answer who signed in when the password is right', async () => {
    const sut = await login('Marketer@Shop.example', PASSWORDS.marketer);

    expect(sut.status).toBe(200);
    expect(sut.body).toMatchObject({
      user: { email: 'marketer@shop.example', name: 'The marketer' },
      workspace: { name: 'Test shop' },
      role: 'marketer',
      csrfToken: expect.stringMatching(/^[\w-]{40,}$/),
    });
    const cookie = sut.headers.getSetCookie().find((line) => line.startsWith('rapport_session='))!;
    expect(cookie.split(';').map((part) => part.trim().split('=')[0])).toEqual(
      expect.arrayContaining(['rapport_session', 'Path', 'HttpOnly', 'Secure', 'SameSite', 'Max-Age']),
    );
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/;');
    expect(JSON.stringify(sut.body)).not.toContain(cookie.split(';')[0]!.split('=')[1]!);
  });

  it('should answer a wrong password and an unknown email with the same 401', async () => {
    const wrongPassword = await login('viewer@shop.example', 'not-the-password');
    const unknownEmail = await login('nobody@shop.example', PASSWORDS.viewer);

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail).toEqual({ ...unknownEmail, status: 401, body: wrongPassword.body });
    expect(wrongPassword.body.error.message).toBe('Wrong email or password.');
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
  });

  it('should refuse a sign-in that is not JSON, so a cross-site form cannot sign a browser in', async () => {
    const sut = await call('POST', '/api/auth/login', {
      body: { email: 'viewer@shop.example', password: PASSWORDS.viewer },
      contentType: 'text/plain',
    });

    expect(sut.status).toBe(400);
    expect(sut.headers.getSetCookie()).toEqual([]);
  });

  it('should tell a signed-in browser who it is, and a browser without a session to sign in', async () => {
    const browser = await signIn('admin@shop.example', PASSWORDS.admin);

    const sut = await call('GET', '/api/auth/me', { browser });

    expect(sut.body).toMatchObject({
      user: { email: 'admin@shop.example' },
      role: 'admin',
      csrfToken: browser.csrf,
      workspaces: [{ name: 'Test shop', role: 'admin' }],
    });
    expect((await call('GET', '/api/auth/me')).status).toBe(401);
    expect(
      (await call('GET', '/api/journeys', { browser: { cookie: 'rapport_session=forged', csrf: 'x' } })).status,
    ).toBe(401);
  });

  it('should refuse a change with 403 csrf when the cookie comes without the session token', async () => {
    const browser = await signIn('marketer@shop.example', PASSWORDS.marketer);

    const missing = await call('POST', '/api/journeys', { browser, csrf: null, body: thankYouJourney() });
    const wrong = await call('POST', '/api/journeys', { browser, csrf: 'guessed', body: thankYouJourney() });
    const right = await call('POST', '/api/journeys', { browser, body: thankYouJourney() });

    expect([missing.status, missing.body.error.code, wrong.status, wrong.body.error.code]).toEqual([
      403,
      'csrf',
      403,
      'csrf',
    ]);
    expect(right.status).toBe(201);
    const journeys = await stack.request('GET', '/api/journeys');
    expect(journeys.body.journeys).toHaveLength(1);
  });

  it('should let a viewer read but not change anything', async () => {
    const browser = await signIn('viewer@shop.example', PASSWORDS.viewer);

    expect((await call('GET', '/api/journeys', { browser })).status).toBe(200);
    expect((await call('GET', '/api/settings/delivery-rules', { browser })).status).toBe(200);
    const write = await call('POST', '/api/journeys', { browser, body: thankYouJourney() });
    expect(write).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden', role: 'viewer', needed: 'marketer' } },
    });
    expect((await call('PUT', '/api/templates/from-viewer', { browser, body: { name: 'x' } })).status).toBe(403);
  });

  it('should keep settings, secrets and members from a marketer', async () => {
    const browser = await signIn('marketer@shop.example', PASSWORDS.marketer);

    const refused = await Promise.all([
      call('PUT', '/api/settings/delivery-rules', { browser, body: {} }),
      call('GET', '/api/settings/webhook-secret', { browser }),
      call('GET', '/api/settings/shop-sources', { browser }),
      call('POST', '/api/settings/shop-sources', { browser, body: { name: 'x', scheme: 'shopify' } }),
      call('GET', '/api/members', { browser }),
      call('POST', '/api/members', {
        browser,
        body: { email: 'new@shop.example', role: 'admin', password: 'x'.repeat(12) },
      }),
      call('PUT', `/api/members/${ids['marketer']}`, { browser, body: { role: 'admin' } }),
      call('PUT', '/API/Settings/Delivery-Rules', { browser, body: {} }),
    ]);

    expect(refused.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403, 403, 403, 403]);
    expect(
      await stack.db.dataSource.query(`SELECT role FROM memberships WHERE user_id = $1`, [ids['marketer']]),
    ).toEqual([{ role: 'marketer' }]);
    expect((await call('GET', '/api/settings/delivery-rules', { browser })).status).toBe(200);
  });

  it('should let an admin change settings and members, but never remove the last admin', async () => {
    const browser = await signIn('admin@shop.example', PASSWORDS.admin);
    const rules = await call('GET', '/api/settings/delivery-rules', { browser });

    expect((await call('PUT', '/api/settings/delivery-rules', { browser, body: rules.body })).status).toBe(200);
    expect((await call('GET', '/api/settings/webhook-secret', { browser })).body.secret).toEqual(expect.any(String));
    const added = await call('POST', '/api/members', {
      browser,
      body: { email: 'Intern@Shop.example', name: 'Intern', role: 'viewer', password: 'intern-password' },
    });
    expect(added).toMatchObject({ status: 201, body: { member: { email: 'intern@shop.example', role: 'viewer' } } });
    const invalid = await call('POST', '/api/members', { browser, body: { email: 'not-an-email', role: 'owner' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.issues.map((issue: { path: string[] }) => issue.path[0]).sort()).toEqual([
      'email',
      'role',
    ]);
    const promoted = await call('PUT', `/api/members/${added.body.member.id}`, { browser, body: { role: 'marketer' } });
    expect(promoted.body.role).toBe('marketer');
    expect((await call('DELETE', `/api/members/${added.body.member.id}`, { browser })).status).toBe(204);

    const lastAdmin = await call('DELETE', `/api/members/${ids['admin']}`, { browser });
    const demoted = await call('PUT', `/api/members/${ids['admin']}`, { browser, body: { role: 'viewer' } });
    expect([lastAdmin.status, lastAdmin.body.error.reason, demoted.status]).toEqual([409, 'last-admin', 409]);
    const members = await call('GET', '/api/members', { browser });
    expect(members.body.members.map((m: { email: string; role: string }) => `${m.email}:${m.role}`)).toEqual([
      'admin@shop.example:admin',
      'marketer@shop.example:marketer',
      'viewer@shop.example:viewer',
    ]);
  });

  it('should apply a changed role to a signed-in member from their next request', async () => {
    const browser = await signIn('viewer@shop.example', PASSWORDS.viewer);
    expect((await call('POST', '/api/journeys', { browser, body: thankYouJourney() })).status).toBe(403);

    await stack.request('PUT', `/api/members/${ids['viewer']}`, { role: 'marketer' });
    const sut = await call('POST', '/api/journeys', { browser, body: thankYouJourney() });

    await stack.request('PUT', `/api/members/${ids['viewer']}`, { role: 'viewer' });
    expect(sut.status).toBe(201);
  });

  it('should end the session when the member signs out', async () => {
    const browser = await signIn('marketer@shop.example', PASSWORDS.marketer);

    const refused = await call('POST', '/api/auth/logout', { browser, csrf: null });
    const sut = await call('POST', '/api/auth/logout', { browser });

    expect(refused.status).toBe(403);
    expect(sut.status).toBe(204);
    expect(sut.headers.getSetCookie()[0]).toMatch(/^rapport_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await call('GET', '/api/auth/me', { browser })).status).toBe(401);
  });

  it('should keep working with the API key, without a CSRF token', async () => {
    const sut = await stack.request('POST', '/api/journeys', thankYouJourney());

    expect(sut.status).toBe(201);
    expect((await stack.request('GET', '/api/settings/webhook-secret')).status).toBe(200);
  });

  it('should refuse even the right password with 429 after ten failed sign-ins for that email', async () => {
    await stack.request('POST', '/api/members', {
      email: 'guessed@shop.example',
      role: 'viewer',
      password: 'guessed-password',
    });
    for (let attempt = 0; attempt < 10; attempt += 1)
      expect((await login('guessed@shop.example', `guess-${attempt}`)).status).toBe(401);

    const sut = await login('guessed@shop.example', 'guessed-password');

    expect(sut.status).toBe(429);
    expect(Number(sut.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login('viewer@shop.example', PASSWORDS.viewer)).status).toBe(200);
  }, 30_000);

  it('should show a member of two workspaces only the one their session works in, and switch on request', async () => {
    const otherKey = `sk_${randomBytes(16).toString('hex')}`;
    const other = await new WorkspaceRepository(stack.db.dataSource).create({
      name: 'Second shop',
      writeKey: `wk_${randomBytes(12).toString('hex')}`,
      apiKey: otherKey,
      emailFrom: 'second@example.com',
      now: new Date('2026-06-01T09:00:00Z'),
    });
    await fetch(`${stack.apiUrl}/api/members`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${otherKey}` },
      body: JSON.stringify({ email: 'viewer@shop.example', role: 'admin' }),
    });
    await stack.request('POST', '/api/journeys', thankYouJourney());
    const [first] = await stack.db.dataSource.query(`SELECT id FROM workspaces WHERE name = 'Test shop'`);
    const signedIn = await call('POST', '/api/auth/login', {
      body: { email: 'viewer@shop.example', password: PASSWORDS.viewer, workspaceId: first.id },
    });
    expect(signedIn.body.workspaces.map((w: { name: string }) => w.name).sort()).toEqual(['Second shop', 'Test shop']);
    const browser = {
      cookie: signedIn.headers.getSetCookie()[0]!.split(';')[0]!,
      csrf: signedIn.body.csrfToken as string,
    };
    const inFirst = await call('GET', '/api/journeys', { browser });

    const switched = await call('POST', '/api/auth/workspace', { browser, body: { workspaceId: other.id } });

    expect(inFirst.body.journeys.length).toBeGreaterThan(0);
    expect(switched.body).toMatchObject({ workspace: { id: other.id, name: 'Second shop' }, role: 'admin' });
    expect((await call('GET', '/api/journeys', { browser })).body.journeys).toEqual([]);
    expect((await call('GET', '/api/members', { browser })).body.members).toHaveLength(1);
    const notMine = await call('POST', '/api/auth/workspace', {
      browser: await signIn('marketer@shop.example', PASSWORDS.marketer),
      body: { workspaceId: other.id },
    });
    expect(notMine.status).toBe(403);
    const direct = await call('POST', '/api/auth/login', {
      body: { email: 'marketer@shop.example', password: PASSWORDS.marketer, workspaceId: other.id },
    });
    expect(direct).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  });

  it('should end a session left unused for 14 days of engine time', async () => {
    const browser = await signIn('marketer@shop.example', PASSWORDS.marketer);
    await stack.advanceClock('P13D');
    expect((await call('GET', '/api/auth/me', { browser })).status).toBe(200);

    await stack.advanceClock('P14D');

    const sut = await call('GET', '/api/journeys', { browser });
    expect(sut).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
  });
});
