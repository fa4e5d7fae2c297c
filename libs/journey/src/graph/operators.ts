/** Comparison operators a condition offers: codes, worded for marketers by @rapport/messages (`operator` params). */
export const COMPARISON_OPERATORS = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'exists',
  'not_exists',
] as const;

export type ComparisonOperator = (typeof COMPARISON_OPERATORS)[number];

export const operatorNeedsValue = (operator: ComparisonOperator): boolean =>
  operator !== 'exists' && operator !== 'not_exists';

const asNumber = (value: unknown): number | null => {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.trim() !== '') {
    const parsed = Number(value);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
};

const isSet = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

const orderOf = (actual: unknown, expected: unknown): number | null => {
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== null && b !== null) return a - b;
  // ISO-8601 dates and plain strings compare as text, which orders ISO dates correctly.
  if (typeof actual === 'string' && typeof expected === 'string')
    return actual < expected ? -1 : actual > expected ? 1 : 0;
  return null;
};

const equals = (actual: unknown, expected: unknown): boolean => {
  if (actual === expected) return true;
  const a = asNumber(actual);
  const b = asNumber(expected);
  if (a !== null && b !== null && typeof actual !== typeof expected) return a === b;
  return typeof actual === 'string' && typeof expected === 'string' && actual.toLowerCase() === expected.toLowerCase();
};

/**
 * Compares a customer's or event's value with the marketer's; values that cannot be ordered never match. A list
 * (every product of an order) matches when any of its items does, except for `contains`, `exists`, `not_exists`.
 */
export const compareValues = (actual: unknown, operator: ComparisonOperator, expected: unknown): boolean => {
  if (Array.isArray(actual) && operator !== 'contains' && operator !== 'exists' && operator !== 'not_exists') {
    return operator === 'neq'
      ? actual.length > 0 && actual.every((item) => compareOne(item, operator, expected))
      : actual.some((item) => compareOne(item, operator, expected));
  }
  return compareOne(actual, operator, expected);
};

const compareOne = (actual: unknown, operator: ComparisonOperator, expected: unknown): boolean => {
  const ordered = (test: (order: number) => boolean) => () => {
    const order = orderOf(actual, expected);
    return order !== null && test(order);
  };
  const checks: Record<ComparisonOperator, () => boolean> = {
    eq: () => equals(actual, expected),
    neq: () => isSet(actual) && !equals(actual, expected),
    gt: ordered((order) => order > 0),
    gte: ordered((order) => order >= 0),
    lt: ordered((order) => order < 0),
    lte: ordered((order) => order <= 0),
    contains: () =>
      Array.isArray(actual)
        ? actual.some((item) => equals(item, expected))
        : typeof actual === 'string' &&
          typeof expected === 'string' &&
          actual.toLowerCase().includes(expected.toLowerCase()),
    exists: () => isSet(actual),
    not_exists: () => !isSet(actual),
  };
  return checks[operator]();
};
