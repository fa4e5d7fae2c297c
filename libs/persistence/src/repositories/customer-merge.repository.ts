import type { EntityManager } from 'typeorm';
import type { CustomerRow } from './customer.repository';

const COLUMNS = `id, workspace_id, external_id, anonymous_id, email, phone, time_zone, locale, attributes, created_at, updated_at`;

/** What a merge did, for the caller's history lines and logs. */
export type MergeOutcome = {
  customer: CustomerRow;
  eventsMoved: number;
  enrollmentsMoved: number;
  /** Open passages of the anonymous profile closed because the known customer is already in that journey. */
  closed: { id: string; seq: number; nodeId: string; journeyId: string }[];
};

/**
 * Attaches an anonymous profile to a known customer: the statements that move its history, in the caller's
 * transaction. The caller holds the identity locks (see CustomerRepository.lockIdentity).
 */
export class CustomerMergeRepository {
  constructor(private readonly db: EntityManager) {}

  /** The anonymous-only profile with this anonymous id, locked (null when there is none). */
  async findAnonymousForUpdate(workspaceId: string, anonymousId: string): Promise<CustomerRow | null> {
    const rows: CustomerRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM customers
        WHERE workspace_id = $1 AND anonymous_id = $2 AND external_id IS NULL FOR UPDATE`,
      [workspaceId, anonymousId],
    );
    return rows[0] ?? null;
  }

  async findKnownForUpdate(workspaceId: string, userId: string): Promise<CustomerRow | null> {
    const rows: CustomerRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM customers WHERE workspace_id = $1 AND external_id = $2 FOR UPDATE`,
      [workspaceId, userId],
    );
    return rows[0] ?? null;
  }

  async alias(workspaceId: string, anonymousId: string, customerId: string, now: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO customer_aliases (workspace_id, anonymous_id, customer_id, created_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [workspaceId, anonymousId, customerId, now],
    );
  }

  /**
   * The user id was never seen: the anonymous profile simply becomes the known customer (same id, same history).
   * Null when another transaction took the user id first (the caller then merges instead).
   */
  async becomeKnown(
    workspaceId: string,
    input: { customerId: string; userId: string; anonymousId: string; now: Date },
  ): Promise<CustomerRow | null> {
    // A savepoint, so that losing the race for the user id (unique violation) leaves the transaction usable.
    await this.db.query('SAVEPOINT become_known');
    try {
      const [rows]: [CustomerRow[], number] = await this.db.query(
        `UPDATE customers SET external_id = $3, updated_at = GREATEST(updated_at, $4)
          WHERE workspace_id = $1 AND id = $2 AND external_id IS NULL
          RETURNING ${COLUMNS}`,
        [workspaceId, input.customerId, input.userId, input.now],
      );
      await this.db.query('RELEASE SAVEPOINT become_known');
      if (rows[0]) await this.alias(workspaceId, input.anonymousId, rows[0].id, input.now);
      return rows[0] ?? null;
    } catch (error) {
      if ((error as { code?: string }).code !== '23505') throw error;
      await this.db.query('ROLLBACK TO SAVEPOINT become_known');
      return null;
    }
  }

  /**
   * Moves everything of the anonymous profile `from` to the known customer `into`, then deletes `from` and keeps
   * its anonymous id as an alias. Profile fields and attributes: the known customer's values win, the anonymous
   * profile fills the gaps. Consent: per channel, the most recent decision wins (both histories are kept).
   * Passages: moved, except open ones in a journey where the known customer already has an open passage (or the
   * same occasion), which are closed as `exited`; finished ones that clash on the occasion keep a suffixed key.
   */
  async merge(
    workspaceId: string,
    input: { from: string; into: string; anonymousId: string; now: Date },
  ): Promise<MergeOutcome> {
    const { from, into, now } = input;
    const [, eventsMoved] = (await this.db.query(
      'UPDATE events SET customer_id = $3 WHERE workspace_id = $1 AND customer_id = $2',
      [workspaceId, from, into],
    )) as [unknown, number];

    // UPDATE answers [rows, count] through TypeORM.
    const [closed]: [{ id: string; seq: number; node_id: string; journey_id: string }[], number] = await this.db.query(
      `UPDATE enrollments e SET status = 'exited', ended_at = $4, updated_at = $4, wake_at = NULL,
              enqueued_at = NULL, waiting_event = NULL, seq = e.seq + 1,
              state = e.state || jsonb_build_object('status', 'exited', 'wakeAt', NULL, 'listen', NULL)
        WHERE e.workspace_id = $1 AND e.customer_id = $2 AND e.status IN ('active', 'waiting')
          AND EXISTS (SELECT 1 FROM enrollments u WHERE u.customer_id = $3 AND u.journey_id = e.journey_id
                       AND (u.status IN ('active', 'waiting') OR u.trigger_key = e.trigger_key))
        RETURNING e.id, e.seq, e.node_id, e.journey_id`,
      [workspaceId, from, into, now],
    );
    await this.db.query(
      `UPDATE enrollments e SET trigger_key = e.trigger_key || ':merged:' || $2
        WHERE e.workspace_id = $1 AND e.customer_id = $2
          AND EXISTS (SELECT 1 FROM enrollments u WHERE u.customer_id = $3 AND u.journey_id = e.journey_id
                       AND u.trigger_key = e.trigger_key)`,
      [workspaceId, from, into],
    );
    const [, enrollmentsMoved] = (await this.db.query(
      'UPDATE enrollments SET customer_id = $3 WHERE workspace_id = $1 AND customer_id = $2',
      [workspaceId, from, into],
    )) as [unknown, number];
    await this.db.query('UPDATE deliveries SET customer_id = $3 WHERE workspace_id = $1 AND customer_id = $2', [
      workspaceId,
      from,
      into,
    ]);
    // The known customer's own fire times stand; the profile change below recomputes the ones that moved.
    await this.db.query('DELETE FROM trigger_schedules WHERE workspace_id = $1 AND customer_id = $2', [
      workspaceId,
      from,
    ]);

    // consent_changes is append-only: the anonymous history is copied, the originals go with the profile.
    await this.db.query(
      `INSERT INTO consent_changes (workspace_id, customer_id, channel, granted, source, changed_at)
       SELECT workspace_id, $3, channel, granted, source, changed_at FROM consent_changes
        WHERE workspace_id = $1 AND customer_id = $2 ORDER BY id`,
      [workspaceId, from, into],
    );
    await this.db.query(
      `INSERT INTO consents (workspace_id, customer_id, channel, granted, source, changed_at)
       SELECT workspace_id, $3, channel, granted, source, changed_at FROM consents
        WHERE workspace_id = $1 AND customer_id = $2
       ON CONFLICT (customer_id, channel) DO UPDATE SET granted = EXCLUDED.granted, source = EXCLUDED.source,
         changed_at = EXCLUDED.changed_at
         WHERE EXCLUDED.changed_at > consents.changed_at`,
      [workspaceId, from, into],
    );

    const [merged]: [CustomerRow[], number] = await this.db.query(
      `UPDATE customers u SET
         email = COALESCE(u.email, a.email), phone = COALESCE(u.phone, a.phone),
         time_zone = COALESCE(u.time_zone, a.time_zone), locale = COALESCE(u.locale, a.locale),
         attributes = a.attributes || u.attributes,
         anonymous_id = COALESCE(u.anonymous_id, a.anonymous_id),
         created_at = LEAST(u.created_at, a.created_at), updated_at = GREATEST(u.updated_at, $4)
        FROM customers a
       WHERE u.workspace_id = $1 AND u.id = $3 AND a.id = $2
       RETURNING ${COLUMNS.split(', ')
         .map((column) => `u.${column}`)
         .join(', ')}`,
      [workspaceId, from, into, now],
    );
    await this.db.query('UPDATE customer_aliases SET customer_id = $3 WHERE workspace_id = $1 AND customer_id = $2', [
      workspaceId,
      from,
      into,
    ]);
    // What is left on the anonymous profile is derived (order summaries, audience memberships): recomputed for `into`.
    await this.db.query('DELETE FROM customers WHERE workspace_id = $1 AND id = $2', [workspaceId, from]);
    await this.alias(workspaceId, input.anonymousId, into, now);
    return {
      customer: merged[0]!,
      eventsMoved,
      enrollmentsMoved,
      closed: closed.map((row) => ({ id: row.id, seq: row.seq, nodeId: row.node_id, journeyId: row.journey_id })),
    };
  }
}
