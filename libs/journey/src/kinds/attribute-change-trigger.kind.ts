import { z } from 'zod';
import { describeValue } from '../graph/condition';
import { readProfile, type CustomerFacts } from '../graph/facts';
import { defineNodeKind } from './node-kind';

const schema = z.object({
  attribute: z
    .string()
    .trim()
    .min(1, 'field.attribute.watch-required')
    .max(200)
    .regex(/^[^.\s][^\s]*$/, 'field.attribute.path-format'),
  /** Only a change to this value (empty: any new value). */
  to: z.string().trim().max(200).optional(),
  /** Only a change from this value (empty: from anything, including not set). */
  from: z.string().trim().max(200).optional(),
});

export type AttributeChangeTriggerConfig = z.infer<typeof schema>;

const isMissing = (value: unknown): boolean => value === undefined || value === null || value === '';

// Values are compared as the marketer types them: "5" is 5, and case does not matter.
const sameAs = (value: unknown, expected: string): boolean =>
  !isMissing(value) && String(describeValue(value)).toLowerCase() === expected.toLowerCase();

/**
 * True on the change that gives the attribute a new value (to `to`, from `from` when given), never while it
 * stays the same, and not when the attribute is removed. A first value counts as a change from "not set".
 */
export const attributeChanged = (
  config: AttributeChangeTriggerConfig,
  before: CustomerFacts,
  after: CustomerFacts,
): boolean => {
  const previous = readProfile(before, config.attribute);
  const current = readProfile(after, config.attribute);
  if (isMissing(current) || JSON.stringify(previous) === JSON.stringify(current)) return false;
  if (config.to && !sameAs(current, config.to)) return false;
  if (config.from && !sameAs(previous, config.from)) return false;
  return true;
};

/** Enrolls a customer when a profile value changes, for example when their value tier becomes most-valuable. */
export const attributeChangeTriggerKind = defineNodeKind({
  kind: 'attribute-change-trigger',
  category: 'trigger',
  title: 'When a profile value changes',
  schema,
  defaults: { attribute: 'value_tier', to: 'most-valuable' },
  outputs: () => ['next'],
  summary: (config) => ({
    code: 'attribute-change-trigger',
    params: { attribute: config.attribute, from: config.from ?? '', to: config.to ?? '' },
  }),
  trigger: {
    keys: (config) => [`profile:${config.attribute.split('.')[0]}`],
    matchesChange: attributeChanged,
  },
  step: ({ nodeId, config, customer }) => ({
    type: 'next',
    output: 'next',
    reason: {
      nodeId,
      code: 'trigger.attribute-changed',
      params: { attribute: config.attribute, after: describeValue(readProfile(customer, config.attribute)) },
    },
  }),
});
