import type { z } from 'zod';
import { conditionSchema, conditionSummaryParams, describeValue, evaluateCondition } from '../graph/condition';
import { defineNodeKind } from './node-kind';

const schema = conditionSchema;

export type AttributeConditionConfig = z.infer<typeof schema>;

/** If/else on a customer attribute (value tier included) or a property of the event that enrolled them. */
export const attributeConditionKind = defineNodeKind({
  kind: 'attribute-condition',
  category: 'condition',
  title: 'If an attribute matches',
  schema,
  defaults: { source: 'profile', path: 'email', operator: 'exists' },
  outputs: () => ['yes', 'no'],
  summary: (config) => ({ code: 'attribute-condition', params: conditionSummaryParams(config) }),
  step: ({ nodeId, config, customer, trigger }) => {
    const { matched, actual } = evaluateCondition(config, { customer, trigger });
    return {
      type: 'next',
      output: matched ? 'yes' : 'no',
      reason: {
        nodeId,
        code: matched ? 'condition.matched' : 'condition.not-matched',
        params: {
          source: config.source,
          path: config.path,
          operator: config.operator,
          actual: describeValue(actual),
          expected: describeValue(config.value),
        },
      },
    };
  },
});
