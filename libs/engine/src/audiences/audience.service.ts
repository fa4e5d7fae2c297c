import type { EntityManager } from 'typeorm';
import type { CustomerFacts, EventFacts } from '@rapport/journey';

/** Saved audiences: which ones a customer belongs to, re-evaluated whenever their data changes. */
export class AudienceService {
  /** Re-evaluates one customer's memberships; returns the keys of the audiences they have just entered. */
  async evaluate(
    _manager: EntityManager,
    _input: { workspaceId: string; customer: CustomerFacts; event: EventFacts | null; now: Date },
  ): Promise<string[]> {
    return [];
  }
}
