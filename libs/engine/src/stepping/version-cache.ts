import type { EntityManager } from 'typeorm';
import { journeyHistoryQueries, type HistoryQuery, type JourneyVersionSnapshot } from '@rapport/journey';
import { JourneyRepository } from '@rapport/persistence';

export type CachedVersion = JourneyVersionSnapshot & { journeyId: string; historyQueries: HistoryQuery[] };

/** Published versions never change, so each process keeps the ones it uses (bounded, oldest out first). */
export class VersionCache {
  private readonly versions = new Map<string, CachedVersion>();

  constructor(private readonly limit = 500) {}

  async get(id: string, manager: EntityManager): Promise<CachedVersion | null> {
    const cached = this.versions.get(id);
    if (cached) return cached;
    const row = await new JourneyRepository(manager).findVersionById(id);
    if (!row) return null;
    const version: CachedVersion = {
      id: row.id,
      journeyId: row.journeyId,
      document: row.document,
      historyQueries: journeyHistoryQueries(row.document),
    };
    if (this.versions.size >= this.limit) this.versions.delete(this.versions.keys().next().value as string);
    this.versions.set(id, version);
    return version;
  }
}
