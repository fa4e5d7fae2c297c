import type { EntityManager } from 'typeorm';
import type { Role } from '@rapport/journey';

export type User = { id: string; email: string; name: string; locale: string; createdAt: Date };
/** A user with the hash to verify a password against: only the sign-in path reads it. */
export type UserWithPassword = User & { passwordHash: string };

export type Member = User & { role: Role; memberSince: Date };
export type UserWorkspace = { workspaceId: string; workspaceName: string; role: Role };

type UserRow = {
  id: string;
  email: string;
  name: string;
  locale: string;
  created_at: Date;
  password_hash: string;
};

const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  locale: row.locale,
  createdAt: row.created_at,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Users (global: one account per email) and their memberships (one role per workspace). */
export class AccountRepository {
  constructor(private readonly db: EntityManager) {}

  async findUserByEmail(email: string): Promise<UserWithPassword | null> {
    const rows: UserRow[] = await this.db.query('SELECT * FROM users WHERE email = $1', [email.toLowerCase()]);
    return rows[0] ? { ...toUser(rows[0]), passwordHash: rows[0].password_hash } : null;
  }

  /** Inserts the user unless the email is taken (a concurrent sign-up); answers null then. */
  async createUser(
    input: { email: string; name: string; passwordHash: string; locale?: string },
    now: Date,
  ): Promise<User | null> {
    const rows: UserRow[] = await this.db.query(
      `INSERT INTO users (email, name, password_hash, locale, created_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING *`,
      [input.email.toLowerCase(), input.name, input.passwordHash, input.locale ?? 'en', now],
    );
    return rows[0] ? toUser(rows[0]) : null;
  }

  async setPasswordHash(userId: string, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
  }

  /** Every workspace the user belongs to, oldest membership first (the one a sign-in opens by default). */
  async workspacesOf(userId: string): Promise<UserWorkspace[]> {
    const rows: { workspace_id: string; name: string; role: Role }[] = await this.db.query(
      `SELECT m.workspace_id, w.name, m.role FROM memberships m JOIN workspaces w ON w.id = m.workspace_id
        WHERE m.user_id = $1 ORDER BY m.created_at, w.name`,
      [userId],
    );
    return rows.map((row) => ({ workspaceId: row.workspace_id, workspaceName: row.name, role: row.role }));
  }

  async listMembers(workspaceId: string): Promise<Member[]> {
    const rows: (UserRow & { role: Role; member_since: Date })[] = await this.db.query(
      `SELECT u.*, m.role, m.created_at AS member_since FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = $1 ORDER BY m.created_at, u.email`,
      [workspaceId],
    );
    return rows.map((row) => ({ ...toUser(row), role: row.role, memberSince: row.member_since }));
  }

  async findMember(workspaceId: string, userId: string): Promise<Member | null> {
    if (!UUID.test(userId)) return null;
    const rows: (UserRow & { role: Role; member_since: Date })[] = await this.db.query(
      `SELECT u.*, m.role, m.created_at AS member_since FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.workspace_id = $1 AND m.user_id = $2`,
      [workspaceId, userId],
    );
    const row = rows[0];
    return row ? { ...toUser(row), role: row.role, memberSince: row.member_since } : null;
  }

  /** Adds the membership; false when the user already belongs to the workspace (their role is left as it is). */
  async addMember(workspaceId: string, userId: string, role: Role, now: Date): Promise<boolean> {
    const rows: { user_id: string }[] = await this.db.query(
      `INSERT INTO memberships (workspace_id, user_id, role, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (workspace_id, user_id) DO NOTHING RETURNING user_id`,
      [workspaceId, userId, role, now],
    );
    return rows.length > 0;
  }

  async setRole(workspaceId: string, userId: string, role: Role): Promise<void> {
    await this.db.query('UPDATE memberships SET role = $3 WHERE workspace_id = $1 AND user_id = $2', [
      workspaceId,
      userId,
      role,
    ]);
  }

  async removeMember(workspaceId: string, userId: string): Promise<void> {
    await this.db.query('DELETE FROM memberships WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
  }

  /**
   * Locks the workspace's memberships for the rest of the transaction and counts its admins: two admins demoting
   * each other at once are taken one after the other, so the second sees one admin left.
   */
  async lockAndCountAdmins(workspaceId: string): Promise<number> {
    await this.db.query('SELECT id FROM workspaces WHERE id = $1 FOR UPDATE', [workspaceId]);
    const rows: { count: string }[] = await this.db.query(
      `SELECT count(*) FROM memberships WHERE workspace_id = $1 AND role = 'admin'`,
      [workspaceId],
    );
    return Number(rows[0]?.count ?? 0);
  }
}
