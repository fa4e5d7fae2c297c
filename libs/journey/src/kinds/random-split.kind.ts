import { z } from 'zod';
import { defineNodeKind } from './node-kind';
import { branchNameSchema, checkUniqueNames, drawOutOf100 } from './split-branches';

const branchSchema = z.object({
  name: branchNameSchema,
  percent: z
    .number({ message: 'field.split.percent-required' })
    .int('field.split.percent-whole')
    .min(1, 'field.split.percent-min')
    .max(99, 'field.split.percent-max'),
});

const schema = z
  .object({
    branches: z.array(branchSchema).min(2, 'field.split.branches-min').max(10, 'field.split.branches-max'),
  })
  .superRefine((config, context) => {
    checkUniqueNames(config.branches, context);
    const total = config.branches.reduce((sum, branch) => sum + branch.percent, 0);
    if (total !== 100) {
      context.addIssue({
        code: 'custom',
        message: 'field.split.percent-total',
        params: { total },
        path: ['branches'],
      });
    }
  });

export type RandomSplitConfig = z.infer<typeof schema>;

/**
 * Sends each customer down one branch at random, in the given shares (an A/B test). One draw from the step's
 * seeded generator, so replaying an enrollment takes the same branch.
 */
export const randomSplitKind = defineNodeKind({
  kind: 'random-split',
  category: 'condition',
  title: 'Split at random',
  schema,
  defaults: {
    branches: [
      { name: 'a', percent: 50 },
      { name: 'b', percent: 50 },
    ],
  },
  outputs: (config) => (Array.isArray(config?.branches) ? config.branches.map((branch) => branch.name) : []),
  summary: (config) => ({
    code: 'random-split',
    params: { branches: config.branches.map((b) => `${b.percent}% ${b.name}`).join(', ') },
  }),
  step: ({ nodeId, config, random }) => {
    const draw = random();
    let upTo = 0;
    const index = config.branches.findIndex((branch) => {
      upTo += branch.percent;
      return draw * 100 < upTo;
    });
    // The schema guarantees two branches or more; the last one also takes a draw at the very top of the range.
    const branch = config.branches[
      index === -1 ? config.branches.length - 1 : index
    ] as RandomSplitConfig['branches'][number];
    return {
      type: 'next',
      output: branch.name,
      reason: {
        nodeId,
        code: 'random-split.drawn',
        params: { branch: branch.name, percent: branch.percent, draw: drawOutOf100(draw) },
      },
    };
  },
});
