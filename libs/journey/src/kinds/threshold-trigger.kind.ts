import { z } from 'zod';
import { describeValue } from '../graph/condition';
import { readProfile, type CustomerFacts } from '../graph/facts';
import { defineNodeKind } from './node-kind';

const schema = z.object({
  attribute: z
    .string()
    .trim()
    .min(1, 'field.attribute.number-required')
    .max(200)
    .regex(/^[^.\s][^\s]*$/, 'field.attribute.path-format'),
  threshold: z.number({ message: 'field.threshold.required' }).finite('field.threshold.required'),
  direction: z.enum(['up', 'down']),
});

export type ThresholdTriggerConfig = z.infer<typeof schema>;

const isMissing = (value: unknown): boolean => value === undefined || value === null;
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * True only on the change that crosses the threshold, never while the value stays beyond it. Up: from below (or
 * unset) to at least the threshold. Down: from at least the threshold to below it. Values that are not numbers
 * (text included, even "1200") never match, so a bad import cannot start the journey.
 */
export const crossesThreshold = (
  config: ThresholdTriggerConfig,
  before: CustomerFacts,
  after: CustomerFacts,
): boolean => {
  const previous = readProfile(before, config.attribute);
  const current = readProfile(after, config.attribute);
  if (!isNumber(current)) return false;
  if (config.direction === 'up') {
    return (isMissing(previous) || (isNumber(previous) && previous < config.threshold)) && current >= config.threshold;
  }
  return isNumber(previous) && previous >= config.threshold && current < config.threshold;
};

/** Enrolls a customer when a number on their profile crosses a threshold (loyalty points reach 1000). */
export const thresholdTriggerKind = defineNodeKind({
  kind: 'threshold-trigger',
  category: 'trigger',
  title: 'When a number crosses a threshold',
  schema,
  defaults: { attribute: 'loyalty_points', threshold: 1000, direction: 'up' },
  outputs: () => ['next'],
  summary: (config) => ({
    code: 'threshold-trigger',
    params: { attribute: config.attribute, threshold: config.threshold, direction: config.direction },
  }),
  trigger: {
    keys: (config) => [`profile:${config.attribute}`],
    matchesChange: crossesThreshold,
  },
  step: ({ nodeId, config, customer }) => ({
    type: 'next',
    output: 'next',
    reason: {
      nodeId,
      code: 'trigger.threshold-crossed',
      params: {
        attribute: config.attribute,
        threshold: config.threshold,
        direction: config.direction,
        after: describeValue(readProfile(customer, config.attribute)),
      },
    },
  }),
});
