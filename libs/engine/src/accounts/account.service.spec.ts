import { createTestDatabase, createTestWorkspace, type TestDatabase } from '@rapport/persistence';
import { AccountError } from './account-error';
import { AccountService } from './account.service';

const START = new Date('2026-06-01T09:00:00Z');
const DAY = 86_400_000;

describe('AccountService', () => {
  let db: TestDatabase;
  let now = START;
  let sut: AccountService;
  let shop: string;
  let otherShop: string;

  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => (error instanceof AccountError ? error.code : error),
    );

  beforeAll(async () => {
    db = await createTestDatabase('accounts');
    const make = (name: string) => createTestWorkspace(db.dataSource, { name, emailFrom: 'a@example.com', now: START });
    shop = (await make('Shop')).id;
    otherShop = (await make('Other shop')).id;
    sut = new AccountService(db.dataSource, { now: async () => now });
    await sut.addMember(shop, {
      email: 'Admin@Shop.example',
      name: 'Ada',
      role: 'admin',
      password: 'admin-password-1',
    });
  }, 30_000);

  beforeEach(() => {
    now = START;
  });

  afterAll(() => db.drop());

  it('should store the email lowercased and only an argon2id hash of the password when a member is added', async () => {
    const rows = await db.dataSource.query(`SELECT email, password_hash FROM users`);

    expect(rows).toEqual([{ email: 'admin@shop.example', password_hash: expect.stringMatching(/^\$argon2id\$/) }]);
    expect(rows[0].password_hash).not.toContain('admin-password-1');
  });

  it('should open a session in the first workspace when the password matches, whatever the email case', async () => {
    const signedIn = await sut.signIn({ email: ' ADMIN@shop.example ', password: 'admin-password-1' });

    expect(signedIn).toMatchObject({ user: { email: 'admin@shop.example' }, workspace: { workspaceId: shop } });
    expect(signedIn.user).not.toHaveProperty('passwordHash');
    const stored = await db.dataSource.query(`SELECT id FROM sessions`);
    expect(stored.map((row: { id: string }) => row.id)).not.toContain(signedIn.token);
    expect(await sut.sessionOf(signedIn.token)).toMatchObject({ role: 'admin', workspaceId: shop });
  });

  it('should refuse an unknown email and a wrong password with the same error', async () => {
    const wrongPassword = sut.signIn({ email: 'admin@shop.example', password: 'nope-nope-nope' });
    const unknownEmail = sut.signIn({ email: 'nobody@shop.example', password: 'admin-password-1' });

    const errors = await Promise.all([wrongPassword, unknownEmail].map((p) => p.catch((error: Error) => error)));
    expect(errors.map((error) => [(error as AccountError).code, (error as AccountError).message])).toEqual([
      ['bad-credentials', 'Wrong email or password.'],
      ['bad-credentials', 'Wrong email or password.'],
    ]);
  });

  it('should end a session after 14 days without use, counted from its last use', async () => {
    const idle = await sut.signIn({ email: 'admin@shop.example', password: 'admin-password-1' });
    const used = await sut.signIn({ email: 'admin@shop.example', password: 'admin-password-1' });
    now = new Date(START.getTime() + 10 * DAY);
    expect(await sut.sessionOf(used.token)).not.toBeNull();

    now = new Date(START.getTime() + 14 * DAY);
    expect(await sut.sessionOf(idle.token)).toBeNull();
    expect(await sut.sessionOf(used.token)).not.toBeNull();
    now = new Date(START.getTime() + 28 * DAY);
    expect(await sut.sessionOf(used.token)).toBeNull();
  });

  it('should end a session 30 days after sign-in even when used every day', async () => {
    const { token } = await sut.signIn({ email: 'admin@shop.example', password: 'admin-password-1' });
    for (let day = 1; day < 30; day += 1) {
      now = new Date(START.getTime() + day * DAY);
      expect(await sut.sessionOf(token)).not.toBeNull();
    }
    now = new Date(START.getTime() + 30 * DAY);

    expect(await sut.sessionOf(token)).toBeNull();
  });

  it('should add an existing account to another workspace without touching its password', async () => {
    const added = await sut.addMember(otherShop, { email: 'admin@shop.example', name: 'Someone else', role: 'viewer' });

    expect(added).toMatchObject({ accountCreated: false, member: { name: 'Ada', role: 'viewer' } });
    expect(
      await failureOf(
        sut.addMember(otherShop, { email: 'admin@shop.example', name: 'x', role: 'viewer', password: 'takeover-123' }),
      ),
    ).toBe('existing-account');
    expect(await failureOf(sut.addMember(otherShop, { email: 'admin@shop.example', name: 'x', role: 'admin' }))).toBe(
      'already-member',
    );
    expect(await failureOf(sut.addMember(otherShop, { email: 'new@shop.example', name: 'x', role: 'admin' }))).toBe(
      'password-required',
    );
    const signedIn = await sut.signIn({
      email: 'admin@shop.example',
      password: 'admin-password-1',
      workspaceId: otherShop,
    });
    expect(signedIn.workspace).toEqual({ workspaceId: otherShop, workspaceName: 'Other shop', role: 'viewer' });
  });

  it('should keep the last admin when they are demoted or removed, and allow it once there is another', async () => {
    const [admin] = await sut.listMembers(shop);

    expect(await failureOf(sut.changeRole(shop, admin!.id, 'marketer'))).toBe('last-admin');
    expect(await failureOf(sut.removeMember(shop, admin!.id))).toBe('last-admin');

    const { member: second } = await sut.addMember(shop, {
      email: 'second@shop.example',
      name: 'Bo',
      role: 'marketer',
      password: 'second-password',
    });
    await sut.changeRole(shop, second.id, 'admin');
    await sut.changeRole(shop, admin!.id, 'marketer');
    expect((await sut.listMembers(shop)).map((member) => [member.email, member.role])).toEqual([
      ['admin@shop.example', 'marketer'],
      ['second@shop.example', 'admin'],
    ]);
  });

  it('should let only one of two admins demoting each other at the same time succeed', async () => {
    const { member: third } = await sut.addMember(shop, {
      email: 'third@shop.example',
      name: 'Cy',
      role: 'admin',
      password: 'third-password',
    });
    const second = (await sut.listMembers(shop)).find((member) => member.email === 'second@shop.example')!;

    const outcomes = await Promise.all([
      failureOf(sut.changeRole(shop, second.id, 'viewer')),
      failureOf(sut.changeRole(shop, third.id, 'viewer')),
    ]);

    expect(outcomes.sort()).toEqual(['last-admin', null].sort());
    expect((await sut.listMembers(shop)).filter((member) => member.role === 'admin')).toHaveLength(1);
  });

  it("should end a removed member's sessions in that workspace at once", async () => {
    const { member } = await sut.addMember(shop, {
      email: 'leaving@shop.example',
      name: 'Di',
      role: 'marketer',
      password: 'leaving-password',
    });
    const { token } = await sut.signIn({ email: 'leaving@shop.example', password: 'leaving-password' });

    await sut.removeMember(shop, member.id);

    expect(await sut.sessionOf(token)).toBeNull();
    expect(await failureOf(sut.signIn({ email: 'leaving@shop.example', password: 'leaving-password' }))).toBe(
      'no-workspace',
    );
  });
});
