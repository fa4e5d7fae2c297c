import type { DataSource, EntityManager } from 'typeorm';
import {
  AttributeDefinitionRepository,
  ConsentRepository,
  CustomerRepository,
  toCustomerFacts,
  type Clock,
  type Consent,
  type CustomerRow,
  type ProfileChanges,
} from '@rapport/persistence';
import type { ProfileChangeService } from '../entry/profile-change.service';
import type { JobPayload } from '../queue/job-catalog';
import type { JobQueue } from '../queue/job-queue';
import { parseProfilePatch } from './profile-patch';

// Postgres rejects a malformed uuid with an error; a bad id in a URL is simply not found.
const isUuid = (id: string): boolean => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

type Row = CustomerRow & { anonymous_id?: string | null; created_at?: Date; updated_at?: Date };

/** A profile as the API shows it: fields, attributes, and consent per channel with where and when it was given. */
export type ProfileView = {
  id: string;
  externalId: string | null;
  anonymousId: string | null;
  email: string | null;
  phone: string | null;
  timeZone: string | null;
  locale: string | null;
  attributes: Record<string, unknown>;
  /** null: never given nor withdrawn, so the workspace's consent default applies. */
  consent: { email: Consent | null; sms: Consent | null };
  createdAt: Date | null;
  updatedAt: Date | null;
};

/** One profile from an import row: who, what changes, which consent. */
export type ImportedProfile = {
  userId: string;
  changes: ProfileChanges;
  consent: { channel: 'email' | 'sms'; granted: boolean }[];
};

/**
 * Profile edits outside tracking (the API's PATCH, CSV imports). Each goes through ProfileChangeService like an
 * identify, in the transaction that writes it, so threshold triggers, date-trigger times, audiences and exit
 * conditions react the same way; consent changes are recorded with their source.
 */
export class ProfileService {
  constructor(
    private readonly db: DataSource,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly changes: ProfileChangeService,
  ) {}

  async get(workspaceId: string, id: string): Promise<ProfileView | null> {
    if (!isUuid(id)) return null;
    const row = await new CustomerRepository(this.db.manager).findRowById(workspaceId, id);
    return row ? this.view(this.db.manager, row) : null;
  }

  /** Validates everything first (ProfileInputError naming each field), then writes it all or nothing. */
  async update(workspaceId: string, id: string, body: unknown): Promise<ProfileView | null> {
    if (!isUuid(id)) return null;
    const types = await new AttributeDefinitionRepository(this.db.manager).types(workspaceId);
    const patch = parseProfilePatch(body, types);
    const now = await this.clock.now();
    const outcome = await this.db.transaction(async (manager) => {
      const customers = new CustomerRepository(manager);
      const before = await customers.findRowById(workspaceId, id, true);
      if (!before) return null;
      const after = await customers.update(workspaceId, id, patch, now);
      if (!after) return null;
      for (const consent of patch.consent) {
        await new ConsentRepository(manager).set({ workspaceId, customerId: id, ...consent, source: 'api' }, now);
      }
      const jobs = await this.onChange(manager, workspaceId, before, after, now);
      return { after, jobs };
    });
    if (!outcome) return null;
    await this.queue.add('advance', outcome.jobs);
    return this.view(this.db.manager, outcome.after);
  }

  /**
   * Upserts a batch of imported profiles in one transaction, each through the same change path as an identify.
   * Throws when the batch fails as a whole (the importer then retries it row by row to find the bad one).
   */
  async importProfiles(workspaceId: string, profiles: ImportedProfile[]): Promise<void> {
    if (profiles.length === 0) return;
    // One profile per user id: a later row for the same user adds to the earlier one, as two identifies would.
    const byUser = new Map<string, ImportedProfile>();
    for (const profile of profiles) {
      const earlier = byUser.get(profile.userId);
      byUser.set(
        profile.userId,
        earlier
          ? {
              userId: profile.userId,
              changes: {
                ...earlier.changes,
                ...Object.fromEntries(Object.entries(profile.changes).filter(([, value]) => value !== null)),
                attributes: { ...earlier.changes.attributes, ...profile.changes.attributes },
              },
              consent: [...earlier.consent, ...profile.consent],
            }
          : profile,
      );
    }
    const distinct = [...byUser.values()];
    const now = await this.clock.now();
    const jobs = await this.db.transaction(async (manager) => {
      const customers = new CustomerRepository(manager);
      const before = new Map(
        (await customers.findManyForUpdate(workspaceId, [...byUser.keys()])).map((row) => [row.external_id, row]),
      );
      const after = await customers.upsertMany(workspaceId, distinct, now);
      const zone = await this.workspaceZone(manager, workspaceId);
      const jobs: JobPayload<'advance'>[] = [];
      for (const row of after) {
        for (const consent of byUser.get(row.external_id ?? '')?.consent ?? []) {
          await new ConsentRepository(manager).set(
            { workspaceId, customerId: row.id, ...consent, source: 'import' },
            now,
          );
        }
        jobs.push(...(await this.onChange(manager, workspaceId, before.get(row.external_id) ?? null, row, now, zone)));
      }
      return jobs;
    });
    await this.queue.add('advance', jobs);
  }

  private async workspaceZone(manager: EntityManager, workspaceId: string): Promise<string | null> {
    const zones: { time_zone: string }[] = await manager.query('SELECT time_zone FROM workspaces WHERE id = $1', [
      workspaceId,
    ]);
    return zones[0]?.time_zone ?? null;
  }

  private async onChange(
    manager: EntityManager,
    workspaceId: string,
    before: CustomerRow | null,
    after: CustomerRow,
    now: Date,
    zone?: string | null,
  ): Promise<JobPayload<'advance'>[]> {
    const change = await this.changes.onChange(manager, {
      workspaceId,
      workspaceZone: zone === undefined ? await this.workspaceZone(manager, workspaceId) : zone,
      before: before ? toCustomerFacts(before) : null,
      after: toCustomerFacts(after),
      event: null,
      now,
    });
    return [...change.due.map((row) => ({ enrollmentId: row.id, seq: row.seq })), ...change.jobs];
  }

  private async view(manager: EntityManager, row: Row): Promise<ProfileView> {
    const consent = await new ConsentRepository(manager).forCustomer(row.id);
    return {
      id: row.id,
      externalId: row.external_id,
      anonymousId: row.anonymous_id ?? null,
      email: row.email,
      phone: row.phone,
      timeZone: row.time_zone,
      locale: row.locale,
      attributes: row.attributes ?? {},
      consent: { email: consent['email'] ?? null, sms: consent['sms'] ?? null },
      createdAt: row.created_at ? new Date(row.created_at) : null,
      updatedAt: row.updated_at ? new Date(row.updated_at) : null,
    };
  }
}
