import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { indexJourney, initialEnrollmentState, type EventFacts } from '@rapport/journey';
import {
  CustomerRepository,
  EnrollmentRepository,
  EventRepository,
  JourneyRepository,
  toEventFacts,
  type Clock,
  type DueEnrollment,
  type LiveVersion,
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
      // Live journeys per event name, looked up once per request rather than once per message.
      const journeys = new JourneyRepository(manager);
      const live = new Map<string, Promise<LiveVersion[]>>();
      const versionsFor = (name: string) => {
        if (!live.has(name)) live.set(name, journeys.liveVersionsFor(workspaceId, `event:${name}`));
        return live.get(name) as Promise<LiveVersion[]>;
      };
      const entries: { enrollment: NewEnrollment; event: string }[] = [];
      for (const message of messages) {
        const event = await this.store(manager, workspaceId, message, now);
        if (!event) {
          result.duplicates += 1;
          continue;
        }
        result.stored += 1;
        if (message.type !== 'track') continue;
        for (const version of await versionsFor(event.facts.name)) {
          const trigger = indexJourney(version.document).triggers.find(
            (node) => node.kind.trigger?.matchesEvent?.(node.config, event.facts) ?? false,
          );
          if (!trigger) continue;
          entries.push({
            event: event.facts.name,
            enrollment: {
              workspaceId,
              journeyId: version.journeyId,
              versionId: version.versionId,
              customerId: event.customerId,
              triggerEventId: event.facts.id,
              // One enrollment per journey and triggering event; entry rules (once a year, ...) refine this key.
              triggerKey: `event:${event.facts.id}`,
              state: initialEnrollmentState(trigger.node.id, now),
            },
          });
        }
      }
      return this.enroll(manager, entries, now);
    });
    result.enrolled = due.length;
    // After commit: if Redis refuses, the sweeper finds these rows (enqueued, no job) and adds them again.
    await this.queue.add(
      'advance',
      due.map((row) => ({ enrollmentId: row.id, seq: row.seq })),
    );
    return result;
  }

  /** Upserts the customer and stores the message once; null when its messageId was seen before. */
  private async store(
    manager: EntityManager,
    workspaceId: string,
    message: TrackingMessage,
    now: Date,
  ): Promise<{ customerId: string; facts: EventFacts } | null> {
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
    return event ? { customerId: customer.id, facts: toEventFacts(event) } : null;
  }

  /** All of a request's enrollments and their first history lines, in two statements. */
  private async enroll(
    manager: EntityManager,
    entries: { enrollment: NewEnrollment; event: string }[],
    now: Date,
  ): Promise<DueEnrollment[]> {
    const repository = new EnrollmentRepository(manager);
    const created = await repository.createMany(
      entries.map((entry) => entry.enrollment),
      now,
    );
    const byKey = new Map(
      entries.map((entry) => [`${entry.enrollment.journeyId}/${entry.enrollment.triggerKey}`, entry] as const),
    );
    await repository.appendEntries(
      created.map((row) => {
        const entry = byKey.get(`${row.journeyId}/${row.triggerKey}`);
        return {
          workspaceId: entry?.enrollment.workspaceId ?? '',
          enrollmentId: row.id,
          seq: 0,
          at: now,
          nodeId: entry?.enrollment.state.nodeId ?? '',
          code: 'enrollment.entered',
          params: { event: entry?.event ?? null },
        };
      }),
    );
    return created.map(({ id, seq }) => ({ id, seq }));
  }
}
