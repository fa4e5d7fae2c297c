import type { EntityManager } from 'typeorm';
import type { CustomerFacts } from '@rapport/journey';
import { CustomerEntity } from '../entities';

export type CustomerIdentity = { userId?: string | null; anonymousId?: string | null };

/** Profile fields kept in columns; every other trait merges into `attributes`. */
export type ProfileChanges = {
  email?: string | null;
  phone?: string | null;
  timeZone?: string | null;
  locale?: string | null;
  attributes?: Record<string, unknown>;
};

const COLUMNS = `id, workspace_id, external_id, anonymous_id, email, phone, time_zone, locale, attributes, created_at, updated_at`;

const EDITABLE_COLUMNS = new Set(['email', 'phone', 'time_zone', 'locale']);

export type CustomerRow = {
  id: string;
  external_id: string | null;
  email: string | null;
  phone: string | null;
  time_zone: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
};

export const toCustomerFacts = (row: CustomerRow): CustomerFacts => ({
  id: row.id,
  externalId: row.external_id,
  email: row.email,
  phone: row.phone,
  timeZone: row.time_zone,
  locale: row.locale,
  attributes: row.attributes ?? {},
});

export class CustomerRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Serializes identity work on one anonymous id (or user id) until the transaction ends, so an anonymous event
   * and the merge of that anonymous profile into a known customer cannot interleave.
   */
  async lockIdentity(workspaceId: string, kind: 'user' | 'anonymous', id: string): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `identity:${workspaceId}:${kind}:${id}`,
    ]);
  }

  /** The known customer an anonymous id was attached to (identify with both ids, alias, merge), if any. */
  async aliasTarget(workspaceId: string, anonymousId: string): Promise<string | null> {
    const rows: { customer_id: string }[] = await this.db.query(
      'SELECT customer_id FROM customer_aliases WHERE workspace_id = $1 AND anonymous_id = $2',
      [workspaceId, anonymousId],
    );
    return rows[0]?.customer_id ?? null;
  }

  /** The customer as stored before a change, locked until the transaction ends (null when new). */
  async findForUpdate(workspaceId: string, who: CustomerIdentity): Promise<CustomerRow | null> {
    if (who.userId) {
      const rows: CustomerRow[] = await this.db.query(
        `SELECT ${COLUMNS} FROM customers WHERE workspace_id = $1 AND external_id = $2 FOR UPDATE`,
        [workspaceId, who.userId],
      );
      return rows[0] ?? null;
    }
    if (!who.anonymousId) return null;
    await this.lockIdentity(workspaceId, 'anonymous', who.anonymousId);
    // An anonymous id attached to a known customer is that customer.
    const target = await this.aliasTarget(workspaceId, who.anonymousId);
    const rows: CustomerRow[] = target
      ? await this.db.query(`SELECT ${COLUMNS} FROM customers WHERE workspace_id = $1 AND id = $2 FOR UPDATE`, [
          workspaceId,
          target,
        ])
      : await this.db.query(
          `SELECT ${COLUMNS} FROM customers WHERE workspace_id = $1 AND anonymous_id = $2 AND external_id IS NULL FOR UPDATE`,
          [workspaceId, who.anonymousId],
        );
    return rows[0] ?? null;
  }

  /**
   * Finds or creates the customer by user id (else anonymous id, following its alias to a known customer) and
   * merges the changes, in one statement, so two requests for a new customer at once still make one customer.
   * With both ids, the anonymous id becomes an alias of the customer unless an anonymous profile still holds it
   * (that one is merged first, see CustomerMergeService).
   */
  async upsert(
    workspaceId: string,
    who: CustomerIdentity,
    changes: ProfileChanges,
    now: Date,
  ): Promise<CustomerRow & { inserted: boolean }> {
    const byUser = Boolean(who.userId);
    const values = [
      changes.email ?? null,
      changes.phone ?? null,
      changes.timeZone ?? null,
      changes.locale ?? null,
      JSON.stringify(changes.attributes ?? {}),
      now,
    ];
    if (!byUser && who.anonymousId) {
      await this.lockIdentity(workspaceId, 'anonymous', who.anonymousId);
      const target = await this.aliasTarget(workspaceId, who.anonymousId);
      const merged = target ? await this.mergeInto(workspaceId, target, changes, now) : null;
      if (merged) return { ...merged, inserted: false };
    }
    const conflict = byUser
      ? '(workspace_id, external_id) WHERE external_id IS NOT NULL'
      : '(workspace_id, anonymous_id) WHERE anonymous_id IS NOT NULL AND external_id IS NULL';
    const rows: (CustomerRow & { inserted: boolean })[] = await this.db.query(
      `WITH upserted AS (
         INSERT INTO customers (workspace_id, external_id, anonymous_id, email, phone, time_zone, locale, attributes, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)
         ON CONFLICT ${conflict} DO UPDATE SET
           email = COALESCE(EXCLUDED.email, customers.email),
           phone = COALESCE(EXCLUDED.phone, customers.phone),
           time_zone = COALESCE(EXCLUDED.time_zone, customers.time_zone),
           locale = COALESCE(EXCLUDED.locale, customers.locale),
           anonymous_id = COALESCE(customers.anonymous_id, EXCLUDED.anonymous_id),
           attributes = customers.attributes || EXCLUDED.attributes,
           updated_at = GREATEST(customers.updated_at, EXCLUDED.updated_at)
         RETURNING ${COLUMNS}, (xmax = 0) AS inserted),
       aliased AS (
         INSERT INTO customer_aliases (workspace_id, anonymous_id, customer_id, created_at)
         SELECT $1, $3, upserted.id, $9 FROM upserted
          WHERE $2::text IS NOT NULL AND $3::text IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM customers a WHERE a.workspace_id = $1 AND a.anonymous_id = $3
                             AND a.external_id IS NULL)
         ON CONFLICT DO NOTHING)
       SELECT * FROM upserted`,
      [workspaceId, byUser ? who.userId : null, who.anonymousId ?? null, ...values],
    );
    return rows[0]!;
  }

  /** Known customers by user id, locked in a fixed order (so two batches cannot deadlock each other). */
  async findManyForUpdate(workspaceId: string, userIds: string[]): Promise<CustomerRow[]> {
    return this.db.query(
      `SELECT ${COLUMNS} FROM customers WHERE workspace_id = $1 AND external_id = ANY($2::text[])
        ORDER BY external_id FOR UPDATE`,
      [workspaceId, userIds],
    );
  }

  /**
   * The customers with these user ids, created (bare) where missing, all locked until the transaction ends: a
   * tracked batch's customers in two statements. Existing ones are locked in user-id order, so two batches cannot
   * deadlock on them; `inserted` marks the ones this call created.
   */
  async ensureMany(
    workspaceId: string,
    userIds: string[],
    now: Date,
  ): Promise<Map<string, CustomerRow & { inserted: boolean }>> {
    const wanted = [...new Set(userIds)].sort();
    const created: CustomerRow[] = await this.db.query(
      `INSERT INTO customers (workspace_id, external_id, created_at, updated_at)
       SELECT $1, u.user_id, $3, $3 FROM unnest($2::text[]) AS u(user_id)
       ON CONFLICT (workspace_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
       RETURNING ${COLUMNS}`,
      [workspaceId, wanted, now],
    );
    const fresh = new Set(created.map((row) => row.external_id));
    const existing = await this.findManyForUpdate(
      workspaceId,
      wanted.filter((userId) => !fresh.has(userId)),
    );
    const found = new Map<string, CustomerRow & { inserted: boolean }>();
    for (const row of created) found.set(row.external_id as string, { ...row, inserted: true });
    for (const row of existing) found.set(row.external_id as string, { ...row, inserted: false });
    return found;
  }

  /** Merges profile changes into one customer (as `upsert` does on a known customer) and returns the row. */
  async applyChanges(workspaceId: string, id: string, changes: ProfileChanges, now: Date): Promise<CustomerRow> {
    const row = await this.mergeInto(workspaceId, id, changes, now);
    if (!row) throw new Error(`customer ${id} vanished inside its own locked transaction`);
    return row;
  }

  /** The changes merged into the customer with this id, or null when there is none. */
  private async mergeInto(
    workspaceId: string,
    id: string,
    changes: ProfileChanges,
    now: Date,
  ): Promise<CustomerRow | null> {
    // UPDATE answers [rows, count] through TypeORM.
    const [rows]: [CustomerRow[], number] = await this.db.query(
      `UPDATE customers SET
         email = COALESCE($3, email), phone = COALESCE($4, phone), time_zone = COALESCE($5, time_zone),
         locale = COALESCE($6, locale), attributes = attributes || $7::jsonb,
         updated_at = GREATEST(updated_at, $8)
       WHERE workspace_id = $1 AND id = $2
       RETURNING ${COLUMNS}`,
      [
        workspaceId,
        id,
        changes.email ?? null,
        changes.phone ?? null,
        changes.timeZone ?? null,
        changes.locale ?? null,
        JSON.stringify(changes.attributes ?? {}),
        now,
      ],
    );
    return rows[0] ?? null;
  }

  /**
   * `upsert` by user id for many customers in one statement (an import batch); user ids must be distinct.
   * Rows come back in no particular order, each with `inserted`.
   */
  async upsertMany(
    workspaceId: string,
    profiles: { userId: string; changes: ProfileChanges }[],
    now: Date,
  ): Promise<(CustomerRow & { inserted: boolean })[]> {
    if (profiles.length === 0) return [];
    const column = <T>(pick: (changes: ProfileChanges) => T | null | undefined) =>
      profiles.map((profile) => pick(profile.changes) ?? null);
    return this.db.query(
      `INSERT INTO customers (workspace_id, external_id, email, phone, time_zone, locale, attributes, created_at, updated_at)
       SELECT $1, p.user_id, p.email, p.phone, p.time_zone, p.locale, p.attributes::jsonb, $8, $8
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
              AS p(user_id, email, phone, time_zone, locale, attributes)
       ON CONFLICT (workspace_id, external_id) WHERE external_id IS NOT NULL DO UPDATE SET
         email = COALESCE(EXCLUDED.email, customers.email),
         phone = COALESCE(EXCLUDED.phone, customers.phone),
         time_zone = COALESCE(EXCLUDED.time_zone, customers.time_zone),
         locale = COALESCE(EXCLUDED.locale, customers.locale),
         attributes = customers.attributes || EXCLUDED.attributes,
         updated_at = GREATEST(customers.updated_at, EXCLUDED.updated_at)
       RETURNING ${COLUMNS}, (xmax = 0) AS inserted`,
      [
        workspaceId,
        profiles.map((profile) => profile.userId),
        column((changes) => changes.email),
        column((changes) => changes.phone),
        column((changes) => changes.timeZone),
        column((changes) => changes.locale),
        profiles.map((profile) => JSON.stringify(profile.changes.attributes ?? {})),
        now,
      ],
    );
  }

  /** One customer by id as a row; with `lock`, locked until the transaction ends. */
  async findRowById(workspaceId: string, id: string, lock = false): Promise<CustomerRow | null> {
    const rows: CustomerRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM customers WHERE workspace_id = $1 AND id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [workspaceId, id],
    );
    return rows[0] ?? null;
  }

  /**
   * Sets profile fields (a null clears one; absent ones stay) and attributes (`set` merged in, `remove` deleted),
   * for an edit made through the API.
   */
  async update(
    workspaceId: string,
    id: string,
    change: {
      fields: Partial<Record<'email' | 'phone' | 'time_zone' | 'locale', string | null>>;
      set: Record<string, unknown>;
      remove: string[];
    },
    now: Date,
  ): Promise<CustomerRow | null> {
    const fields = Object.entries(change.fields).filter(([column]) => EDITABLE_COLUMNS.has(column));
    const values: unknown[] = [workspaceId, id, JSON.stringify(change.set), change.remove, now];
    const assignments = fields.map(([column, value]) => {
      values.push(value);
      return `${column} = $${values.length}`;
    });
    // UPDATE answers [rows, count] through TypeORM.
    const [rows]: [CustomerRow[], number] = await this.db.query(
      `UPDATE customers SET ${[...assignments, 'attributes = (attributes || $3::jsonb) - $4::text[]', 'updated_at = $5'].join(', ')}
        WHERE workspace_id = $1 AND id = $2
        RETURNING ${COLUMNS}`,
      values,
    );
    return rows[0] ?? null;
  }

  findById(workspaceId: string, id: string): Promise<CustomerEntity | null> {
    return this.db.getRepository(CustomerEntity).findOneBy({ workspaceId, id });
  }

  findByExternalId(workspaceId: string, externalId: string): Promise<CustomerEntity | null> {
    return this.db.getRepository(CustomerEntity).findOneBy({ workspaceId, externalId });
  }

  async list(workspaceId: string, options: { limit: number; search?: string }): Promise<CustomerEntity[]> {
    const query = this.db
      .getRepository(CustomerEntity)
      .createQueryBuilder('c')
      .where('c.workspace_id = :workspaceId', { workspaceId })
      .orderBy('c.updated_at', 'DESC')
      .limit(options.limit);
    if (options.search) {
      query.andWhere('(c.email ILIKE :q OR c.external_id ILIKE :q)', {
        q: `%${options.search.replace(/[%_]/g, '\\$&')}%`,
      });
    }
    return query.getMany();
  }
}
