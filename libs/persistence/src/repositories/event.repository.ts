import type { EntityManager } from 'typeorm';
import { matchesFilters, type EventFacts, type PropertyFilter } from '@rapport/journey';

export type NewEvent = {
  workspaceId: string;
  customerId: string;
  messageId: string;
  type: 'track' | 'identify';
  name: string | null;
  properties: Record<string, unknown>;
  occurredAt: Date;
  receivedAt: Date;
};

export type EventRow = { id: string; name: string | null; properties: Record<string, unknown>; occurred_at: Date };

export const toEventFacts = (row: EventRow): EventFacts => ({
  id: row.id,
  name: row.name ?? '',
  properties: row.properties ?? {},
  timestamp: new Date(row.occurred_at).toISOString(),
});

export class EventRepository {
  constructor(private readonly db: EntityManager) {}

  /** Stores the event unless its messageId was seen before; returns null for a repeat. */
  async insertOnce(event: NewEvent): Promise<EventRow | null> {
    const rows: EventRow[] = await this.db.query(
      `INSERT INTO events (workspace_id, customer_id, message_id, type, name, properties, occurred_at, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (workspace_id, message_id) DO NOTHING
       RETURNING id, name, properties, occurred_at`,
      [
        event.workspaceId,
        event.customerId,
        event.messageId,
        event.type,
        event.name,
        JSON.stringify(event.properties),
        event.occurredAt,
        event.receivedAt,
      ],
    );
    return rows[0] ?? null;
  }

  /**
   * Stores many events in one statement, each unless its messageId was seen before (in an earlier request or
   * earlier in this list: the first one wins). Returns the stored rows by messageId; a repeat is absent.
   */
  async insertManyOnce(events: NewEvent[]): Promise<Map<string, EventRow>> {
    if (events.length === 0) return new Map();
    const column = <T>(pick: (event: NewEvent) => T) => events.map(pick);
    const rows: (EventRow & { message_id: string })[] = await this.db.query(
      `INSERT INTO events (workspace_id, customer_id, message_id, type, name, properties, occurred_at, received_at)
       SELECT $1, e.customer_id, e.message_id, e.type, e.name, e.properties::jsonb, e.occurred_at, $7
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $8::timestamptz[])
              WITH ORDINALITY AS e(customer_id, message_id, type, name, properties, occurred_at, position)
        ORDER BY e.position
       ON CONFLICT (workspace_id, message_id) DO NOTHING
       RETURNING message_id, id, name, properties, occurred_at`,
      [
        events[0]!.workspaceId,
        column((event) => event.customerId),
        column((event) => event.messageId),
        column((event) => event.type),
        column((event) => event.name),
        column((event) => JSON.stringify(event.properties)),
        events[0]!.receivedAt,
        column((event) => event.occurredAt),
      ],
    );
    return new Map(rows.map(({ message_id, ...row }) => [message_id, row]));
  }

  /**
   * How many times the customer did this event (matching the filters) since `since` (null: ever). Filters run
   * here on the properties, as the same code the journey core uses; the most recent 5,000 events are looked at.
   */
  async countMatching(
    customerId: string,
    query: { event: string; where: PropertyFilter[] },
    since: Date | null,
  ): Promise<number> {
    const rows: { properties: Record<string, unknown> }[] = await this.db.query(
      `SELECT properties FROM events
        WHERE customer_id = $1 AND type = 'track' AND name = $2 AND ($3::timestamptz IS NULL OR occurred_at >= $3)
        ORDER BY occurred_at DESC LIMIT 5000`,
      [customerId, query.event, since],
    );
    return query.where.length === 0
      ? rows.length
      : rows.filter((row) => matchesFilters(row.properties, query.where)).length;
  }

  async findFacts(workspaceId: string, id: string): Promise<EventFacts | null> {
    const rows: EventRow[] = await this.db.query(
      'SELECT id, name, properties, occurred_at FROM events WHERE workspace_id = $1 AND id = $2',
      [workspaceId, id],
    );
    return rows[0] ? toEventFacts(rows[0]) : null;
  }
}
