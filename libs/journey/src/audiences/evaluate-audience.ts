import { readProfile, type CustomerFacts } from '../graph/facts';
import { compareValues } from '../graph/operators';
import {
  historyQueryOf,
  historyTestHolds,
  type EventHistoryConditionConfig,
} from '../kinds/event-history-condition.kind';
import { historyKey, type HistoryFacts, type HistoryQuery } from '../kinds/node-kind';
import type { AudienceRule } from './audience-definition';

const childrenOf = (rule: AudienceRule): AudienceRule[] => [...(rule.all ?? []), ...(rule.any ?? [])];

const historyTests = (rule: AudienceRule): EventHistoryConditionConfig[] =>
  rule.history ? [rule.history] : childrenOf(rule).flatMap(historyTests);

/**
 * Whether the customer belongs: profile tests read the customer (fields and attributes, computed ones included)
 * with the journey conditions' operators; history tests read the counts answered for `audienceHistoryQueries`
 * (a missing answer counts as 0, so "has not done" holds for a customer who never did anything).
 */
export const evaluateAudience = (
  rule: AudienceRule,
  facts: { customer: CustomerFacts; history: HistoryFacts },
): boolean => {
  if (rule.all) return rule.all.every((child) => evaluateAudience(child, facts));
  if (rule.any) return rule.any.some((child) => evaluateAudience(child, facts));
  if (rule.attribute) {
    const { path, operator, value } = rule.attribute;
    return compareValues(readProfile(facts.customer, path), operator, value);
  }
  if (rule.history) {
    return historyTestHolds(rule.history, facts.history[historyKey(historyQueryOf(rule.history))] ?? 0);
  }
  return false;
};

/** The event counts a definition needs, each asked once (the same question in two places is answered once). */
export const audienceHistoryQueries = (rule: AudienceRule): HistoryQuery[] => {
  const queries = new Map<string, HistoryQuery>();
  for (const test of historyTests(rule)) {
    const query = historyQueryOf(test);
    queries.set(historyKey(query), query);
  }
  return [...queries.values()];
};

/**
 * What a definition reads, so a change can skip audiences it cannot affect: the first segment of each profile path
 * (`address.city` reads `address`), the event names, and whether time alone can change membership ("in the last
 * 90 days" expires).
 */
export const audienceReads = (rule: AudienceRule): { attributes: string[]; events: string[]; timed: boolean } => {
  const attributes = new Set<string>();
  const walk = (part: AudienceRule): void => {
    if (part.attribute) attributes.add(part.attribute.path.split('.')[0] ?? part.attribute.path);
    childrenOf(part).forEach(walk);
  };
  walk(rule);
  const history = historyTests(rule);
  return {
    attributes: [...attributes].sort(),
    events: [...new Set(history.map((test) => test.event))].sort(),
    timed: history.some((test) => test.withinDays !== null),
  };
};
