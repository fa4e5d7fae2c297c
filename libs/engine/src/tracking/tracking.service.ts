import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { indexJourney, type EventFacts } from '@rapport/journey';
import {
  ConsentRepository,
  CustomerRepository,
  EnrollmentEventsRepository,
  EventRepository,
  JourneyRepository,
  toCustomerFacts,
  toEventFacts,
  type Clock,
  type CustomerRow,
  type DueEnrollment,
  type LiveVersion,
  type NewEvent,
  type ProfileChanges,
} from '@rapport/persistence';
import { transactionWithRetry } from '../common/transaction-retry';
import type { EntryCandidate, EntryService } from '../entry/entry.service';
import type { GoalService } from '../entry/goal.service';
import type { ProfileChangeService } from '../entry/profile-change.service';
import type { CustomerInsightsService } from '../insights/customer-insights.service';
import type { JobPayload } from '../queue/job-catalog';
import type { JobQueue } from '../queue/job-queue';
import { zoneFor } from '../scheduling/trigger-scheduler';
import { CustomerMergeService } from '../profiles/customer-merge.service';
import type { IngestMessage, TrackingMessage } from './segment.schema';

const PROFILE_TRAITS = new Set(['email', 'phone', 'timezone', 'timeZone', 'locale', 'email_consent', 'sms_consent']);

/** Consent the shop reports with identify (`email_consent: false` after an unsubscribe on its side, ...). */
const consentTraits = (message: TrackingMessage): { channel: 'email' | 'sms'; granted: boolean }[] =>
  message.type !== 'identify'
    ? []
    : (['email', 'sms'] as const).flatMap((channel) => {
        const value = message.traits[`${channel}_consent`];
        return typeof value === 'boolean' ? [{ channel, granted: value }] : [];
      });

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

/** One batch's shared state while its messages take effect. */
type Batch = {
  workspaceId: string;
  workspaceZone: string | null;
  now: Date;
  candidates: EntryCandidate[];
  jobs: JobPayload<'advance'>[];
  versionsFor(name: string): Promise<LiveVersion[]>;
  goalsFor(name: string): Promise<boolean>;
  /** Waits listening for an event, read for the whole batch at once when its customers are known up front. */
  listeners?: Map<string, Map<string, DueEnrollment[]>>;
};

/** The batch's messages when every one names its customer by user id alone (no alias, no anonymous id). */
const knownCustomersOnly = (messages: IngestMessage[]): (TrackingMessage & { userId: string })[] | null =>
  messages.every((message) => message.type !== 'alias' && Boolean(message.userId) && !message.anonymousId)
    ? (messages as (TrackingMessage & { userId: string })[])
    : null;

const hasProfileChanges = (changes: ProfileChanges): boolean =>
  Boolean(changes.email || changes.phone || changes.timeZone || changes.locale) ||
  Object.keys(changes.attributes ?? {}).length > 0;

const newEvent = (
  workspaceId: string,
  customerId: string,
  messageId: string,
  message: TrackingMessage,
  now: Date,
): NewEvent => ({
  workspaceId,
  customerId,
  messageId,
  type: message.type,
  name: message.type === 'track' ? message.event : null,
  properties: message.type === 'track' ? message.properties : message.traits,
  occurredAt: message.timestamp ? new Date(message.timestamp) : now,
  receivedAt: now,
});

type Stored = { customer: CustomerRow & { inserted: boolean }; facts: EventFacts };

/**
 * Segment-shaped tracking. Each message is stored once by messageId, and in the same transaction everything it
 * causes is decided: profile changes (threshold triggers, date-trigger times, exit conditions), enrollments by
 * event triggers under each journey's entry rules, conversions of goals, and which listening waits it wakes.
 * Jobs go to Redis after commit; if that fails, the sweeper finds the rows and queues them again.
 */
export class TrackingService {
  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly entry: EntryService,
    private readonly goals: GoalService,
    private readonly profiles: ProfileChangeService,
    private readonly insights: CustomerInsightsService,
  ) {}

  async ingest(workspaceId: string, messages: IngestMessage[]): Promise<TrackingResult> {
    const now = await this.clock.now();
    const result: TrackingResult = { stored: 0, duplicates: 0, enrolled: 0 };
    // A batch locks many customers (and computed rows); two batches may deadlock, and the loser simply runs again.
    const jobs = await transactionWithRetry(this.db, async (manager) => {
      Object.assign(result, { stored: 0, duplicates: 0, enrolled: 0 });
      const batch = await this.batchContext(manager, workspaceId, now);
      const known = knownCustomersOnly(messages);
      if (known) await this.storeKnown(manager, batch, known, result);
      else await this.storeOneByOne(manager, batch, messages, result);
      const due = await this.entry.admit(manager, batch.candidates, now);
      result.enrolled = due.length;
      return [...batch.jobs, ...due.map((row) => ({ enrollmentId: row.id, seq: row.seq }))];
    });
    await this.queue.add('advance', jobs);
    return result;
  }

  /** What every message of one batch shares: the workspace's zone, lookups asked once, what is decided so far. */
  private async batchContext(manager: EntityManager, workspaceId: string, now: Date): Promise<Batch> {
    const zones: { time_zone: string }[] = await manager.query('SELECT time_zone FROM workspaces WHERE id = $1', [
      workspaceId,
    ]);
    // Live journeys and goals per event name, looked up once per request rather than once per message.
    const journeys = new JourneyRepository(manager);
    const live = new Map<string, Promise<LiveVersion[]>>();
    const goals = new Map<string, Promise<boolean>>();
    return {
      workspaceId,
      workspaceZone: zones[0]?.time_zone ?? null,
      now,
      candidates: [],
      jobs: [],
      versionsFor: (name) => {
        if (!live.has(name)) live.set(name, journeys.liveVersionsFor(workspaceId, `event:${name}`));
        return live.get(name) as Promise<LiveVersion[]>;
      },
      goalsFor: (name) => {
        if (!goals.has(name)) goals.set(name, journeys.hasGoal(workspaceId, name));
        return goals.get(name) as Promise<boolean>;
      },
    };
  }

  /**
   * Messages with user ids only (a shop's server, its webhooks): the batch's customers are found or created and
   * locked in two statements and its events stored in one, then each new message takes effect in order.
   */
  private async storeKnown(
    manager: EntityManager,
    batch: Batch,
    messages: (TrackingMessage & { userId: string })[],
    result: TrackingResult,
  ): Promise<void> {
    const { workspaceId, now } = batch;
    const customers = new CustomerRepository(manager);
    const current = await customers.ensureMany(
      workspaceId,
      messages.map((message) => message.userId),
      now,
    );
    const customerOf = (userId: string) => {
      const customer = current.get(userId);
      if (!customer) throw new Error(`customer ${userId} was neither found nor created`);
      return customer;
    };
    const entries = messages.map((message) => ({ message, messageId: message.messageId ?? randomUUID() }));
    const events = await new EventRepository(manager).insertManyOnce(
      entries.map(({ message, messageId }) =>
        newEvent(workspaceId, customerOf(message.userId).id, messageId, message, now),
      ),
    );
    const tracked = messages.flatMap((message) => (message.type === 'track' ? [message] : []));
    batch.listeners = await new EnrollmentEventsRepository(manager).listenersOfMany(
      [...new Set(tracked.map((message) => customerOf(message.userId).id))],
      [...new Set(tracked.map((message) => message.event))],
    );
    const taken = new Set<string>();
    for (const { message, messageId } of entries) {
      const event = events.get(messageId);
      // A repeat of an earlier request, or of a message earlier in this batch: stored once, effective once.
      if (!event || taken.has(messageId)) {
        result.duplicates += 1;
        continue;
      }
      taken.add(messageId);
      result.stored += 1;
      const customer = customerOf(message.userId);
      const changes = profileChanges(message);
      const changed = hasProfileChanges(changes)
        ? await customers.applyChanges(workspaceId, customer.id, changes, now)
        : customer;
      // The profile as it was before this message: nothing when this batch created the customer.
      const before = message.type === 'identify' && !customer.inserted ? customer : null;
      const after = await this.takeEffect(manager, batch, message, {
        customer: { ...changed, inserted: customer.inserted },
        facts: toEventFacts(event),
        before,
      });
      current.set(message.userId, { ...after, inserted: false });
    }
  }

  /** Any other batch (anonymous visitors, aliases, merges): message by message, as the identity rules need. */
  private async storeOneByOne(
    manager: EntityManager,
    batch: Batch,
    messages: IngestMessage[],
    result: TrackingResult,
  ): Promise<void> {
    const { workspaceId, workspaceZone, now } = batch;
    const merges = new CustomerMergeService(this.profiles, this.insights);
    for (const message of messages) {
      // An anonymous visitor who signs up: their anonymous profile is attached to the known customer first.
      if (message.type === 'alias') {
        const { userId, previousId: anonymousId } = message;
        batch.jobs.push(...(await merges.alias(manager, { workspaceId, workspaceZone, userId, anonymousId, now })));
        continue;
      }
      if (message.userId && message.anonymousId) {
        const { userId, anonymousId } = message;
        batch.jobs.push(
          ...(await merges.attach(manager, { workspaceId, workspaceZone, userId, anonymousId, now })).jobs,
        );
      }
      const identity = { userId: message.userId ?? null, anonymousId: message.anonymousId ?? null };
      const before =
        message.type === 'identify' ? await new CustomerRepository(manager).findForUpdate(workspaceId, identity) : null;
      const stored = await this.store(manager, workspaceId, message, now);
      if (!stored) {
        result.duplicates += 1;
        continue;
      }
      result.stored += 1;
      await this.takeEffect(manager, batch, message, { ...stored, before });
    }
  }

  /**
   * Everything one stored message causes, in its batch's transaction: consent, what an order teaches the profile,
   * profile-change triggers and exits, event-trigger candidates, waits listening for it, goals. Returns the
   * customer as they are afterwards.
   */
  private async takeEffect(
    manager: EntityManager,
    batch: Batch,
    message: TrackingMessage,
    stored: Stored & { before: CustomerRow | null },
  ): Promise<CustomerRow> {
    const { workspaceId, workspaceZone, now } = batch;
    for (const consent of consentTraits(message)) {
      await new ConsentRepository(manager).set(
        { workspaceId, customerId: stored.customer.id, ...consent, source: 'identify' },
        now,
      );
    }
    // What the event teaches (orders count, churn risk date, ...) is part of the profile before triggers look.
    const after =
      message.type === 'track'
        ? await this.insights.onEvent(manager, { workspaceId, customer: stored.customer, event: stored.facts, now })
        : stored.customer;
    const change = await this.profiles.onChange(manager, {
      workspaceId,
      workspaceZone,
      before:
        message.type === 'identify'
          ? stored.before
            ? toCustomerFacts(stored.before)
            : null
          : stored.customer.inserted
            ? null
            : toCustomerFacts(stored.customer),
      after: toCustomerFacts(after),
      event: message.type === 'track' ? stored.facts : null,
      now,
    });
    batch.jobs.push(...change.due.map((row) => ({ enrollmentId: row.id, seq: row.seq })), ...change.jobs);
    if (message.type !== 'track') return after;
    batch.candidates.push(
      ...this.triggered(workspaceId, workspaceZone, stored, await batch.versionsFor(stored.facts.name)),
    );
    const listeners = batch.listeners
      ? (batch.listeners.get(stored.customer.id)?.get(stored.facts.name) ?? [])
      : await new EnrollmentEventsRepository(manager).listeners(stored.customer.id, stored.facts.name);
    batch.jobs.push(...listeners.map((row) => ({ enrollmentId: row.id, seq: row.seq, eventId: stored.facts.id })));
    if (await batch.goalsFor(stored.facts.name)) {
      batch.jobs.push(...(await this.goals.onEvent(manager, workspaceId, stored.customer.id, stored.facts)));
    }
    return after;
  }

  /** The event-trigger nodes of live journeys that this event fires. */
  private triggered(
    workspaceId: string,
    workspaceZone: string | null,
    stored: Stored,
    versions: LiveVersion[],
  ): EntryCandidate[] {
    const customer = toCustomerFacts(stored.customer);
    return versions.flatMap((version) => {
      const trigger = indexJourney(version.document).triggers.find(
        (node) => node.kind.trigger?.matchesEvent?.(node.config, stored.facts) ?? false,
      );
      return trigger
        ? [
            {
              workspaceId,
              journeyId: version.journeyId,
              versionId: version.versionId,
              document: version.document,
              customerId: stored.customer.id,
              triggerNodeId: trigger.node.id,
              triggerEventId: stored.facts.id,
              occasion: `event:${stored.facts.id}`,
              because: { event: stored.facts.name },
              zone: zoneFor(customer, version.document, workspaceZone),
            },
          ]
        : [];
    });
  }

  /** Upserts the customer and stores the message once; null when its messageId was seen before. */
  private async store(
    manager: EntityManager,
    workspaceId: string,
    message: TrackingMessage,
    now: Date,
  ): Promise<Stored | null> {
    const customer = await new CustomerRepository(manager).upsert(
      workspaceId,
      { userId: message.userId ?? null, anonymousId: message.anonymousId ?? null },
      profileChanges(message),
      now,
    );
    const messageId = message.messageId ?? randomUUID();
    const event = await new EventRepository(manager).insertOnce(
      newEvent(workspaceId, customer.id, messageId, message, now),
    );
    return event ? { customer, facts: toEventFacts(event) } : null;
  }
}
