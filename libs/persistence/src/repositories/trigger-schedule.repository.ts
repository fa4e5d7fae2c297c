import type { EntityManager } from 'typeorm';

export type TriggerSchedule = {
  workspaceId: string;
  journeyId: string;
  versionId: string;
  nodeId: string;
  customerId: string;
  nextFireAt: Date | null;
};

export type DueSchedule = TriggerSchedule & { id: string; fireAt: Date };

const CHUNK = 1000;

/** Per customer, when each date or schedule trigger fires next. */
export class TriggerScheduleRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Sets the next fire time of each (version, node, customer); one statement per 1,000 rows. A trigger that
   * already fired is not re-armed with a moment that is already past (a one-off date that "runs now" fires once).
   */
  async upsertMany(schedules: TriggerSchedule[], now: Date): Promise<void> {
    for (let i = 0; i < schedules.length; i += CHUNK) {
      const chunk = schedules.slice(i, i + CHUNK);
      const values: unknown[] = [now];
      const tuples = chunk.map((s) => {
        values.push(s.workspaceId, s.journeyId, s.versionId, s.nodeId, s.customerId, s.nextFireAt);
        const p = values.length - 6;
        return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}::timestamptz)`;
      });
      await this.db.query(
        `INSERT INTO trigger_schedules (workspace_id, journey_id, version_id, node_id, customer_id, next_fire_at)
         VALUES ${tuples.join(', ')}
         ON CONFLICT (version_id, node_id, customer_id) DO UPDATE SET next_fire_at =
           CASE WHEN trigger_schedules.last_fired_at IS NOT NULL AND EXCLUDED.next_fire_at <= $1 THEN NULL
                ELSE EXCLUDED.next_fire_at END`,
        values,
      );
    }
  }

  /**
   * Claims schedules that came due (SKIP LOCKED: several workers never fire one twice). Call inside the
   * transaction that enrolls and sets the next fire time, so a crash leaves the schedule due.
   */
  async claimDue(now: Date, limit: number): Promise<DueSchedule[]> {
    const rows: {
      id: string;
      workspace_id: string;
      journey_id: string;
      version_id: string;
      node_id: string;
      customer_id: string;
      next_fire_at: Date;
    }[] = await this.db.query(
      `SELECT id, workspace_id, journey_id, version_id, node_id, customer_id, next_fire_at
         FROM trigger_schedules WHERE next_fire_at <= $1
        ORDER BY next_fire_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => ({
      id: String(row.id),
      workspaceId: row.workspace_id,
      journeyId: row.journey_id,
      versionId: row.version_id,
      nodeId: row.node_id,
      customerId: row.customer_id,
      nextFireAt: new Date(row.next_fire_at),
      fireAt: new Date(row.next_fire_at),
    }));
  }

  async fired(id: string, firedAt: Date, nextFireAt: Date | null): Promise<void> {
    await this.db.query('UPDATE trigger_schedules SET last_fired_at = $2, next_fire_at = $3 WHERE id = $1', [
      id,
      firedAt,
      nextFireAt,
    ]);
  }

  /** A new version replaces the previous one's schedules. */
  async removeOtherVersions(journeyId: string, versionId: string): Promise<void> {
    await this.db.query('DELETE FROM trigger_schedules WHERE journey_id = $1 AND version_id <> $2', [
      journeyId,
      versionId,
    ]);
  }

  async countDue(now: Date): Promise<number> {
    const rows: { count: string }[] = await this.db.query(
      'SELECT count(*) FROM trigger_schedules WHERE next_fire_at <= $1',
      [now],
    );
    return Number(rows[0]?.count ?? 0);
  }
}
