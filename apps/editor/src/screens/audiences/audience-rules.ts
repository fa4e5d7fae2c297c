import { toApiTest, type Test } from '../ConditionRow';

export type HistoryDraft = {
  type: 'history';
  event: string;
  comparison: 'at-least' | 'at-most' | 'none';
  count: string;
  withinDays: string;
};
export type RuleDraft =
  { type: 'group'; match: 'all' | 'any'; rules: RuleDraft[] } | { type: 'attribute'; test: Test } | HistoryDraft;

/** Groups nest at most this deep (the API's limit). */
export const MAX_DEPTH = 5;

export const newAttributeRule = (): RuleDraft => ({ type: 'attribute', test: { path: '', operator: 'eq', value: '' } });
export const newHistoryRule = (): RuleDraft => ({
  type: 'history',
  event: '',
  comparison: 'at-least',
  count: '1',
  withinDays: '',
});
export const newGroup = (match: 'all' | 'any' = 'all'): RuleDraft => ({
  type: 'group',
  match,
  rules: [newAttributeRule()],
});

const numberOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** The form's rules as an audience `definition` (see docs/journey-format.md, "Saved audiences"). */
export const toDefinition = (rule: RuleDraft): unknown => {
  switch (rule.type) {
    case 'group':
      return { [rule.match]: rule.rules.map(toDefinition) };
    case 'attribute':
      return { attribute: toApiTest(rule.test) };
    case 'history':
      return {
        history: {
          event: rule.event.trim(),
          comparison: rule.comparison,
          ...(rule.comparison === 'none' ? {} : { count: Number(rule.count) }),
          withinDays: numberOrNull(rule.withinDays),
        },
      };
    default:
      return assertNever(rule);
  }
};

const assertNever = (value: never): never => {
  throw new Error(`Unknown rule ${JSON.stringify(value)}`);
};

/** Replaces the rule at `path` (indexes from the root group) with `next`, or removes it when `next` is null. */
export const updateAt = (root: RuleDraft, path: readonly number[], next: RuleDraft | null): RuleDraft => {
  if (path.length === 0) return next ?? root;
  if (root.type !== 'group') return root;
  const [index, ...rest] = path as [number, ...number[]];
  const rules =
    rest.length === 0 && next === null
      ? root.rules.filter((_, at) => at !== index)
      : root.rules.map((rule, at) => (at === index ? updateAt(rule, rest, next) : rule));
  return { ...root, rules };
};
