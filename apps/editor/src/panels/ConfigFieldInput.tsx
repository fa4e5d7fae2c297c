import { useEffect, useState } from 'react';
import { formatJsonInput, parseJsonInput, type ConfigField } from './config-fields';

type Props = {
  nodeId: string;
  field: ConfigField;
  value: unknown;
  error: string | null;
  onChange(value: unknown): void;
};

/** One labelled control of a step's settings; `undefined` removes the key from the config. */
export const ConfigFieldInput = ({ nodeId, field, value, error, onChange }: Props) => {
  const id = `field-${nodeId}-${field.name}`;
  const errorId = `${id}-error`;
  const described = error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {};
  const label = `${field.label}${field.optional ? ' (optional)' : ''}`;

  const control = (() => {
    switch (field.control) {
      case 'select':
        return (
          <select
            id={id}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
            {...described}
          >
            {typeof value !== 'string' && <option value="">Choose…</option>}
            {field.options.map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
          </select>
        );
      case 'number':
        return (
          <input
            id={id}
            type="number"
            value={typeof value === 'number' ? value : ''}
            onChange={(e) => onChange(Number.isNaN(e.target.valueAsNumber) ? undefined : e.target.valueAsNumber)}
            {...described}
          />
        );
      case 'checkbox':
        return (
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
            {...described}
          />
        );
      case 'text':
        return (
          <input
            id={id}
            type="text"
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value)}
            {...described}
          />
        );
      case 'json':
        return <JsonInput id={id} value={value} onChange={onChange} described={described} />;
    }
  })();

  return (
    <div className={`field field--${field.control}`}>
      <label htmlFor={id}>{label}</label>
      {control}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
};

/** Free input for values of mixed type (`50`, `"gold"`, `true`): JSON when it parses, else text. */
const JsonInput = ({
  id,
  value,
  onChange,
  described,
}: {
  id: string;
  value: unknown;
  onChange(value: unknown): void;
  described: object;
}) => {
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
