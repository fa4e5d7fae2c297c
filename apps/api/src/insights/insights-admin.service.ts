import { Inject, Injectable } from '@nestjs/common';
import {
  DEFAULT_VALUE_TIER_SETTINGS,
  valueTierSettingsOf,
  valueTierSettingsSchema,
  type Engine,
  type ValueTierSettings,
} from '@rapport/engine';
import { ValueTierRepository, type CustomerRow } from '@rapport/persistence';
import { notFound } from '../common/api-error';
import { ENGINE } from '../common/engine.token';
import { parseBody } from '../common/parse-body';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const TIER_KEYS = ['value_tier', 'rfm_recency', 'rfm_frequency', 'rfm_monetary'] as const;

/** Recomputes on demand and the value-tier settings; the engine's insights service does the work. */
@Injectable()
export class InsightsAdminService {
  constructor(@Inject(ENGINE) private readonly engine: Engine) {}

  async recomputeWorkspace(workspaceId: string) {
    const now = await this.engine.clock.now();
    const run = await this.engine.insights.recomputeWorkspace(this.engine.db, { workspaceId, now });
    return { ...run, recomputedAt: now.toISOString() };
  }

  async scoreWorkspace(workspaceId: string) {
    const now = await this.engine.clock.now();
    const run = await this.engine.insights.scoreWorkspace(this.engine.db, { workspaceId, now });
    return { ...run, scoredAt: now.toISOString() };
  }

  async recomputeCustomer(workspaceId: string, customerId: string) {
    const now = await this.engine.clock.now();
    const customer = UUID.test(customerId)
      ? await this.engine.insights.recomputeOne(this.engine.db, { workspaceId, customerId, now })
      : null;
    if (!customer) throw notFound('customer', customerId);
    return this.present(customer);
  }

  async scoreCustomer(workspaceId: string, customerId: string) {
    const now = await this.engine.clock.now();
    const customer = UUID.test(customerId)
      ? await this.engine.insights.scoreOne(this.engine.db, { workspaceId, customerId, now })
      : null;
    if (!customer) throw notFound('customer', customerId);
    const attributes = customer.attributes ?? {};
    return {
      customerId: customer.id,
      ...Object.fromEntries(TIER_KEYS.map((key) => [key, attributes[key] ?? null])),
    };
  }

  async settings(workspaceId: string) {
    const stored = await new ValueTierRepository(this.engine.db.manager).read(workspaceId);
    return {
      ...(stored.rules === null ? DEFAULT_VALUE_TIER_SETTINGS : valueTierSettingsOf(stored.rules)),
      boundaries: stored.boundaries,
      scoredAt: stored.scoredAt?.toISOString() ?? null,
      nextScoringAt: stored.nextScoringAt?.toISOString() ?? null,
    };
  }

  async saveSettings(workspaceId: string, body: unknown): Promise<ValueTierSettings> {
    const settings = parseBody(valueTierSettingsSchema, body, 'value-tiers');
    await new ValueTierRepository(this.engine.db.manager).saveRules(workspaceId, settings);
    return settings;
  }

  private present(customer: CustomerRow) {
    return { id: customer.id, externalId: customer.external_id, attributes: customer.attributes };
  }
}
