import type { EntityManager } from 'typeorm';

/** A saved audience as stored; `definition` is validated by the core's schema before it gets here. */
export type Audience = {
  id: string;
  workspaceId: string;
  key: string;
  name: string;
  definition: unknown;
  readsAttributes: string[];
  readsEvents: string[];
  recomputedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type AudienceInput = {
  name: string;
  definition: unknown;
  reads: { attributes: string[]; events: string[] };
};

export type AudienceMember = { customerId: string; externalId: string | null; email: string | null; enteredAt: Date };

type AudienceRow = {
  id: string;
  workspace_id: string;
  key: string;
  name: string;
  definition: unknown;
  reads_attributes: string[];
  reads_events: string[];
  recomputed_at: Date | null;
  created_at: Date;
  updated_at: Date;
};

const toAudience = (row: AudienceRow): Audience => ({
  id: row.id,
  workspaceId: row.workspace_id,
  key: row.key,
  name: row.name,
  definition: row.definition,
  readsAttributes: row.reads_attributes,
  readsEvents: row.reads_events,
  recomputedAt: row.recomputed_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

// Postgres rejects a malformed uuid with an error; a bad id in a URL is simply not found.
const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Saved audiences of a workspace and who is in them now. */
export class AudienceRepository {
  constructor(private readonly db: EntityManager) {}

  /** Null when the workspace already has an audience with this key. */
  async create(workspaceId: string, key: string, input: AudienceInput, now: Date): Promise<Audience | null> {
    const rows: AudienceRow[] = await this.db.query(
      `INSERT INTO audiences (workspace_id, key, name, definition, reads_attributes, reads_events, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (workspace_id, key) DO NOTHING RETURNING *`,
      [workspaceId, key, input.name, JSON.stringify(input.definition), input.reads.attributes, input.reads.events, now],
    );
    return rows[0] ? toAudience(rows[0]) : null;
  }

  async update(workspaceId: string, id: string, input: AudienceInput, now: Date): Promise<Audience | null> {
    if (!isUuid(id)) return null;
    const rows: AudienceRow[] = await this.db.query(
      `WITH updated AS (
         UPDATE audiences SET name = $3, definition = $4, reads_attributes = $5, reads_events = $6, updated_at = $7
          WHERE workspace_id = $1 AND id = $2 RETURNING *)
       SELECT * FROM updated`,
      [workspaceId, id, input.name, JSON.stringify(input.definition), input.reads.attributes, input.reads.events, now],
    );
    return rows[0] ? toAudience(rows[0]) : null;
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    // Through a CTE: TypeORM answers a bare DELETE ... RETURNING with [rows, count] rather than rows.
    const rows: { count: string }[] = await this.db.query(
      `WITH gone AS (DELETE FROM audiences WHERE workspace_id = $1 AND id = $2 RETURNING id) SELECT count(*) FROM gone`,
      [workspaceId, id],
    );
    return Number(rows[0]?.count ?? 0) > 0;
  }

  async findById(workspaceId: string, id: string): Promise<Audience | null> {
    if (!isUuid(id)) return null;
    const rows: AudienceRow[] = await this.db.query('SELECT * FROM audiences WHERE workspace_id = $1 AND id = $2', [
      workspaceId,
      id,
    ]);
    return rows[0] ? toAudience(rows[0]) : null;
  }

  /** Every audience of the workspace with its current size, by name. */
  async list(workspaceId: string): Promise<(Audience & { size: number })[]> {
    const rows: (AudienceRow & { size: string })[] = await this.db.query(
      `SELECT a.*, (SELECT count(*) FROM audience_members m WHERE m.audience_id = a.id) AS size
         FROM audiences a WHERE a.workspace_id = $1 ORDER BY a.name, a.key`,
      [workspaceId],
    );
    return rows.map((row) => ({ ...toAudience(row), size: Number(row.size) }));
  }

  /** The workspace's audiences, for evaluating one customer (a handful per workspace, read by the change). */
  async all(workspaceId: string): Promise<Audience[]> {
    const rows: AudienceRow[] = await this.db.query('SELECT * FROM audiences WHERE workspace_id = $1 ORDER BY key', [
      workspaceId,
    ]);
    return rows.map(toAudience);
  }

  async keys(workspaceId: string): Promise<Set<string>> {
    const rows: { key: string }[] = await this.db.query('SELECT key FROM audiences WHERE workspace_id = $1', [
      workspaceId,
    ]);
    return new Set(rows.map((row) => row.key));
  }

  async size(audienceId: string): Promise<number> {
    const rows: { count: string }[] = await this.db.query(
      'SELECT count(*) FROM audience_members WHERE audience_id = $1',
      [audienceId],
    );
    return Number(rows[0]?.count ?? 0);
  }

  /** The most recent entrants, for the editor's sample. */
  async sample(workspaceId: string, audienceId: string, limit: number): Promise<AudienceMember[]> {
    const rows: { id: string; external_id: string | null; email: string | null; entered_at: Date }[] =
      await this.db.query(
        `SELECT c.id, c.external_id, c.email, m.entered_at
           FROM audience_members m JOIN customers c ON c.id = m.customer_id
          WHERE m.audience_id = $2 AND c.workspace_id = $1
          ORDER BY m.entered_at DESC, c.id LIMIT $3`,
        [workspaceId, audienceId, limit],
      );
    return rows.map((row) => ({
      customerId: row.id,
      externalId: row.external_id,
      email: row.email,
      enteredAt: row.entered_at,
    }));
  }

  async isMember(workspaceId: string, key: string, customerId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `SELECT 1 FROM audience_members m JOIN audiences a ON a.id = m.audience_id
        WHERE a.workspace_id = $1 AND a.key = $2 AND m.customer_id = $3`,
      [workspaceId, key, customerId],
    );
    return rows.length > 0;
  }

  /**
   * Brings the members among `customerIds` in line with `members` (the ones that match now). Returns those who
   * really entered: a customer added at the same moment by another transaction enters once, for one of them.
   */
  async applyMembership(
    audienceId: string,
    change: { customerIds: string[]; members: string[] },
    now: Date,
  ): Promise<{ entered: string[]; left: number }> {
    if (change.customerIds.length === 0) return { entered: [], left: 0 };
    const keep = new Set(change.members);
    const leaving = change.customerIds.filter((id) => !keep.has(id));
    const left: { count: string }[] =
      leaving.length === 0
        ? [{ count: '0' }]
        : await this.db.query(
            `WITH gone AS (DELETE FROM audience_members WHERE audience_id = $1 AND customer_id = ANY($2::uuid[])
                           RETURNING customer_id)
             SELECT count(*) FROM gone`,
            [audienceId, leaving],
          );
    const entered: { customer_id: string }[] =
      change.members.length === 0
        ? []
        : await this.db.query(
            `INSERT INTO audience_members (audience_id, customer_id, entered_at)
             SELECT $1, unnest($2::uuid[]), $3 ON CONFLICT (audience_id, customer_id) DO NOTHING
             RETURNING customer_id`,
            [audienceId, change.members, now],
          );
    return { entered: entered.map((row) => row.customer_id), left: Number(left[0]?.count ?? 0) };
  }

  /**
   * Claims one audience whose members were last recomputed before `staleBefore` (or never), setting the time to
   * `now` at once: workers that tick together take different audiences, and one that dies mid-way leaves it to
   * the next interval.
   */
  async claimStale(staleBefore: Date, now: Date): Promise<Audience | null> {
    const rows: AudienceRow[] = await this.db.query(
      `WITH claimed AS (
         UPDATE audiences SET recomputed_at = $2
          WHERE id = (SELECT id FROM audiences WHERE recomputed_at IS NULL OR recomputed_at < $1
                       ORDER BY recomputed_at NULLS FIRST LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING *)
       SELECT * FROM claimed`,
      [staleBefore, now],
    );
    return rows[0] ? toAudience(rows[0]) : null;
  }

  async markRecomputed(id: string, now: Date): Promise<void> {
    await this.db.query('UPDATE audiences SET recomputed_at = $2 WHERE id = $1', [id, now]);
  }
}
