import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@rapport/journey';
import { AccountRepository, WorkspaceRepository } from '@rapport/persistence';
import { AccountService, verifyPassword, type Engine } from '@rapport/engine';

const ROOT = join(__dirname, '..');
const LOGINS_FILE = join(ROOT, '.rapport/demo-logins.json');

export type DemoLogin = { email: string; password: string; role: Role };

const DEMO_PEOPLE: { email: string; name: string; role: Role }[] = [
  { email: 'marketer@rapport.local', name: 'Demo Marketer', role: 'marketer' },
  { email: 'admin@rapport.local', name: 'Demo Admin', role: 'admin' },
];

/** RAPPORT_DEMO_PASSWORD when set; otherwise generated once and kept in .rapport/ (git-ignored) so it stays put. */
const demoPassword = (env: NodeJS.ProcessEnv): string => {
  const given = env['RAPPORT_DEMO_PASSWORD'];
  if (given) return given;
  const saved: { password?: string } = existsSync(LOGINS_FILE) ? JSON.parse(readFileSync(LOGINS_FILE, 'utf8')) : {};
  const password = saved.password ?? `demo-${randomBytes(6).toString('base64url')}`;
  mkdirSync(join(ROOT, '.rapport'), { recursive: true });
  writeFileSync(LOGINS_FILE, JSON.stringify({ password }, null, 2), { mode: 0o600 });
  return password;
};

/**
 * The demo workspace's people: a marketer (what the editor is for) and an admin (members, settings), both with the
 * printed password. Idempotent: an existing account keeps its role and sessions, and gets the printed password
 * back only if it was changed.
 */
export const seedDemoAccounts = async (
  engine: Engine,
  apiKey: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DemoLogin[]> => {
  const workspace = await new WorkspaceRepository(engine.db).findByApiKey(apiKey);
  if (!workspace) throw new Error('The demo workspace is missing: seed it before its accounts.');
  const password = demoPassword(env);
  const service = new AccountService(engine.db, engine.clock);
  const accounts = new AccountRepository(engine.db.manager);
  for (const person of DEMO_PEOPLE) {
    const user = await accounts.findUserByEmail(person.email);
    if (!user) {
      await service.addMember(workspace.id, { ...person, password });
      continue;
    }
    if (!(await verifyPassword(user.passwordHash, password))) await service.setPassword(user.id, password);
    await accounts.addMember(workspace.id, user.id, person.role, await engine.clock.now());
  }
  return DEMO_PEOPLE.map((person) => ({ email: person.email, password, role: person.role }));
};
