import { z } from 'zod';
import { readPath, readProfile, type CustomerFacts, type EventFacts } from './facts';
import { COMPARISON_OPERATORS, compareValues, operatorNeedsValue } from './operators';

const pathSchema = z
  .string()
  .trim()
  .min(1, 'field.attribute.required')
  .max(200)
  .regex(/^[^.\s][^\s]*$/, 'field.attribute.path-format');

const valueSchema = z.union([z.string().max(500), z.number(), z.boolean()]).optional();

const needsValue = {
  check: (filter: { operator: (typeof COMPARISON_OPERATORS)[number]; value?: unknown }) =>
    !operatorNeedsValue(filter.operator) || filter.value !== undefined,
  params: { message: 'field.value.compare-required', path: ['value'] },
};

/** A test on an event's properties (`products.category eq "eyeshadow"`). */
export const propertyFilterSchema = z
  .object({ path: pathSchema, operator: z.enum(COMPARISON_OPERATORS), value: valueSchema })
  .refine(needsValue.check, needsValue.params);

export type PropertyFilter = z.infer<typeof propertyFilterSchema>;

/**
 * What a condition looks at: `profile` (the customer's fields and attributes, including the value tier),
 * `event` (the event that enrolled them).
 */
export const CONDITION_SOURCES = ['profile', 'event'] as const;

/** One test a branch makes: source, path, operator and value. */
export const conditionSchema = z
  .object({
    source: z.enum(CONDITION_SOURCES),
    path: pathSchema,
    operator: z.enum(COMPARISON_OPERATORS),
    value: valueSchema,
  })
  .refine(needsValue.check, needsValue.params);

export type Condition = z.infer<typeof conditionSchema>;

export const matchesFilters = (properties: Record<string, unknown>, filters: readonly PropertyFilter[]): boolean =>
  filters.every((filter) => compareValues(readPath(properties, filter.path), filter.operator, filter.value));

/**
 * Keeps, in each list the filters look into, only the items that match them: for `Order Completed` where
 * `products.refill_days exists`, the order as the trigger saw it has only its refillable products, so "the same
 * product" later means one of those, not the lipstick bought alongside.
 */
export const narrowToMatchingItems = (
  properties: Record<string, unknown>,
  filters: readonly PropertyFilter[],
): Record<string, unknown> => {
  const byList = new Map<string, PropertyFilter[]>();
  for (const filter of filters) {
    const [head, ...rest] = filter.path.split('.');
    if (!head || rest.length === 0 || !Array.isArray(properties[head])) continue;
    byList.set(head, [...(byList.get(head) ?? []), { ...filter, path: rest.join('.') }]);
  }
  if (byList.size === 0) return properties;
  const narrowed: Record<string, unknown> = { ...properties };
  for (const [list, itemFilters] of byList) {
    narrowed[list] = (properties[list] as unknown[]).filter(
      (item) =>
        item !== null && typeof item === 'object' && matchesFilters(item as Record<string, unknown>, itemFilters),
    );
  }
  return narrowed;
};

/** Where a value is read from for a condition. */
export const conditionActual = (
  condition: Pick<Condition, 'source' | 'path'>,
  facts: { customer: CustomerFacts; trigger: EventFacts | null },
): unknown =>
  condition.source === 'profile'
    ? readProfile(facts.customer, condition.path)
    : readPath(facts.trigger?.properties, condition.path);

export const evaluateCondition = (
  condition: Condition,
  facts: { customer: CustomerFacts; trigger: EventFacts | null },
): { matched: boolean; actual: unknown } => {
  const actual = conditionActual(condition, facts);
  return { matched: compareValues(actual, condition.operator, condition.value), actual };
};

/** A value as reasons and summaries show it. */
export const describeValue = (value: unknown): string | number | boolean | null =>
  value === undefined || value === null
    ? null
    : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : JSON.stringify(value).slice(0, 200);

/** A condition's summary parameters, for `summary.attribute-condition` (`value` empty when the test takes none). */
export const conditionSummaryParams = (condition: Condition): Record<string, string> => ({
  source: condition.source === 'event' ? 'event' : 'customer',
  path: condition.path,
  operator: condition.operator,
  value: operatorNeedsValue(condition.operator) ? JSON.stringify(condition.value) : '',
});

// Values compare as text, so an id sent as 42 in one event and "42" in another still matches.
const comparableValues = (properties: Record<string, unknown> | undefined, path: string): Set<string> => {
  const value = readPath(properties, path);
  const values = Array.isArray(value) ? value : [value];
  return new Set(
    values
      .filter((item) => typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean')
      .map(String),
  );
};

/** "The same product as the trigger": for each path, the event shares at least one value with the trigger. */
export const sharesValuesWith = (event: EventFacts, trigger: EventFacts | null, paths: readonly string[]): boolean =>
  paths.every((path) => {
    const wanted = comparableValues(trigger?.properties, path);
    return [...comparableValues(event.properties, path)].some((value) => wanted.has(value));
  });
