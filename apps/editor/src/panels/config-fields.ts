import type { z } from 'zod';
import { translate } from '@rapport/messages';
import { fieldLabelKey, variantChoiceKey, variantLabelKey } from './panel-strings';

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
  | 'date'
  | 'operator'
  | 'value'
  | 'textarea'
  | 'weekdays'
  | 'tags';

type Base = { name: string; path: FieldPath; label: string; optional: boolean };

/** One shape a setting can take (`weekly` or `once`), with its own fields beside the discriminator. */
export type FieldVariant = {
  value: string;
  label: string;
  fields: ConfigField[];
  /** The value when the marketer switches to this shape from `previous`. */
  start(previous: unknown): Record<string, unknown>;
};

/** One control of a node's settings form, read from the kind's zod schema. */
export type ConfigField =
  | (Base & { control: 'select'; options: readonly string[] })
  | (Base & { control: 'number'; min?: number; max?: number; nullable: boolean })
  | (Base & { control: 'text' | 'checkbox' | 'json' | PickerControl })
  | (Base & { control: 'group'; fields: ConfigField[] })
  | (Base & { control: 'list'; item: ConfigField[]; newItem: () => unknown })
  | (Base & { control: 'variant'; discriminator: string; choiceLabel: string; variants: FieldVariant[] });

type Def = {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  element?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
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
  date: 'date',
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

/**
 * A starting value for a new list item or variant: first option of each choice (the first shape of a
 * discriminated union), the literal of a fixed key, empty text, 0, no list.
 */
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
    case 'literal':
      return def.values?.[0];
    case 'union':
      return def.discriminator && def.options?.[0] ? emptyValueOf(def.options[0]) : undefined;
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

// What a field is read within: its kind, the widgets its keys pick, and the kind's defaults where the path is
// from the config's root (inside a list item it is not, so there are none).
type Scope = { kind: string; pickers: Record<string, PickerControl>; defaults: unknown };

/** The object shapes of a discriminated union with their discriminator's value, or null for any other union. */
const variantsOf = (def: Def): { value: string; schema: z.ZodType; shape: Record<string, z.ZodType> }[] | null => {
  const key = def.discriminator;
  if (def.type !== 'union' || !key || !def.options) return null;
  const variants = def.options.map((option) => {
    const shape = defOf(option).shape;
    const value = shape?.[key] ? defOf(shape[key]).values?.[0] : undefined;
    return shape && typeof value === 'string' ? { value, schema: option, shape } : null;
  });
  return variants.every((variant) => variant !== null) ? variants : null;
};

/**
 * Switching shape starts from the new shape's empty value, takes the kind's defaults when they are this shape,
 * and keeps what the marketer set that the new shape also has and accepts (the time of day, say).
 */
const startOfVariant =
  (schema: z.ZodType, discriminator: string, defaults: unknown) =>
  (previous: unknown): Record<string, unknown> => {
    const shape = defOf(schema).shape ?? {};
    const empty = emptyValueOf(schema) as Record<string, unknown>;
    const seed = valueAt(defaults, [discriminator]) === empty[discriminator] ? (defaults as object) : {};
    const kept = Object.entries(shape)
      .map(([key, field]) => [key, field, valueAt(previous, [key])] as const)
      .filter(([key, field, value]) => key !== discriminator && value !== undefined && field.safeParse(value).success);
    return { ...empty, ...seed, ...Object.fromEntries(kept.map(([key, , value]) => [key, value])) };
  };

const fieldOf = (scope: Scope, name: string, path: FieldPath, schema: z.ZodType): ConfigField => {
  const { kind, pickers } = scope;
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
      return { ...base, control: 'group', fields: fieldsOfShape(scope, path, def.shape ?? {}) };
    case 'array': {
      const element = def.element ? unwrap(def.element).inner : null;
      if (element && defOf(element).type === 'object') {
        const itemScope = { kind, pickers: { ...PICKERS_BY_NAME, ...PICKERS_IN_LIST[name] }, defaults: undefined };
        return {
          ...base,
          control: 'list',
          item: fieldsOfShape(itemScope, [], defOf(element).shape ?? {}),
          newItem: () => emptyValueOf(element),
        };
      }
      return { ...base, control: 'json' };
    }
    case 'union': {
      const variants = variantsOf(def);
      const discriminator = def.discriminator;
      if (!variants || !discriminator) return { ...base, control: 'json' };
      const choiceKey = variantChoiceKey(name);
      const defaults = valueAt(scope.defaults, path);
      return {
        ...base,
        control: 'variant',
        discriminator,
        choiceLabel: choiceKey ? translate('en', choiceKey) : labelOf(discriminator),
        variants: variants.map(({ value, schema: variant, shape }) => {
          const variantKey = variantLabelKey(name, value);
          const { [discriminator]: _fixed, ...own } = shape;
          return {
            value,
            label: variantKey ? translate('en', variantKey) : labelOf(value),
            fields: fieldsOfShape(scope, path, own),
            start: startOfVariant(variant, discriminator, defaults),
          };
        }),
      };
    }
    default:
      return { ...base, control: 'json' };
  }
};

const fieldsOfShape = (scope: Scope, path: FieldPath, shape: Record<string, z.ZodType>): ConfigField[] =>
  Object.entries(shape).map(([name, schema]) => fieldOf(scope, name, [...path, name], schema));

/**
 * The form for a kind's config, one field per key of its object schema: nested objects as groups (a duration's
 * amount and unit), lists of objects as repeated groups (branches, filters), pickers where a key names a workspace
 * thing, a choice of shape then that shape's fields for a discriminated union (a schedule weekly or once). The
 * kind's `defaults` seed a shape the marketer switches to. Returns null when the schema is not an object (the
 * config is then edited as JSON).
 */
export const configFieldsOf = (schema: z.ZodType, kind = '', defaults?: unknown): ConfigField[] | null => {
  const def = defOf(schema);
  if (def.type !== 'object' || !def.shape) return null;
  return fieldsOfShape({ kind, pickers: PICKERS_BY_NAME, defaults }, [], def.shape);
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
