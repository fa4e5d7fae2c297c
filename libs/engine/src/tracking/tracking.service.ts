import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { initialEnrollmentState, nodeKinds, type NodeKind } from '@rapport/journey';
import {
  CustomerRepository,
  EnrollmentRepository,
  EventRepository,
  JourneyRepository,
  toEventFacts,
  type Clock,
  type DueEnrollment,
  type NewEnrollment,
  type ProfileChanges,
} from '@rapport/persistence';
import type { JobQueue } from '../queue/job-queue';
import type { TrackingMessage } from './segment.schema';

const PROFILE_TRAITS = new Set(['email', 'phone', 'timezone', 'timeZone', 'locale']);

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

const profileChanges = (message: TrackingMessage): ProfileChanges => {
  const context = message.context ?? {};
  if (message.type !== 'identify') {
    return { timeZone: context.timezone ?? null, locale: context.locale ?? null };
  }
  const traits = message.traits;
  return {
    email: stringOrNull(traits['email'])?.toLowerCase() ?? null,
    phone: stringOrNull(traits['phone']),
    timeZone: stringOrNull(traits['timeZone'] ?? traits['timezone']) ?? context.timezone ?? null,
    locale: stringOrNull(traits['locale']) ?? context.locale ?? null,
    attributes: Object.fromEntries(Object.entries(traits).filter(([key]) => !PROFILE_TRAITS.has(key))),
  };
};

export type TrackingResult = { stored: number; duplicates: number; enrolled: number };

/**
 * Segment-shaped tracking: stores each message once by messageId and enrolls customers into live journeys in
 * the same transaction, so an event is never stored without its enrollments (or the reverse).
 */
export class TrackingService {
  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
  ) {}

  async ingest(workspaceId: string, messages: TrackingMessage[]): Promise<TrackingResult> {
    const now = await this.clock.now();
    const result: TrackingResult = { stored: 0, duplicates: 0, enrolled: 0 };
    const due = await this.db.transaction(async (manager) => {
      const enrolled: DueEnrollment[] = [];
      for (const message of messages) {
        const created = await this.ingestOne(manager, workspaceId, message, now);
        if (created === null) result.duplicates += 1;
        else {
          result.stored += 1;
          enrolled.push(...created);
        }
      }
      return enrolled;
    });
    result.enrolled = due.length;
    // After commit: if Redis refuses, the sweeper finds these rows (enqueued, no job) and adds them again.
    await this.queue.add(
      'advance',
      due.map((row) => ({ enrollmentId: row.id, seq: row.seq })),
    );
    return result;
  }

  private async ingestOne(
    manager: EntityManager,
    workspaceId: string,
    message: TrackingMessage,
    now: Date,
  ): Promise<DueEnrollment[] | null> {
    const customer = await new CustomerRepository(manager).upsert(
      workspaceId,
      { userId: message.userId ?? null, anonymousId: message.anonymousId ?? null },
      profileChanges(message),
      now,
    );
    const event = await new EventRepository(manager).insertOnce({
      workspaceId,
      customerId: customer.id,
      messageId: message.messageId ?? randomUUID(),
      type: message.type,
      name: message.type === 'track' ? message.event : null,
      properties: message.type === 'track' ? message.properties : message.traits,
      occurredAt: message.timestamp ? new Date(message.timestamp) : now,
      receivedAt: now,
    });
    if (!event) return null;
    if (message.type !== 'track') return [];

    const facts = toEventFacts(event);
    const versions = await new JourneyRepository(manager).liveVersionsFor(workspaceId, `event:${facts.name}`);
    const enrollments: NewEnrollment[] = [];
    for (const version of versions) {
      const trigger = version.document.nodes.find((node) => {
        const kind = nodeKinds[node.kind as NodeKind];
        return kind?.trigger?.matchesEvent(node.config as never, facts) ?? false;
      });
      if (!trigger) continue;
      enrollments.push({
        workspaceId,
        journeyId: version.journeyId,
        versionId: version.versionId,
        customerId: customer.id,
        triggerEventId: facts.id,
        // One enrollment per journey and triggering event; entry rules (once a year, ...) refine this key.
        triggerKey: `event:${facts.id}`,
        state: initialEnrollmentState(trigger.id, now),
      });
    }
    const repository = new EnrollmentRepository(manager);
    const created = await repository.createMany(enrollments, now);
    for (const row of created) {
      const entry = enrollments.find((enrollment) => enrollment.journeyId === row.journeyId);
      await repository.appendHistory(workspaceId, row.id, 0, now, [
        { nodeId: entry?.state.nodeId ?? '', code: 'enrollment.entered', params: { event: facts.name } },
      ]);
    }
    return created.map(({ id, seq }) => ({ id, seq }));
  }
}
