import type { JourneyVersionSnapshot } from '@rapport/journey';
import type { JourneyRepository } from '@rapport/persistence';

/** Published versions never change, so each process keeps the ones it uses (bounded, oldest out first). */
export class VersionCache {
  private readonly versions = new Map<string, JourneyVersionSnapshot>();

  constructor(private readonly limit = 500) {}

  async get(id: string, journeys: JourneyRepository): Promise<JourneyVersionSnapshot | null> {
    const cached = this.versions.get(id);
    if (cached) return cached;
    const row = await journeys.findVersionById(id);
    if (!row) return null;
    const snapshot = { id: row.id, document: row.document };
    if (this.versions.size >= this.limit) this.versions.delete(this.versions.keys().next().value as string);
    this.versions.set(id, snapshot);
    return snapshot;
  }
}
