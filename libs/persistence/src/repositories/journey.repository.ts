import type { EntityManager } from 'typeorm';
import type { JourneyDocument } from '@rapport/journey';
import { JourneyEntity, JourneyVersionEntity, type JourneyStatus } from '../entities';

export type LiveVersion = { versionId: string; journeyId: string; document: JourneyDocument };

export class JourneyRepository {
  constructor(private readonly db: EntityManager) {}

  create(workspaceId: string, draft: JourneyDocument, now: Date): Promise<JourneyEntity> {
    return this.db.getRepository(JourneyEntity).save({
      workspaceId,
      name: draft.name,
      status: 'draft' as const,
      draft,
      liveVersionId: null,
      latestVersion: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  findById(workspaceId: string, id: string): Promise<JourneyEntity | null> {
    return this.db.getRepository(JourneyEntity).findOneBy({ workspaceId, id });
  }

  /** Locks the journey row for the rest of the transaction (publish and status changes serialize on it). */
  async lockById(workspaceId: string, id: string): Promise<JourneyEntity | null> {
    return this.db
      .getRepository(JourneyEntity)
      .createQueryBuilder('j')
      .setLock('pessimistic_write')
      .where('j.workspace_id = :workspaceId AND j.id = :id', { workspaceId, id })
      .getOne();
  }

  list(workspaceId: string): Promise<JourneyEntity[]> {
    return this.db.getRepository(JourneyEntity).find({ where: { workspaceId }, order: { updatedAt: 'DESC' } });
  }

  async updateDraft(workspaceId: string, id: string, draft: JourneyDocument, now: Date): Promise<void> {
    await this.db.query(
      'UPDATE journeys SET draft = $3, name = $4, updated_at = $5 WHERE workspace_id = $1 AND id = $2',
      [workspaceId, id, JSON.stringify(draft), draft.name, now],
    );
  }

  async setStatus(workspaceId: string, id: string, status: JourneyStatus, now: Date): Promise<void> {
    await this.db.getRepository(JourneyEntity).update({ workspaceId, id }, { status, updatedAt: now });
  }

  /** Call inside a transaction holding `lockById`: the version number is the next one for this journey. */
  async insertVersion(
    journey: JourneyEntity,
    document: JourneyDocument,
    triggerKeys: string[],
    now: Date,
  ): Promise<JourneyVersionEntity> {
    const version = await this.db.getRepository(JourneyVersionEntity).save({
      workspaceId: journey.workspaceId,
      journeyId: journey.id,
      version: (journey.latestVersion ?? 0) + 1,
      document,
      triggerKeys,
      goalEvent: document.settings?.goal?.event ?? null,
      publishedAt: now,
    });
    await this.db
      .getRepository(JourneyEntity)
      .update(
        { id: journey.id },
        { liveVersionId: version.id, latestVersion: version.version, status: 'live', updatedAt: now },
      );
    return version;
  }

  versions(workspaceId: string, journeyId: string): Promise<JourneyVersionEntity[]> {
    return this.db
      .getRepository(JourneyVersionEntity)
      .find({ where: { workspaceId, journeyId }, order: { version: 'DESC' } });
  }

  findVersion(workspaceId: string, journeyId: string, version: number): Promise<JourneyVersionEntity | null> {
    return this.db.getRepository(JourneyVersionEntity).findOneBy({ workspaceId, journeyId, version });
  }

  findVersionById(id: string): Promise<JourneyVersionEntity | null> {
    return this.db.getRepository(JourneyVersionEntity).findOneBy({ id });
  }

  /** The live versions of a workspace whose triggers match any of these keys (`profile:birthday`, ...). */
  async liveVersionsForAny(workspaceId: string, triggerKeys: string[]): Promise<LiveVersion[]> {
    if (triggerKeys.length === 0) return [];
    const rows: { version_id: string; journey_id: string; document: JourneyDocument }[] = await this.db.query(
      `SELECT v.id AS version_id, v.journey_id, v.document
         FROM journeys j JOIN journey_versions v ON v.id = j.live_version_id
        WHERE j.workspace_id = $1 AND j.status = 'live' AND v.trigger_keys && $2::text[]`,
      [workspaceId, triggerKeys],
    );
    return rows.map((row) => ({ versionId: row.version_id, journeyId: row.journey_id, document: row.document }));
  }

  /** The live versions having a trigger key like one of these patterns (`profile:%`). */
  async liveVersionsWithKeyLike(workspaceId: string, patterns: string[]): Promise<LiveVersion[]> {
    const rows: { version_id: string; journey_id: string; document: JourneyDocument }[] = await this.db.query(
      `SELECT v.id AS version_id, v.journey_id, v.document
         FROM journeys j JOIN journey_versions v ON v.id = j.live_version_id
        WHERE j.workspace_id = $1 AND j.status = 'live'
          AND EXISTS (SELECT 1 FROM unnest(v.trigger_keys) key WHERE key LIKE ANY ($2::text[]))`,
      [workspaceId, patterns],
    );
    return rows.map((row) => ({ versionId: row.version_id, journeyId: row.journey_id, document: row.document }));
  }

  /** Whether any version (live or not: passages keep theirs) counts this event as its goal. */
  async hasGoal(workspaceId: string, eventName: string): Promise<boolean> {
    const rows: { found: boolean }[] = await this.db.query(
      'SELECT EXISTS (SELECT 1 FROM journey_versions WHERE workspace_id = $1 AND goal_event = $2) AS found',
      [workspaceId, eventName],
    );
    return rows[0]?.found ?? false;
  }

  /** Whether any version of the workspace (live or not: customers stay on theirs) says when customers leave. */
  async hasExitConditions(workspaceId: string): Promise<boolean> {
    const rows: { found: boolean }[] = await this.db.query(
      `SELECT EXISTS (SELECT 1 FROM journey_versions WHERE workspace_id = $1
          AND document #> '{settings,exitWhen}' @> '[{}]'::jsonb) AS found`,
      [workspaceId],
    );
    return rows[0]?.found ?? false;
  }

  /** The live versions of a workspace that a trigger key can enroll into (a GIN lookup). */
  async liveVersionsFor(workspaceId: string, triggerKey: string): Promise<LiveVersion[]> {
    const rows: { version_id: string; journey_id: string; document: JourneyDocument }[] = await this.db.query(
      `SELECT v.id AS version_id, v.journey_id, v.document
         FROM journeys j JOIN journey_versions v ON v.id = j.live_version_id
        WHERE j.workspace_id = $1 AND j.status = 'live' AND v.trigger_keys @> ARRAY[$2]::text[]`,
      [workspaceId, triggerKey],
    );
    return rows.map((row) => ({ versionId: row.version_id, journeyId: row.journey_id, document: row.document }));
  }
}
