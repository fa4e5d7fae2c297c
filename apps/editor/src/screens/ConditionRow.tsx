import { COMPARISON_OPERATORS, operatorNeedsValue, type ComparisonOperator } from '@rapport/journey';
import { useT } from '../i18n';
import { optionLabel } from '../panels/panel-strings';
import type { MessageKey } from '@rapport/messages';

/** One test on a value: `{ path, operator, value }` (exit conditions add `source: "profile"` around it). */
export type Test = { path: string; operator: ComparisonOperator; value?: string | number | boolean };

const TEXT = {
  attribute: 'screens.condition.attribute',
  operator: 'screens.condition.operator',
  value: 'screens.condition.value',
  remove: 'screens.condition.remove',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

/** Typed text becomes a number or a boolean when it reads as one, as the API compares numbers as numbers. */
export const valueOf = (text: string): string | number | boolean => {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  return text;
};

/** The test as the API takes it: typed text read as a number or boolean where it is one. */
export const toApiTest = (test: Test): Test =>
  operatorNeedsValue(test.operator)
    ? {
        path: test.path.trim(),
        operator: test.operator,
        value: typeof test.value === 'string' ? valueOf(test.value) : test.value,
      }
    : { path: test.path.trim(), operator: test.operator };

/** Attribute, test and value, each labelled for screen readers (`idPrefix` keeps the ids unique). */
export const ConditionRow = ({
  test,
  idPrefix,
  attributes,
  onChange,
  onRemove,
}: {
  test: Test;
  idPrefix: string;
  attributes: readonly string[];
  onChange(test: Test): void;
  onRemove(): void;
}) => {
  const t = useT();
  const listId = `${idPrefix}-attributes`;
  return (
    <div className="rule-row">
      <label className="visually-hidden" htmlFor={`${idPrefix}-path`}>
        {t(TEXT.attribute)}
      </label>
      <input
        id={`${idPrefix}-path`}
        type="text"
        list={listId}
        placeholder={t(TEXT.attribute)}
        value={test.path}
        onChange={(event) => onChange({ ...test, path: event.target.value })}
      />
      <datalist id={listId}>
        {attributes.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <label className="visually-hidden" htmlFor={`${idPrefix}-operator`}>
        {t(TEXT.operator)}
      </label>
      <select
        id={`${idPrefix}-operator`}
        value={test.operator}
        onChange={(event) => {
          const operator = event.target.value as ComparisonOperator;
          const { value: _value, ...rest } = test;
          onChange(
            operatorNeedsValue(operator) ? { ...rest, operator, value: test.value ?? '' } : { ...rest, operator },
          );
        }}
      >
        {COMPARISON_OPERATORS.map((operator) => (
          <option key={operator} value={operator}>
            {optionLabel(t, operator)}
          </option>
        ))}
      </select>
      {operatorNeedsValue(test.operator) && (
        <>
          <label className="visually-hidden" htmlFor={`${idPrefix}-value`}>
            {t(TEXT.value)}
          </label>
          <input
            id={`${idPrefix}-value`}
            type="text"
            placeholder={t(TEXT.value)}
            value={test.value === undefined ? '' : String(test.value)}
            onChange={(event) => onChange({ ...test, value: event.target.value })}
          />
        </>
      )}
      <button type="button" className="button" onClick={onRemove} aria-label={t(TEXT.remove)}>
        ×
      </button>
    </div>
  );
};
