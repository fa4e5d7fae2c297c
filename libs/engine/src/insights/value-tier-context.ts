import type { EntityManager } from 'typeorm';
import { ValueTierRepository } from '@rapport/persistence';
import { daysSince, valueTierSettingsOf, type QuintileBoundaries, type ValueTierSettings } from './value-tiers';

/** What scoring a customer needs from the workspace: its rules, and its boundaries once computed. */
export type TierContext = { settings: ValueTierSettings; boundaries: QuintileBoundaries | null };

const isBoundaries = (value: unknown): value is QuintileBoundaries =>
  value !== null &&
  typeof value === 'object' &&
  ['recencyDays', 'frequency', 'monetary'].every((key) => Array.isArray((value as Record<string, unknown>)[key]));

export const loadTierContext = async (manager: EntityManager, workspaceId: string): Promise<TierContext> => {
  const stored = await new ValueTierRepository(manager).read(workspaceId);
  return {
    settings: valueTierSettingsOf(stored.rules),
    boundaries: isBoundaries(stored.boundaries) ? stored.boundaries : null,
  };
};

/**
 * The workspace's quintile boundaries now, stored for later single-customer scoring. Recency cut points come
 * from real last-order times and are turned into days by the same function that scores customers, so a
 * customer exactly on a cut point scores the same here and in a later pass.
 */
export const computeBoundaries = async (
  manager: EntityManager,
  workspaceId: string,
  now: Date,
): Promise<QuintileBoundaries | null> => {
  const repository = new ValueTierRepository(manager);
  const raw = await repository.quintiles(workspaceId);
  if (raw.customers === 0) return null;
  const boundaries: QuintileBoundaries = {
    recencyDays: raw.lastOrderAt.map((date) => daysSince(date, now)),
    frequency: raw.frequency,
    monetary: raw.spentCents.map((cents) => cents / 100),
    customers: raw.customers,
    computedAt: now.toISOString(),
  };
  await repository.saveBoundaries(workspaceId, boundaries, now);
  return boundaries;
};
