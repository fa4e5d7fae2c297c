import { useEffect, useState } from 'react';
import { formatJsonInput, parseJsonInput } from './config-fields';
import type { AttributeType } from './lookups';
import { optionLabel, WEEKDAY_KEYS } from './panel-strings';
import { useT } from '../i18n';

// The settings form's small inputs; the text ones keep what the marketer typed while it is not a value yet.

export const Weekdays = ({ id, value, onChange }: { id: string; value: unknown; onChange(value: unknown): void }) => {
  const t = useT();
  const days = Array.isArray(value) ? (value as number[]) : [];
  return (
    <div className="weekdays">
      {WEEKDAY_KEYS.map((label, index) => {
        const day = index + 1;
        return (
          <label key={day} className="weekdays__day">
            <input
              id={`${id}.${day}`}
              type="checkbox"
              checked={days.includes(day)}
              onChange={(e) =>
                onChange(e.target.checked ? [...days, day].sort((a, b) => a - b) : days.filter((d) => d !== day))
              }
            />
            {t(label)}
          </label>
        );
      })}
    </div>
  );
};

type InputProps = { id: string; value: unknown; onChange(value: unknown): void; described: object };

/** A value typed as what it is compared with: a number, yes/no, a date, or text. */
export const ValueInput = ({ type, ...props }: InputProps & { type: AttributeType }) => {
  const t = useT();
  const { id, value, onChange, described } = props;
  if (type === 'number') {
    return (
      <input
        id={id}
        type="number"
        value={typeof value === 'number' ? value : ''}
        onChange={(e) => onChange(Number.isNaN(e.target.valueAsNumber) ? undefined : e.target.valueAsNumber)}
        {...described}
      />
    );
  }
  if (type === 'boolean') {
    return (
      <select
        id={id}
        value={typeof value === 'boolean' ? String(value) : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'true')}
        {...described}
      >
        <option value="">{t('form.choose')}</option>
        <option value="true">{optionLabel(t, 'true')}</option>
        <option value="false">{optionLabel(t, 'false')}</option>
      </select>
    );
  }
  if (type === 'date') {
    return (
      <input
        id={id}
        type="date"
        value={typeof value === 'string' ? value.slice(0, 10) : ''}
        onChange={(e) => onChange(e.target.value || undefined)}
        {...described}
      />
    );
  }
  if (type === 'string' || type === 'list') {
    return (
      <input
        id={id}
        type="text"
        value={typeof value === 'string' ? value : formatJsonInput(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
        {...described}
      />
    );
  }
  return <JsonInput {...props} />;
};

/** A short list of texts typed comma separated (`products.id, products.sku`). */
export const TagsInput = ({ id, value, onChange, described }: InputProps) => {
  const list = Array.isArray(value) ? (value as string[]) : [];
  const [text, setText] = useState(() => list.join(', '));
  useEffect(
    () => setText((current) => (split(current).join('|') === list.join('|') ? current : list.join(', '))),
    [list],
  );
  return (
    <input
      id={id}
      type="text"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(split(e.target.value));
      }}
      {...described}
    />
  );
};

const split = (text: string): string[] =>
  text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

/** Free input for values of mixed type (`50`, `"gold"`, `true`): JSON when it parses, else text. */
export const JsonInput = ({ id, value, onChange, described }: InputProps) => {
  const [text, setText] = useState(() => formatJsonInput(value));
  useEffect(
    () =>
      setText((current) =>
        JSON.stringify(parseJsonInput(current)) === JSON.stringify(value) ? current : formatJsonInput(value),
      ),
    [value],
  );
  return (
    <input
      id={id}
      type="text"
      className="field__json"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        onChange(parseJsonInput(e.target.value));
      }}
      {...described}
    />
  );
};
