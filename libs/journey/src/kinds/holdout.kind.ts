import { z } from 'zod';
import { defineNodeKind } from './node-kind';
import { drawOutOf100 } from './split-branches';

const schema = z.object({
  controlPercent: z
    .number({ message: 'field.holdout.required' })
    .min(1, 'field.holdout.min')
    .max(50, 'field.holdout.max'),
});

export type HoldoutConfig = z.infer<typeof schema>;

export type HoldoutGroup = 'treatment' | 'control';

/**
 * Holds a share of customers back as a control group that receives nothing, to measure what the journey adds.
 * The group is tagged on the enrollment (`holdout: control | treatment`), so the report compares the conversion
 * of both. One draw from the step's seeded generator: a replay lands in the same group.
 */
export const holdoutKind = defineNodeKind({
  kind: 'holdout',
  category: 'condition',
  title: 'Hold out a control group',
  schema,
  defaults: { controlPercent: 10 },
  outputs: () => ['treatment', 'control'],
  summary: (config) => ({ code: 'holdout', params: { controlPercent: config.controlPercent } }),
  step: ({ nodeId, config, random }) => {
    const draw = random();
    const group: HoldoutGroup = draw * 100 < config.controlPercent ? 'control' : 'treatment';
    return {
      type: 'next',
      output: group,
      tags: { holdout: group },
      reason: {
        nodeId,
        code: 'holdout.assigned',
        params: { group, controlPercent: config.controlPercent, draw: drawOutOf100(draw) },
      },
    };
  },
});
