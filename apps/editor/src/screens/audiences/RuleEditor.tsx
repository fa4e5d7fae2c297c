import { ConditionRow } from '../ConditionRow';
import {
  MAX_DEPTH,
  newAttributeRule,
  newGroup,
  newHistoryRule,
  type HistoryDraft,
  type RuleDraft,
} from './audience-rules';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  match: 'screens.rules.match',
  all: 'screens.rules.all',
  any: 'screens.rules.any',
  addAttribute: 'screens.rules.add-attribute',
  addHistory: 'screens.rules.add-history',
  addGroup: 'screens.rules.add-group',
  removeGroup: 'screens.rules.remove-group',
  event: 'screens.rules.event',
  comparison: 'screens.rules.comparison',
  comparisons: {
    'at-least': 'screens.rules.comparisons.at-least',
    'at-most': 'screens.rules.comparisons.at-most',
    none: 'screens.rules.comparisons.none',
  },
  count: 'screens.rules.count',
  withinDays: 'screens.rules.within-days',
  remove: 'screens.rules.remove',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

type Props = {
  rule: RuleDraft;
  path: number[];
  attributes: readonly string[];
  onChange(path: number[], next: RuleDraft | null): void;
};

const idOf = (path: number[]) => `rule-${path.join('-') || 'root'}`;

/** One rule of an audience: a group of rules (all / any), an attribute test or an event-history test. */
export const RuleEditor = ({ rule, path, attributes, onChange }: Props) => {
  const t = useT();
  const id = idOf(path);
  if (rule.type === 'attribute')
    return (
      <ConditionRow
        idPrefix={id}
        test={rule.test}
        attributes={attributes}
        onChange={(test) => onChange(path, { ...rule, test })}
        onRemove={() => onChange(path, null)}
      />
    );
  if (rule.type === 'history') return <HistoryRow rule={rule} id={id} onChange={(next) => onChange(path, next)} />;
  return (
    <fieldset className="rule-group">
      <legend>
        <label htmlFor={`${id}-match`}>{t(TEXT.match)}</label>{' '}
        <select
          id={`${id}-match`}
          value={rule.match}
          onChange={(event) => onChange(path, { ...rule, match: event.target.value as 'all' | 'any' })}
        >
          <option value="all">{t(TEXT.all)}</option>
          <option value="any">{t(TEXT.any)}</option>
        </select>
      </legend>
      {rule.rules.map((child, index) => (
        <RuleEditor key={index} rule={child} path={[...path, index]} attributes={attributes} onChange={onChange} />
      ))}
      <div className="row-actions">
        <button type="button" className="button" onClick={() => onChange(path, add(rule, newAttributeRule()))}>
          {t(TEXT.addAttribute)}
        </button>
        <button type="button" className="button" onClick={() => onChange(path, add(rule, newHistoryRule()))}>
          {t(TEXT.addHistory)}
        </button>
        {path.length < MAX_DEPTH - 1 && (
          <button type="button" className="button" onClick={() => onChange(path, add(rule, newGroup('any')))}>
            {t(TEXT.addGroup)}
          </button>
        )}
        {path.length > 0 && (
          <button type="button" className="button" onClick={() => onChange(path, null)}>
            {t(TEXT.removeGroup)}
          </button>
        )}
      </div>
    </fieldset>
  );
};

const add = (group: Extract<RuleDraft, { type: 'group' }>, rule: RuleDraft): RuleDraft => ({
  ...group,
  rules: [...group.rules, rule],
});

const HistoryRow = ({
  rule,
  id,
  onChange,
}: {
  rule: HistoryDraft;
  id: string;
  onChange(next: RuleDraft | null): void;
}) => {
  const t = useT();
  return (
    <div className="rule-row">
      <label htmlFor={`${id}-event`}>{t(TEXT.event)}</label>
      <input
        id={`${id}-event`}
        type="text"
        required
        value={rule.event}
        onChange={(event) => onChange({ ...rule, event: event.target.value })}
      />
      <label className="visually-hidden" htmlFor={`${id}-comparison`}>
        {t(TEXT.comparison)}
      </label>
      <select
        id={`${id}-comparison`}
        value={rule.comparison}
        onChange={(event) => onChange({ ...rule, comparison: event.target.value as HistoryDraft['comparison'] })}
      >
        {(Object.keys(TEXT.comparisons) as HistoryDraft['comparison'][]).map((comparison) => (
          <option key={comparison} value={comparison}>
            {t(TEXT.comparisons[comparison])}
          </option>
        ))}
      </select>
      {rule.comparison !== 'none' && (
        <>
          <label className="visually-hidden" htmlFor={`${id}-count`}>
            {t(TEXT.count)}
          </label>
          <input
            id={`${id}-count`}
            type="number"
            min={1}
            max={1000}
            value={rule.count}
            onChange={(event) => onChange({ ...rule, count: event.target.value })}
          />
        </>
      )}
      <label htmlFor={`${id}-days`}>{t(TEXT.withinDays)}</label>
      <input
        id={`${id}-days`}
        type="number"
        min={1}
        max={3650}
        value={rule.withinDays}
        onChange={(event) => onChange({ ...rule, withinDays: event.target.value })}
      />
      <button type="button" className="button" aria-label={t(TEXT.remove)} onClick={() => onChange(null)}>
        ×
      </button>
    </div>
  );
};
