import {
  audienceDefinitionSchema,
  audienceHistoryQueries,
  evaluateAudience,
  historyKey,
  type AudienceRule,
  type CustomerFacts,
} from '@rapport/journey';
import type { Audience, AudienceHistoryRepository } from '@rapport/persistence';

const DAY_MS = 86_400_000;

/**
 * Which of these customers match the definition now: the event counts it needs, one query per question for the
 * whole list, then the core's pure evaluator per customer. The same code serves one customer after a change, a
 * page of the bulk recompute and the editor's preview, so they cannot disagree.
 */
export const matchingCustomers = async (
  history: AudienceHistoryRepository,
  input: { workspaceId: string; rule: AudienceRule; customers: CustomerFacts[]; now: Date },
): Promise<CustomerFacts[]> => {
  const { workspaceId, rule, customers, now } = input;
  if (customers.length === 0) return [];
  const ids = customers.map((customer) => customer.id);
  const queries = audienceHistoryQueries(rule);
  const counts = await Promise.all(
    queries.map((query) =>
      history.countForCustomers(
        workspaceId,
        ids,
        query,
        // Like a journey's history condition: the last N days are N × 24 hours back from now.
        query.withinDays === null ? null : new Date(now.getTime() - query.withinDays * DAY_MS),
      ),
    ),
  );
  return customers.filter((customer) =>
    evaluateAudience(rule, {
      customer,
      history: Object.fromEntries(queries.map((query, i) => [historyKey(query), counts[i]?.get(customer.id) ?? 0])),
    }),
  );
};

/** Parsed definitions by audience id and version (updated_at); a stored definition was valid when saved. */
export class DefinitionCache {
  private readonly parsed = new Map<string, { updatedAt: number; rule: AudienceRule | null }>();

  ruleOf(audience: Audience): AudienceRule | null {
    const updatedAt = new Date(audience.updatedAt).getTime();
    const cached = this.parsed.get(audience.id);
    if (cached && cached.updatedAt === updatedAt) return cached.rule;
    const result = audienceDefinitionSchema.safeParse(audience.definition);
    // An unreadable definition (saved by a newer version, edited by hand) matches nobody rather than everybody.
    const rule = result.success ? result.data : null;
    if (this.parsed.size > 10_000) this.parsed.clear();
    this.parsed.set(audience.id, { updatedAt, rule });
    return rule;
  }
}
