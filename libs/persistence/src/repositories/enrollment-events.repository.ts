import type { EntityManager } from 'typeorm';
import type { DueEnrollment } from './enrollment.repository';

export type GoalCandidate = {
  id: string;
  seq: number;
  status: string;
  journeyId: string;
  versionId: string;
  triggerEventId: string | null;
  enteredAt: Date;
};

export type OpenEnrollment = { id: string; seq: number; versionId: string };

/** How a customer's new event or changed profile reaches the enrollments it concerns. */
export class EnrollmentEventsRepository {
  constructor(private readonly db: EntityManager) {}

  /** Enrollments parked at a wait that listens for this event. */
  listeners(customerId: string, eventName: string): Promise<DueEnrollment[]> {
    return this.db.query(
      `SELECT id, seq FROM enrollments
        WHERE customer_id = $1 AND waiting_event = $2 AND status = 'waiting'`,
      [customerId, eventName],
    );
  }

  /**
   * `listeners` for a whole tracked batch in one statement: by customer id, then event name. Within the batch's
   * transaction no passage starts or stops waiting (admissions come last and start active), so this holds for it.
   */
  async listenersOfMany(
    customerIds: string[],
    eventNames: string[],
  ): Promise<Map<string, Map<string, DueEnrollment[]>>> {
    const found = new Map<string, Map<string, DueEnrollment[]>>();
    if (customerIds.length === 0 || eventNames.length === 0) return found;
    const rows: (DueEnrollment & { customer_id: string; waiting_event: string })[] = await this.db.query(
      `SELECT id, seq, customer_id, waiting_event FROM enrollments
        WHERE customer_id = ANY($1::uuid[]) AND waiting_event = ANY($2::text[]) AND status = 'waiting'`,
      [customerIds, eventNames],
    );
    for (const { customer_id, waiting_event, ...row } of rows) {
      const byEvent = found.get(customer_id) ?? new Map<string, DueEnrollment[]>();
      byEvent.set(waiting_event, [...(byEvent.get(waiting_event) ?? []), row]);
      found.set(customer_id, byEvent);
    }
    return found;
  }

  /** Not-yet-converted passages of journeys whose goal is this event (the window is checked by the caller). */
  async goalCandidates(workspaceId: string, customerId: string, eventName: string): Promise<GoalCandidate[]> {
    const rows: {
      id: string;
      seq: number;
      status: string;
      journey_id: string;
      version_id: string;
      trigger_event_id: string | null;
      entered_at: Date;
    }[] = await this.db.query(
      `SELECT e.id, e.seq, e.status, e.journey_id, e.version_id, e.trigger_event_id, e.entered_at
         FROM enrollments e JOIN journey_versions v ON v.id = e.version_id
        WHERE e.workspace_id = $1 AND e.customer_id = $2 AND v.goal_event = $3 AND e.converted_at IS NULL`,
      [workspaceId, customerId, eventName],
    );
    return rows.map((row) => ({
      id: row.id,
      seq: row.seq,
      status: row.status,
      journeyId: row.journey_id,
      versionId: row.version_id,
      triggerEventId: row.trigger_event_id,
      enteredAt: new Date(row.entered_at),
    }));
  }

  /** Records the conversion once; false when it was already recorded. */
  async markConverted(id: string, eventId: string, at: Date): Promise<boolean> {
    const [, count]: [unknown, number] = await this.db.query(
      `UPDATE enrollments SET converted_at = $3, conversion_event_id = $2 WHERE id = $1 AND converted_at IS NULL`,
      [id, eventId, at],
    );
    return count === 1;
  }

  /** The customer's passages still under way (for exit conditions). */
  async open(customerId: string): Promise<OpenEnrollment[]> {
    const rows: { id: string; seq: number; version_id: string }[] = await this.db.query(
      `SELECT id, seq, version_id FROM enrollments WHERE customer_id = $1 AND status IN ('active', 'waiting')`,
      [customerId],
    );
    return rows.map((row) => ({ id: row.id, seq: row.seq, versionId: row.version_id }));
  }
}
