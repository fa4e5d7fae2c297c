import type { EntityManager } from 'typeorm';

export type GroupFigures = { entered: number; converted: number; conversionRate: number | null };

export type JourneyReport = {
  entered: number;
  converted: number;
  conversionRate: number | null;
  /** By holdout group (`treatment`, `control`); passages that met no holdout are in `all`. */
  groups: Record<string, GroupFigures>;
  /** How many customers are at each node right now (active or waiting). */
  currentByNode: Record<string, number>;
};

const rate = (converted: number, entered: number): number | null =>
  entered === 0 ? null : Math.round((converted / entered) * 10_000) / 10_000;

/** Conversion per holdout group and where customers are now, for one journey (all its versions). */
export class JourneyReportRepository {
  constructor(private readonly db: EntityManager) {}

  async report(workspaceId: string, journeyId: string): Promise<JourneyReport> {
    const [groups, nodes]: [
      { grp: string; entered: string; converted: string }[],
      { node_id: string; current: string }[],
    ] = await Promise.all([
      this.db.query(
        `SELECT coalesce(state->'tags'->>'holdout', 'all') AS grp, count(*) AS entered, count(converted_at) AS converted
           FROM enrollments WHERE workspace_id = $1 AND journey_id = $2 GROUP BY 1`,
        [workspaceId, journeyId],
      ),
      this.db.query(
        `SELECT node_id, count(*) AS current FROM enrollments
          WHERE workspace_id = $1 AND journey_id = $2 AND status IN ('active', 'waiting') GROUP BY 1`,
        [workspaceId, journeyId],
      ),
    ]);
    const byGroup = Object.fromEntries(
      groups.map((row) => {
        const entered = Number(row.entered);
        const converted = Number(row.converted);
        return [row.grp, { entered, converted, conversionRate: rate(converted, entered) }];
      }),
    );
    const entered = groups.reduce((sum, row) => sum + Number(row.entered), 0);
    const converted = groups.reduce((sum, row) => sum + Number(row.converted), 0);
    return {
      entered,
      converted,
      conversionRate: rate(converted, entered),
      groups: byGroup,
      currentByNode: Object.fromEntries(nodes.map((row) => [row.node_id, Number(row.current)])),
    };
  }
}
