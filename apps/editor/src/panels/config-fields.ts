import type { z } from 'zod';

/** One control of a node's settings form, read from the kind's zod object schema. */
export type ConfigField =
  | { name: string; label: string; optional: boolean; control: 'select'; options: readonly string[] }
  | { name: string; label: string; optional: boolean; control: 'number' | 'text' | 'checkbox' | 'json' };

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; entries?: Record<string, string> };

const defOf = (schema: z.ZodType): Def => (schema as unknown as { def: Def }).def;

/** `templateKey` -> `Template key`. */
export const labelOf = (name: string): string => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/**
 * The form for a kind's config: one field per key of its object schema (enum -> select, number, string,
 * boolean), anything else as a JSON input. Returns null when the schema is not an object (edit it as JSON).
 */
export const configFieldsOf = (schema: z.ZodType): ConfigField[] | null => {
  const def = defOf(schema);
  if (def.type !== 'object' || !def.shape) return null;
  return Object.entries(def.shape).map(([name, fieldSchema]) => {
    let inner = fieldSchema;
    let optional = false;
    while (['optional', 'default', 'nullable', 'readonly'].includes(defOf(inner).type) && defOf(inner).innerType) {
      optional ||= defOf(inner).type !== 'readonly';
      inner = defOf(inner).innerType as z.ZodType;
    }
    const innerDef = defOf(inner);
    const label = labelOf(name);
    switch (innerDef.type) {
      case 'enum':
        return { name, label, optional, control: 'select', options: Object.values(innerDef.entries ?? {}) };
      case 'number':
        return { name, label, optional, control: 'number' };
      case 'string':
        return { name, label, optional, control: 'text' };
      case 'boolean':
        return { name, label, optional, control: 'checkbox' };
      default:
        return { name, label, optional, control: 'json' };
    }
  });
};

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
