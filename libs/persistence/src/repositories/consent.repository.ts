import type { EntityManager } from 'typeorm';

export type ConsentChannel = 'email' | 'sms';

export type Consent = { granted: boolean; source: string; changedAt: Date };

/** Consent per customer and channel, with every change kept (who gave or withdrew it, when, from where). */
export class ConsentRepository {
  constructor(private readonly db: EntityManager) {}

  async find(customerId: string, channel: ConsentChannel): Promise<Consent | null> {
    const rows: { granted: boolean; source: string; changed_at: Date }[] = await this.db.query(
      'SELECT granted, source, changed_at FROM consents WHERE customer_id = $1 AND channel = $2',
      [customerId, channel],
    );
    const row = rows[0];
    return row ? { granted: row.granted, source: row.source, changedAt: new Date(row.changed_at) } : null;
  }

  async forCustomer(customerId: string): Promise<Record<string, Consent>> {
    const rows: { channel: string; granted: boolean; source: string; changed_at: Date }[] = await this.db.query(
      'SELECT channel, granted, source, changed_at FROM consents WHERE customer_id = $1',
      [customerId],
    );
    return Object.fromEntries(
      rows.map((row) => [
        row.channel,
        { granted: row.granted, source: row.source, changedAt: new Date(row.changed_at) },
      ]),
    );
  }

  /** Records a change (only when it changes something), current state and history in one statement. */
  async set(
    input: { workspaceId: string; customerId: string; channel: ConsentChannel; granted: boolean; source: string },
    at: Date,
  ): Promise<void> {
    await this.db.query(
      `WITH changed AS (
         INSERT INTO consents (workspace_id, customer_id, channel, granted, source, changed_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (customer_id, channel) DO UPDATE SET granted = EXCLUDED.granted, source = EXCLUDED.source,
           changed_at = EXCLUDED.changed_at
           WHERE consents.granted IS DISTINCT FROM EXCLUDED.granted
         RETURNING workspace_id, customer_id, channel, granted, source, changed_at)
       INSERT INTO consent_changes (workspace_id, customer_id, channel, granted, source, changed_at)
       SELECT workspace_id, customer_id, channel, granted, source, changed_at FROM changed`,
      [input.workspaceId, input.customerId, input.channel, input.granted, input.source.slice(0, 200), at],
    );
  }
}
