import type { z } from 'zod';
import { translate } from '@rapport/messages';
import { fieldLabelKey } from './panel-strings';

/** A place in a node's config: `['offset', 'amount']`, `['branches', 0, 'name']`. */
export type FieldPath = (string | number)[];

/**
 * Marketer-friendly widgets chosen by what a field holds: pickers fed by the workspace (attributes, events,
 * templates, coupon pools, audiences), local times, weekdays, operators by attribute type, typed values.
 */
export type PickerControl =
  | 'attribute'
  | 'attribute-or-property'
  | 'property'
  | 'event'
  | 'template'
  | 'coupon-pool'
  | 'audience'
  | 'time'
  | 'operator'
  | 'value'
  | 'textarea'
  | 'weekdays'
  | 'tags';

type Base = { name: string; path: FieldPath; label: string; optional: boolean };

/** One control of a node's settings form, read from the kind's zod schema. */
export type ConfigField =
  | (Base & { control: 'select'; options: readonly string[] })
  | (Base & { control: 'number'; min?: number; max?: number; nullable: boolean })
  | (Base & { control: 'text' | 'checkbox' | 'json' | PickerControl })
  | (Base & { control: 'group'; fields: ConfigField[] })
  | (Base & { control: 'list'; item: ConfigField[]; newItem: () => unknown });

type Def = {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  element?: z.ZodType;
  options?: z.ZodType[];
};

const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;
const WRAPPERS = ['optional', 'default', 'nullable', 'readonly', 'prefault'];

/** `templateKey` -> `Template key`. */
export const labelOf = (name: string): string => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

// Widgets picked by key, then by kind and key where a key means something else in that kind.
const PICKERS_BY_NAME: Record<string, PickerControl> = {
  attribute: 'attribute',
  event: 'event',
  template: 'template',
  pool: 'coupon-pool',
  audience: 'audience',
  atTime: 'time',
  time: 'time',
  operator: 'operator',
  value: 'value',
  path: 'attribute-or-property',
  addDaysFrom: 'attribute-or-property',
  days: 'weekdays',
  sameAsTrigger: 'tags',
};
const PICKERS_BY_KIND: Record<string, Record<string, PickerControl>> = {
  'time-window': { from: 'time', to: 'time' },
  'send-sms': { text: 'textarea' },
  'send-preferred': { text: 'textarea' },
};
// Inside a list of event filters (`where`), a path is a property of that event.
const PICKERS_IN_LIST: Record<string, Record<string, PickerControl>> = { where: { path: 'property' } };

const unwrap = (schema: z.ZodType): { inner: z.ZodType; optional: boolean; nullable: boolean } => {
  let inner = schema;
  let optional = false;
  let nullable = false;
  while (WRAPPERS.includes(defOf(inner).type) && defOf(inner).innerType) {
    const type = defOf(inner).type;
    if (type !== 'readonly') optional = true;
    if (type === 'nullable') nullable = true;
    inner = defOf(inner).innerType as z.ZodType;
  }
  return { inner, optional, nullable };
};

/** A starting value for a new list item: first option of each choice, empty text, 0, no list. */
export const emptyValueOf = (schema: z.ZodType): unknown => {
  const { inner, optional } = unwrap(schema);
  const def = defOf(inner);
  if (optional) return undefined;
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {})
          .map(([key, value]) => [key, emptyValueOf(value)])
          .filter(([, value]) => value !== undefined),
      );
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'string':
      return '';
    default:
      return undefined;
  }
};

const fieldOf = (
  kind: string,
  name: string,
  path: FieldPath,
  schema: z.ZodType,
  pickers: Record<string, PickerControl>,
): ConfigField => {
  const { inner, optional, nullable } = unwrap(schema);
  const def = defOf(inner);
  const labelKey = fieldLabelKey(name);
  // English here; the form words it in the marketer's language by the same key.
  const base = { name, path, label: labelKey ? translate('en', labelKey) : labelOf(name), optional };
  const picker = PICKERS_BY_KIND[kind]?.[name] ?? pickers[name];
  if (picker === 'operator' && def.type === 'enum') return { ...base, control: 'operator' };
  if (picker === 'weekdays' && def.type === 'array') return { ...base, control: 'weekdays' };
  if (picker === 'tags' && def.type === 'array') return { ...base, control: 'tags' };
  if (picker && picker !== 'operator' && picker !== 'weekdays' && picker !== 'tags') {
    if (def.type === 'string' || (picker === 'value' && def.type === 'union')) return { ...base, control: picker };
  }
  switch (def.type) {
    case 'enum':
      return { ...base, control: 'select', options: Object.values(def.entries ?? {}) };
    case 'number': {
      const bounds = inner as unknown as { minValue?: number | null; maxValue?: number | null };
      return {
        ...base,
        control: 'number',
        nullable,
        ...(Number.isFinite(bounds.minValue) ? { min: bounds.minValue as number } : {}),
        ...(Number.isFinite(bounds.maxValue) ? { max: bounds.maxValue as number } : {}),
      };
    }
    case 'string':
      return { ...base, control: 'text' };
    case 'boolean':
      return { ...base, control: 'checkbox' };
    case 'object':
      return { ...base, control: 'group', fields: fieldsOfShape(kind, path, def.shape ?? {}, pickers) };
    case 'array': {
      const element = def.element ? unwrap(def.element).inner : null;
      if (element && defOf(element).type === 'object') {
        const itemPickers = { ...PICKERS_BY_NAME, ...PICKERS_IN_LIST[name] };
        return {
          ...base,
          control: 'list',
          item: fieldsOfShape(kind, [], defOf(element).shape ?? {}, itemPickers),
          newItem: () => emptyValueOf(element),
        };
      }
      return { ...base, control: 'json' };
    }
    default:
      return { ...base, control: 'json' };
  }
};

const fieldsOfShape = (
  kind: string,
  path: FieldPath,
  shape: Record<string, z.ZodType>,
  pickers: Record<string, PickerControl>,
): ConfigField[] =>
  Object.entries(shape).map(([name, schema]) => fieldOf(kind, name, [...path, name], schema, pickers));

/**
 * The form for a kind's config, one field per key of its object schema: nested objects as groups (a duration's
 * amount and unit), lists of objects as repeated groups (branches, filters), pickers where a key names a workspace
 * thing. Returns null when the schema is not an object (the config is then edited as JSON).
 */
export const configFieldsOf = (schema: z.ZodType, kind = ''): ConfigField[] | null => {
  const def = defOf(schema);
  if (def.type !== 'object' || !def.shape) return null;
  return fieldsOfShape(kind, [], def.shape, PICKERS_BY_NAME);
};

/** The value at a path of a config (undefined when any step is missing). */
export const valueAt = (config: unknown, path: FieldPath): unknown =>
  path.reduce<unknown>(
    (current, key) =>
      current !== null && typeof current === 'object' ? (current as Record<string | number, unknown>)[key] : undefined,
    config,
  );

/** A copy of the config with the value at a path replaced; `undefined` removes an object key. */
export const withValueAt = (config: unknown, path: FieldPath, value: unknown): unknown => {
  const [key, ...rest] = path;
  if (key === undefined) return value;
  if (typeof key === 'number') {
    const list = Array.isArray(config) ? [...(config as unknown[])] : [];
    list[key] = withValueAt(list[key], rest, value);
    return list;
  }
  const object = config !== null && typeof config === 'object' && !Array.isArray(config) ? { ...config } : {};
  const next = withValueAt((object as Record<string, unknown>)[key], rest, value);
  if (next === undefined) delete (object as Record<string, unknown>)[key];
  else (object as Record<string, unknown>)[key] = next;
  return object;
};

/** The DOM id of a field's control, so a problem can focus it: `field-<node>-<path joined by dots>`. */
export const fieldIdOf = (nodeId: string, path: FieldPath): string => `field-${nodeId}-${path.join('.')}`;

/** Reads what the marketer typed into a JSON input: JSON when it parses, else the plain text; empty clears. */
export const parseJsonInput = (text: string): unknown => {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export const formatJsonInput = (value: unknown): string => (value === undefined ? '' : JSON.stringify(value));
