import type { EntityManager } from 'typeorm';
import type { EventFacts } from '@rapport/journey';
import type { CustomerRow } from '@rapport/persistence';

/**
 * What a customer's events teach about them (computed attributes, recommendations, value tier), kept current in
 * the transaction that stores each event.
 */
export class CustomerInsightsService {
  /** Applies one stored event; returns the customer as they are afterwards (the same row when nothing changed). */
  async onEvent(
    _manager: EntityManager,
    _input: { workspaceId: string; customer: CustomerRow; event: EventFacts; now: Date },
  ): Promise<CustomerRow> {
    return _input.customer;
  }

  /** Recomputes one customer's insights from their whole event history (after a merge, an import, on demand). */
  async recomputeCustomer(
    _manager: EntityManager,
    _input: { workspaceId: string; customerId: string; now: Date },
  ): Promise<void> {}
}
