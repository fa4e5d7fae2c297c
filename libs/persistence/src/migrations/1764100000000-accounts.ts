import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Marketers' accounts: users, their role in each workspace, sessions. */
export class Accounts1764100000000 implements MigrationInterface {
  name = 'Accounts1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Stored lowercased: one person, one account, however they type their address.
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        password_hash text NOT NULL,
        name text NOT NULL,
        locale text NOT NULL DEFAULT 'en',
        created_at timestamptz NOT NULL
      );
      CREATE TABLE memberships (
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('admin', 'marketer', 'viewer')),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, user_id)
      );
      CREATE INDEX memberships_user ON memberships (user_id);
      -- id is the SHA-256 of the cookie's token: a leaked table holds no usable session.
      CREATE TABLE sessions (
        id text PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id, workspace_id);
      CREATE INDEX sessions_expiry ON sessions (expires_at);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sessions; DROP TABLE memberships; DROP TABLE users;`);
  }
}
