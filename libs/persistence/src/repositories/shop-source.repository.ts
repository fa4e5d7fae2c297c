import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export type ShopScheme = 'shopify' | 'standard-webhooks';

export type ShopSource = {
  id: string;
  workspaceId: string;
  /** The path segment of the webhook URL. */
  key: string;
  name: string;
  scheme: ShopScheme;
  createdAt: Date;
};

/** A secret as the management API shows it: never the value, only its last characters. */
export type ShopSecretSummary = { id: string; hint: string; createdAt: Date };

type SourceRow = { id: string; workspace_id: string; key: string; name: string; scheme: ShopScheme; created_at: Date };

const toSource = (row: SourceRow): ShopSource => ({
  id: row.id,
  workspaceId: row.workspace_id,
  key: row.key,
  name: row.name,
  scheme: row.scheme,
  createdAt: row.created_at,
});

/** The last 4 characters: enough to tell secrets apart while rotating, useless to an attacker. */
export const secretHint = (secret: string): string => `…${secret.slice(-4)}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A source key: 32 random bytes, base64url. It names the source in the URL, so it must be unguessable. */
export const generateSourceKey = (): string => `src_${randomBytes(32).toString('base64url')}`;

/** Shop webhook sources and their signing secrets; every management query is scoped to the workspace. */
export class ShopSourceRepository {
  constructor(private readonly db: EntityManager) {}

  async create(workspaceId: string, input: { name: string; scheme: ShopScheme }, now: Date): Promise<ShopSource> {
    const rows: SourceRow[] = await this.db.query(
      `INSERT INTO shop_sources (workspace_id, key, name, scheme, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
      [workspaceId, generateSourceKey(), input.name, input.scheme, now],
    );
    return toSource(rows[0] as SourceRow);
  }

  async list(workspaceId: string): Promise<ShopSource[]> {
    const rows: SourceRow[] = await this.db.query(
      'SELECT * FROM shop_sources WHERE workspace_id = $1 ORDER BY created_at, id',
      [workspaceId],
    );
    return rows.map(toSource);
  }

  async find(workspaceId: string, id: string): Promise<ShopSource | null> {
    if (!UUID.test(id)) return null;
    const rows: SourceRow[] = await this.db.query('SELECT * FROM shop_sources WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      id,
    ]);
    return rows[0] ? toSource(rows[0]) : null;
  }

  /** The receiving side: the key in the URL is the only thing that names the workspace. */
  async findByKey(key: string): Promise<ShopSource | null> {
    const rows: SourceRow[] = await this.db.query('SELECT * FROM shop_sources WHERE key = $1', [key]);
    return rows[0] ? toSource(rows[0]) : null;
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    if (!UUID.test(id)) return false;
    // A DELETE's own RETURNING comes back from TypeORM as [rows, count]: count through a CTE instead.
    const rows: { count: string }[] = await this.db.query(
      'WITH gone AS (DELETE FROM shop_sources WHERE workspace_id = $1 AND id = $2 RETURNING id) SELECT count(*) FROM gone',
      [workspaceId, id],
    );
    return Number(rows[0]?.count ?? 0) > 0;
  }

  /** The secret values, for verification only. */
  async secrets(source: ShopSource): Promise<string[]> {
    const rows: { secret: string }[] = await this.db.query(
      'SELECT secret FROM shop_source_secrets WHERE source_id = $1 AND workspace_id = $2 ORDER BY created_at',
      [source.id, source.workspaceId],
    );
    return rows.map((row) => row.secret);
  }

  async secretSummaries(source: ShopSource): Promise<ShopSecretSummary[]> {
    const rows: { id: string; secret: string; created_at: Date }[] = await this.db.query(
      'SELECT id, secret, created_at FROM shop_source_secrets WHERE source_id = $1 AND workspace_id = $2 ORDER BY created_at, id',
      [source.id, source.workspaceId],
    );
    return rows.map((row) => ({ id: row.id, hint: secretHint(row.secret), createdAt: row.created_at }));
  }

  /** Adds a secret unless the source already has `limit` of them (each one costs an HMAC per request). */
  async addSecret(source: ShopSource, secret: string, limit: number, now: Date): Promise<ShopSecretSummary | null> {
    // Locks the source row so two concurrent additions cannot both pass the limit.
    await this.db.query('SELECT id FROM shop_sources WHERE id = $1 FOR UPDATE', [source.id]);
    const rows: { id: string; created_at: Date }[] = await this.db.query(
      `INSERT INTO shop_source_secrets (source_id, workspace_id, secret, created_at)
       SELECT $1, $2, $3, $4 WHERE (SELECT count(*) FROM shop_source_secrets WHERE source_id = $1) < $5
       RETURNING id, created_at`,
      [source.id, source.workspaceId, secret, now, limit],
    );
    return rows[0] ? { id: rows[0].id, hint: secretHint(secret), createdAt: rows[0].created_at } : null;
  }

  async removeSecret(source: ShopSource, secretId: string): Promise<boolean> {
    if (!UUID.test(secretId)) return false;
    const rows: { count: string }[] = await this.db.query(
      `WITH gone AS (DELETE FROM shop_source_secrets WHERE id = $1 AND source_id = $2 AND workspace_id = $3 RETURNING id)
       SELECT count(*) FROM gone`,
      [secretId, source.id, source.workspaceId],
    );
    return Number(rows[0]?.count ?? 0) > 0;
  }
}
