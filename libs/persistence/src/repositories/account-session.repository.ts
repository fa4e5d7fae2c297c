import type { EntityManager } from 'typeorm';
import type { Role } from '@rapport/journey';
import type { User } from './account.repository';

/** A signed-in browser: who, in which workspace (with their role there now), and its CSRF token. */
export type LiveSession = {
  id: string;
  user: User;
  workspaceId: string;
  role: Role;
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
};

export type SessionLifetime = { idleSeconds: number; absoluteSeconds: number };

type SessionRow = {
  id: string;
  workspace_id: string;
  role: Role;
  csrf_token: string;
  last_seen_at: Date;
  expires_at: Date;
  user_id: string;
  email: string;
  name: string;
  locale: string;
  user_created_at: Date;
};

/** Sessions by the SHA-256 of their token (the token itself is only ever in the cookie). */
export class AccountSessionRepository {
  constructor(private readonly db: EntityManager) {}

  async create(
    input: { id: string; userId: string; workspaceId: string; csrfToken: string; expiresAt: Date },
    now: Date,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO sessions (id, user_id, workspace_id, csrf_token, created_at, last_seen_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $5, $6)`,
      [input.id, input.userId, input.workspaceId, input.csrfToken, now, input.expiresAt],
    );
  }

  /**
   * The session if it has not expired and its user is still a member of its workspace: a removed member's
   * session stops working at once, and a changed role applies to the next request.
   */
  async findLive(id: string, now: Date): Promise<LiveSession | null> {
    const rows: SessionRow[] = await this.db.query(
      `SELECT s.id, s.workspace_id, m.role, s.csrf_token, s.last_seen_at, s.expires_at,
              u.id AS user_id, u.email, u.name, u.locale, u.created_at AS user_created_at
         FROM sessions s
         JOIN memberships m ON m.workspace_id = s.workspace_id AND m.user_id = s.user_id
         JOIN users u ON u.id = s.user_id
        WHERE s.id = $1 AND s.expires_at > $2`,
      [id, now],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      user: { id: row.user_id, email: row.email, name: row.name, locale: row.locale, createdAt: row.user_created_at },
      workspaceId: row.workspace_id,
      role: row.role,
      csrfToken: row.csrf_token,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
    };
  }

  /** Pushes the idle expiry out from `now`, never past the absolute lifetime counted from sign-in. */
  async touch(id: string, now: Date, lifetime: SessionLifetime): Promise<void> {
    await this.db.query(
      `UPDATE sessions
          SET last_seen_at = $2,
              expires_at = LEAST($2::timestamptz + make_interval(secs => $3), created_at + make_interval(secs => $4))
        WHERE id = $1`,
      [id, now, lifetime.idleSeconds, lifetime.absoluteSeconds],
    );
  }

  async switchWorkspace(id: string, workspaceId: string): Promise<void> {
    await this.db.query('UPDATE sessions SET workspace_id = $2 WHERE id = $1', [id, workspaceId]);
  }

  async remove(id: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE id = $1', [id]);
  }

  /** Signs a member out of one workspace everywhere (removed from it). */
  async removeForMember(workspaceId: string, userId: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE workspace_id = $1 AND user_id = $2', [workspaceId, userId]);
  }

  /** Signs a user out everywhere (their password was reset). */
  async removeForUser(userId: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
  }

  async purgeExpired(now: Date): Promise<number> {
    const rows: { count: string }[] = await this.db.query(
      'WITH gone AS (DELETE FROM sessions WHERE expires_at <= $1 RETURNING id) SELECT count(*) FROM gone',
      [now],
    );
    return Number(rows[0]?.count ?? 0);
  }
}
