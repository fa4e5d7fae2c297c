import type { EntityManager } from 'typeorm';
import {
  CustomerMergeRepository,
  CustomerRepository,
  EnrollmentRepository,
  toCustomerFacts,
  type MergeOutcome,
} from '@rapport/persistence';
import type { ProfileChangeService } from '../entry/profile-change.service';
import type { CustomerInsightsService } from '../insights/customer-insights.service';
import type { JobPayload } from '../queue/job-catalog';

export type AttachInput = {
  workspaceId: string;
  workspaceZone: string | null;
  userId: string;
  anonymousId: string;
  now: Date;
};

export type AttachOutcome = {
  /** What happened to the anonymous profile: none to attach, it became the known customer, or it was merged. */
  outcome: 'already-attached' | 'nothing-to-attach' | 'became-known' | 'merged';
  merged: MergeOutcome | null;
  /** Work to queue after commit (entries and exits caused by the merged profile). */
  jobs: JobPayload<'advance'>[];
};

/**
 * Anonymous visitors become known customers: a message carrying both a userId and an anonymousId (identify,
 * track, or Segment's alias) attaches the anonymous profile to the known one, so what they did before signing
 * up counts. Runs in the caller's transaction, before the message itself is stored.
 */
export class CustomerMergeService {
  constructor(
    private readonly profiles: ProfileChangeService,
    private readonly insights: CustomerInsightsService,
  ) {}

  async attach(manager: EntityManager, input: AttachInput): Promise<AttachOutcome> {
    const { workspaceId, userId, anonymousId, now } = input;
    const customers = new CustomerRepository(manager);
    // Segment clients send the anonymousId with every call after sign-up: once attached, this is one lookup.
    if (await customers.aliasTarget(workspaceId, anonymousId)) return this.none('already-attached');

    // Both ids locked in one fixed order, so two messages naming the same pair cannot deadlock each other.
    const keys: ['user' | 'anonymous', string][] = [
      ['anonymous', anonymousId],
      ['user', userId],
    ];
    keys.sort((a, b) => `${a[0]}:${a[1]}`.localeCompare(`${b[0]}:${b[1]}`));
    for (const [kind, id] of keys) await customers.lockIdentity(workspaceId, kind, id);
    if (await customers.aliasTarget(workspaceId, anonymousId)) return this.none('already-attached');

    const merges = new CustomerMergeRepository(manager);
    const anonymous = await merges.findAnonymousForUpdate(workspaceId, anonymousId);
    // No anonymous profile: storing the message creates (or updates) the known customer and records the alias.
    if (!anonymous) return this.none('nothing-to-attach');
    let known = await merges.findKnownForUpdate(workspaceId, userId);
    if (!known) {
      const became = await merges.becomeKnown(workspaceId, { customerId: anonymous.id, userId, anonymousId, now });
      if (became) return this.none('became-known');
      // Another request created the user id meanwhile (it did not hold our locks): merge into it.
      known = await merges.findKnownForUpdate(workspaceId, userId);
      if (!known) throw new Error(`customer ${userId} vanished while attaching ${anonymousId}`);
    }

    const merged = await merges.merge(workspaceId, { from: anonymous.id, into: known.id, anonymousId, now });
    await new EnrollmentRepository(manager).appendEntries(
      merged.closed.map((row) => ({
        workspaceId,
        enrollmentId: row.id,
        seq: row.seq,
        at: now,
        nodeId: row.nodeId,
        code: 'enrollment.merged',
        params: { into: known.id },
      })),
    );
    // Computed attributes (orders count, ...) now have the anonymous events to count.
    await this.insights.recomputeCustomer(manager, { workspaceId, customerId: known.id, now });
    const after = (await merges.findKnownForUpdate(workspaceId, userId)) ?? merged.customer;
    const change = await this.profiles.onChange(manager, {
      workspaceId,
      workspaceZone: input.workspaceZone,
      before: toCustomerFacts(known),
      after: toCustomerFacts(after),
      event: null,
      now,
    });
    return {
      outcome: 'merged',
      merged: { ...merged, customer: after },
      jobs: [...change.due.map((row) => ({ enrollmentId: row.id, seq: row.seq })), ...change.jobs],
    };
  }

  /**
   * Segment's `alias(previousId, userId)`: attaches like a message with both ids. With no anonymous profile to
   * attach, the alias is still recorded (creating the known customer when new), so later anonymous events land.
   */
  async alias(manager: EntityManager, input: AttachInput): Promise<JobPayload<'advance'>[]> {
    const attached = await this.attach(manager, input);
    if (attached.outcome !== 'nothing-to-attach') return attached.jobs;
    const customer = await new CustomerRepository(manager).upsert(
      input.workspaceId,
      { userId: input.userId, anonymousId: input.anonymousId },
      {},
      input.now,
    );
    if (!customer.inserted) return [];
    const change = await this.profiles.onChange(manager, {
      workspaceId: input.workspaceId,
      workspaceZone: input.workspaceZone,
      before: null,
      after: toCustomerFacts(customer),
      event: null,
      now: input.now,
    });
    return [...change.due.map((row) => ({ enrollmentId: row.id, seq: row.seq })), ...change.jobs];
  }

  private none(outcome: AttachOutcome['outcome']): AttachOutcome {
    return { outcome, merged: null, jobs: [] };
  }
}
