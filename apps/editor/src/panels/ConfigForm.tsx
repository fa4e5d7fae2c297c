import { operatorNeedsValue, type ComparisonOperator } from '@rapport/journey';
import { memo, type ReactNode } from 'react';
import { fieldIdOf, valueAt, withValueAt, type ConfigField, type FieldPath } from './config-fields';
import { operatorsFor, typeOfPath, type AttributeType, type WorkspaceLookups } from './lookups';
import { fieldLabelKey, optionLabel } from './panel-strings';
import { useT, type Translate } from '../i18n';
import { PickerInput } from './PickerInput';
import { JsonInput, TagsInput, ValueInput, Weekdays } from './value-inputs';
import { VariantFields } from './VariantFields';

type Context = {
  nodeId: string;
  config: Record<string, unknown>;
  lookups: WorkspaceLookups;
  errorOf(path: FieldPath): string | null;
  set(path: FieldPath, value: unknown): void;
};

type Props = {
  nodeId: string;
  fields: ConfigField[];
  config: Record<string, unknown>;
  lookups: WorkspaceLookups;
  errorOf(path: FieldPath): string | null;
  onChange(config: Record<string, unknown>): void;
};

/** The generated settings form of one step: one labelled control per field, groups and lists nested. */
export const ConfigForm = memo(function ConfigForm({ nodeId, fields, config, lookups, errorOf, onChange }: Props) {
  const context: Context = {
    nodeId,
    config,
    lookups,
    errorOf,
    set: (path, value) => onChange(withValueAt(config, path, value) as Record<string, unknown>),
  };
  return (
    <>
      {fields.map((field) => (
        <Field key={field.name} field={field} path={field.path} context={context} />
      ))}
    </>
  );
});

/** The type of what a condition or filter at `path` reads, from its sibling `source` and `path`. */
/** A field's label in the marketer's language, or the schema's words when the catalog has none. */
const labelIn = (t: Translate, field: ConfigField): string => {
  const key = fieldLabelKey(field.name);
  return key ? t(key) : field.label;
};

const typeAround = (context: Context, path: FieldPath): AttributeType => {
  const parent = path.slice(0, -1);
  const source = valueAt(context.config, [...parent, 'source']);
  const read = valueAt(context.config, [...parent, 'path']);
  const inFilters = parent.includes('where');
  const eventName = valueAt(context.config, ['event']);
  return typeOfPath(
    context.lookups,
    inFilters ? 'event' : source,
    read,
    inFilters && typeof eventName === 'string' ? eventName : undefined,
  );
};

const Field = ({ field, path, context }: { field: ConfigField; path: FieldPath; context: Context }) => {
  const t = useT();
  const fieldLabel = labelIn(t, field);
  const id = fieldIdOf(context.nodeId, path);
  const value = valueAt(context.config, path);
  const error = context.errorOf(path);
  const errorId = `${id}-error`;
  const described = error ? { 'aria-describedby': errorId, 'aria-invalid': true } : {};
  // A checkbox is always optional in effect: saying so would only add noise.
  const label = field.optional && field.control !== 'checkbox' ? `${fieldLabel} ${t('form.optional')}` : fieldLabel;
  const set = (next: unknown) => context.set(path, next);
  const errorLine = error && (
    <p id={errorId} className="field__error">
      {error}
    </p>
  );

  if (
    field.control === 'group' ||
    field.control === 'list' ||
    field.control === 'weekdays' ||
    field.control === 'variant'
  ) {
    return (
      <fieldset className={`field field--${field.control}`} id={id} tabIndex={-1} {...described}>
        <legend>{label}</legend>
        {field.control === 'group' &&
          field.fields.map((child) => (
            <Field key={child.name} field={child} path={[...path, child.name]} context={context} />
          ))}
        {field.control === 'weekdays' && <Weekdays id={id} value={value} onChange={set} />}
        {field.control === 'list' && <ListItems field={field} path={path} value={value} context={context} />}
        {field.control === 'variant' && (
          <VariantFields
            nodeId={context.nodeId}
            field={field}
            path={path}
            value={value}
            errorOf={context.errorOf}
            onChange={set}
            renderField={(child, childPath) => (
              <Field key={child.name} field={child} path={childPath} context={context} />
            )}
          />
        )}
        {errorLine}
      </fieldset>
    );
  }
  if (field.control === 'value') {
    const operator = valueAt(context.config, [...path.slice(0, -1), 'operator']);
    if (typeof operator === 'string' && !operatorNeedsValue(operator as ComparisonOperator)) return null;
  }

  let control: ReactNode;
  switch (field.control) {
    case 'select':
      control = (
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(e.target.value)}
          {...described}
        >
          {typeof value !== 'string' && <option value="">{t('form.choose')}</option>}
          {field.options.map((option) => (
            <option key={option} value={option}>
              {optionLabel(t, option)}
            </option>
          ))}
        </select>
      );
      break;
    case 'operator': {
      const offered = operatorsFor(typeAround(context, path), value);
      control = (
        <select
          id={id}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(e.target.value)}
          {...described}
        >
          {typeof value !== 'string' && <option value="">{t('form.choose')}</option>}
          {offered.map((option) => (
            <option key={option} value={option}>
              {optionLabel(t, option)}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'number':
      control = (
        <input
          id={id}
          type="number"
          min={field.min}
          max={field.max}
          value={typeof value === 'number' ? value : ''}
          onChange={(e) =>
            set(Number.isNaN(e.target.valueAsNumber) ? (field.nullable ? null : undefined) : e.target.valueAsNumber)
          }
          {...described}
        />
      );
      break;
    case 'checkbox':
      control = (
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => set(e.target.checked)}
          {...described}
        />
      );
      break;
    case 'time':
    case 'date':
      control = (
        <input
          id={id}
          type={field.control}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(field.optional && e.target.value === '' ? undefined : e.target.value)}
          {...described}
        />
      );
      break;
    case 'textarea':
      control = (
        <textarea
          id={id}
          rows={4}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(e.target.value)}
          {...described}
        />
      );
      break;
    case 'tags':
      control = <TagsInput id={id} value={value} onChange={set} described={described} />;
      break;
    case 'value':
      control = (
        <ValueInput id={id} type={typeAround(context, path)} value={value} onChange={set} described={described} />
      );
      break;
    case 'json':
      control = <JsonInput id={id} value={value} onChange={set} described={described} />;
      break;
    case 'text':
      control = (
        <input
          id={id}
          type="text"
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => set(field.optional && e.target.value === '' ? undefined : e.target.value)}
          {...described}
        />
      );
      break;
    default:
      control = (
        <PickerInput
          id={id}
          control={field.control}
          optional={field.optional}
          value={value}
          onChange={set}
          described={described}
          lookups={context.lookups}
          source={valueAt(context.config, [...path.slice(0, -1), 'source'])}
          eventName={valueAt(context.config, ['event'])}
        />
      );
  }
  return (
    <div className={`field field--${field.control}`}>
      <label htmlFor={id}>{label}</label>
      {control}
      {errorLine}
    </div>
  );
};

const ListItems = ({
  field,
  path,
  value,
  context,
}: {
  field: Extract<ConfigField, { control: 'list' }>;
  path: FieldPath;
  value: unknown;
  context: Context;
}) => {
  const t = useT();
  const fieldLabel = labelIn(t, field);
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  return (
    <>
      {items.map((_item, index) => (
        <div key={index} className="field__item" role="group" aria-label={`${fieldLabel} ${index + 1}`}>
          {field.item.map((child) => (
            <Field key={child.name} field={child} path={[...path, index, child.name]} context={context} />
          ))}
          <button
            type="button"
            className="button button--small"
            aria-label={`${t('form.remove-item')}: ${fieldLabel} ${index + 1}`}
            onClick={() =>
              context.set(
                path,
                items.filter((_, at) => at !== index),
              )
            }
          >
            {t('form.remove-item')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        aria-label={`${t('form.add-item')}: ${fieldLabel}`}
        onClick={() => context.set(path, [...items, field.newItem()])}
      >
        {t('form.add-item')}
      </button>
    </>
  );
};
