import { z } from 'zod';
import { readPath, readProfile } from '../graph/facts';
import { COMPARISON_OPERATORS, compareValues, operatorNeedsValue, operatorPhrases } from '../graph/operators';
import { defineNodeKind } from './node-kind';

const schema = z
  .object({
    /** `profile`: the customer's fields and attributes; `event`: the properties of the event that enrolled them. */
    source: z.enum(['profile', 'event']),
    path: z
      .string()
      .trim()
      .min(1, 'choose an attribute')
      .max(200)
      .regex(/^[^.\s][^\s]*$/, 'an attribute path has no spaces (use a.b for nested values)'),
    operator: z.enum(COMPARISON_OPERATORS),
    value: z.union([z.string().max(500), z.number(), z.boolean()]).optional(),
  })
  .refine((config) => !operatorNeedsValue(config.operator) || config.value !== undefined, {
    message: 'give a value to compare with',
    path: ['value'],
  });

export type AttributeConditionConfig = z.infer<typeof schema>;

const describeValue = (value: unknown): string | number | boolean | null =>
  value === undefined || value === null
    ? null
    : typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : JSON.stringify(value).slice(0, 200);

/** If/else on a customer attribute or a property of the event that enrolled them. */
export const attributeConditionKind = defineNodeKind({
  kind: 'attribute-condition',
  category: 'condition',
  title: 'If an attribute matches',
  schema,
  defaults: { source: 'profile', path: 'email', operator: 'exists' },
  outputs: () => ['yes', 'no'],
  summarize: (config) =>
    `If ${config.source === 'event' ? 'event' : 'customer'} ${config.path} ${operatorPhrases[config.operator]}` +
    (operatorNeedsValue(config.operator) ? ` ${JSON.stringify(config.value)}` : ''),
  step: ({ nodeId, config, customer, trigger }) => {
    const actual =
      config.source === 'profile' ? readProfile(customer, config.path) : readPath(trigger?.properties, config.path);
    const matched = compareValues(actual, config.operator, config.value);
    return {
      type: 'next',
      output: matched ? 'yes' : 'no',
      reason: {
        nodeId,
        code: matched ? 'condition.matched' : 'condition.not-matched',
        params: {
          source: config.source,
          path: config.path,
          operator: operatorPhrases[config.operator],
          actual: describeValue(actual),
          expected: describeValue(config.value),
        },
      },
    };
  },
});
