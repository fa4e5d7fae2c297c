import type { EntityManager } from 'typeorm';

export type EntryStats = { total: number; open: number; lastEnteredAt: Date | null };

/** What entry rules need to know, read under a lock so two triggers at once cannot both slip through. */
export class EntryRulesRepository {
  constructor(private readonly db: EntityManager) {}

  /** Serializes entries of one customer into one journey until the transaction ends. */
  async lockCustomer(journeyId: string, customerId: string): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`entry:${journeyId}:${customerId}`]);
  }

  /** Serializes entries into one journey (only for journeys with an entry limit). */
  async lockJourney(journeyId: string): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`entry:${journeyId}`]);
  }

  async customerStats(journeyId: string, customerId: string): Promise<EntryStats> {
    const rows: { total: string; open: string; last: Date | null }[] = await this.db.query(
      `SELECT count(*) AS total,
              count(*) FILTER (WHERE status IN ('active', 'waiting')) AS open,
              max(entered_at) AS last
         FROM enrollments WHERE journey_id = $1 AND customer_id = $2`,
      [journeyId, customerId],
    );
    const row = rows[0];
    return { total: Number(row?.total ?? 0), open: Number(row?.open ?? 0), lastEnteredAt: row?.last ?? null };
  }

  async journeyTotal(journeyId: string): Promise<number> {
    const rows: { total: string }[] = await this.db.query(
      'SELECT count(*) AS total FROM enrollments WHERE journey_id = $1',
      [journeyId],
    );
    return Number(rows[0]?.total ?? 0);
  }
}
