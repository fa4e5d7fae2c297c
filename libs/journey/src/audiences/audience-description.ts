import { describeValue, type PropertyFilter } from '../graph/condition';
import type { EventHistoryConditionConfig } from '../kinds/event-history-condition.kind';
import type { AudienceRule } from './audience-definition';

/** What each part of a description is: a group (`all`, `any`), a profile test, a history test, or one of its filters. */
export const AUDIENCE_DESCRIPTION_CODES = ['all', 'any', 'attribute', 'history', 'filter'] as const;

export type AudienceDescriptionCode = (typeof AUDIENCE_DESCRIPTION_CODES)[number];

/**
 * A saved audience's definition without words, worded in the reader's language by @rapport/messages
 * (`audience.<code>`): a group's parts, a history test's property filters, each with raw values and operator codes.
 */
export type AudienceDescription = {
  code: AudienceDescriptionCode;
  params: Record<string, string | number | boolean | null>;
  parts: AudienceDescription[];
};

const filterPart = (code: 'attribute' | 'filter', test: PropertyFilter): AudienceDescription => ({
  code,
  params: { path: test.path, operator: test.operator, value: describeValue(test.value) },
  parts: [],
});

const historyPart = (test: EventHistoryConditionConfig): AudienceDescription => ({
  code: 'history',
  // `withinDays` is empty for "ever", as in the step's summary.
  params: { event: test.event, comparison: test.comparison, count: test.count, withinDays: test.withinDays ?? '' },
  parts: test.where.map((filter) => filterPart('filter', filter)),
});

/** The definition as the marketer would say it; a group of one reads as its only condition. */
export const audienceDescription = (rule: AudienceRule): AudienceDescription => {
  const group = rule.all ? 'all' : rule.any ? 'any' : null;
  const children = rule.all ?? rule.any ?? [];
  if (group && children.length === 1) return audienceDescription(children[0] as AudienceRule);
  if (group) return { code: group, params: {}, parts: children.map(audienceDescription) };
  if (rule.attribute) return filterPart('attribute', rule.attribute);
  if (rule.history) return historyPart(rule.history);
  // The schema allows no other shape; an unreadable stored definition reads as an empty "all of".
  return { code: 'all', params: {}, parts: [] };
};
