import type { EntityManager } from 'typeorm';

/** Customers at a node right now (active or waiting there) and passages that went through it and moved on. */
export type NodeCount = { now: number; passed: number };

/** A customer waiting at a node, with when the engine will move them on. */
export type WaitingCustomer = {
  enrollmentId: string;
  customerId: string;
  externalId: string | null;
  email: string | null;
  version: number;
  status: 'active' | 'waiting';
  /** When they arrived at this node. */
  since: string | null;
  /** When the engine moves them on by time (the wait's end, a timeout); null when due now or event-only. */
  wakeAt: Date | null;
  /** The event that moves them on earlier (a wait for an event), if any. */
  listeningFor: string | null;
};

/** A cheap change check: any new passage or any step taken changes it. */
export type LiveFingerprint = string;

const IN_NODE = `e.node_id = v.key AND e.status IN ('active', 'waiting')`;

/**
 * Live figures for one journey (all its versions together: customers keep the version they entered), read from
 * `enrollments` only. `state.visits` holds every node a passage entered, so one grouped query gives both counts.
 */
export class JourneyLiveRepository {
  constructor(private readonly db: EntityManager) {}

  async fingerprint(workspaceId: string, journeyId: string): Promise<LiveFingerprint> {
    const rows: { passages: string; steps: string | null; changed: Date | null }[] = await this.db.query(
      `SELECT count(*) AS passages, sum(seq) AS steps, max(updated_at) AS changed
         FROM enrollments WHERE workspace_id = $1 AND journey_id = $2`,
      [workspaceId, journeyId],
    );
    const row = rows[0];
    return `${row?.passages ?? 0}:${row?.steps ?? 0}:${row?.changed ? new Date(row.changed).toISOString() : ''}`;
  }

  async nodeCounts(workspaceId: string, journeyId: string): Promise<Record<string, NodeCount>> {
    // A passage that stopped at a node (failed there) neither waits there nor passed through it.
    const rows: { node_id: string; now: string; passed: string }[] = await this.db.query(
      `SELECT v.key AS node_id,
              count(*) FILTER (WHERE ${IN_NODE}) AS now,
              count(*) FILTER (WHERE NOT (e.node_id = v.key AND e.status IN ('active', 'waiting', 'failed'))) AS passed
         FROM enrollments e CROSS JOIN LATERAL jsonb_object_keys(e.state->'visits') AS v(key)
        WHERE e.workspace_id = $1 AND e.journey_id = $2
        GROUP BY v.key`,
      [workspaceId, journeyId],
    );
    return Object.fromEntries(rows.map((row) => [row.node_id, { now: Number(row.now), passed: Number(row.passed) }]));
  }

  /** For each `[from, to]` pair, how many passages entered both nodes: how many took that connection. */
  async pairCounts(workspaceId: string, journeyId: string, pairs: readonly [string, string][]): Promise<number[]> {
    if (pairs.length === 0) return [];
    const rows: { i: string; taken: string }[] = await this.db.query(
      `SELECT p.i, count(e.id) AS taken
         FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS p(from_id, to_id, i)
         LEFT JOIN enrollments e
           ON e.workspace_id = $1 AND e.journey_id = $2
          AND e.state->'visits' ? p.from_id AND e.state->'visits' ? p.to_id
        GROUP BY p.i`,
      [workspaceId, journeyId, pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])],
    );
    const taken = new Map(rows.map((row) => [Number(row.i), Number(row.taken)]));
    return pairs.map((_, index) => taken.get(index + 1) ?? 0);
  }

  /** How many customers are at each node now (active or waiting), for the publish summary. */
  async currentByNode(workspaceId: string, journeyId: string): Promise<Record<string, number>> {
    const rows: { node_id: string; current: string }[] = await this.db.query(
      `SELECT node_id, count(*) AS current FROM enrollments
        WHERE workspace_id = $1 AND journey_id = $2 AND status IN ('active', 'waiting') GROUP BY 1`,
      [workspaceId, journeyId],
    );
    return Object.fromEntries(rows.map((row) => [row.node_id, Number(row.current)]));
  }

  /** Customers at a node now, the next to move on first (by wake time; event-only waits last). */
  async waiting(
    workspaceId: string,
    journeyId: string,
    nodeId: string,
    limit: number,
  ): Promise<{ total: number; customers: WaitingCustomer[] }> {
    const [count, rows]: [
      { total: string }[],
      {
        id: string;
        customer_id: string;
        external_id: string | null;
        email: string | null;
        version: number;
        status: 'active' | 'waiting';
        since: string | null;
        wake_at: Date | null;
        listening_for: string | null;
      }[],
    ] = await Promise.all([
      this.db.query(
        `SELECT count(*) AS total FROM enrollments
          WHERE workspace_id = $1 AND journey_id = $2 AND node_id = $3 AND status IN ('active', 'waiting')`,
        [workspaceId, journeyId, nodeId],
      ),
      this.db.query(
        `SELECT e.id, e.customer_id, c.external_id, c.email, v.version, e.status, e.state->>'nodeEnteredAt' AS since,
                e.wake_at, e.waiting_event AS listening_for
           FROM enrollments e
           JOIN customers c ON c.id = e.customer_id
           JOIN journey_versions v ON v.id = e.version_id
          WHERE e.workspace_id = $1 AND e.journey_id = $2 AND e.node_id = $3 AND e.status IN ('active', 'waiting')
          ORDER BY e.wake_at ASC NULLS LAST, e.entered_at, e.id
          LIMIT $4`,
        [workspaceId, journeyId, nodeId, limit],
      ),
    ]);
    return {
      total: Number(count[0]?.total ?? 0),
      customers: rows.map((row) => ({
        enrollmentId: row.id,
        customerId: row.customer_id,
        externalId: row.external_id,
        email: row.email,
        version: row.version,
        status: row.status,
        since: row.since,
        wakeAt: row.wake_at,
        listeningFor: row.listening_for,
      })),
    };
  }
}
