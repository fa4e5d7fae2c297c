import { z } from 'zod';
import { conditionSchema, describeValue, evaluateCondition } from '../graph/condition';
import { defineNodeKind, type StepOutcome } from './node-kind';
import { branchNameSchema, checkUniqueNames } from './split-branches';

export const ELSE_OUTPUT = 'else';

const branchSchema = z.object({
  name: branchNameSchema,
  conditions: z.array(conditionSchema).min(1, 'field.split.conditions-min').max(20, 'field.split.conditions-max'),
});

const schema = z
  .object({
    branches: z.array(branchSchema).min(1, 'field.split.branch-required').max(10, 'field.split.branches-max'),
  })
  .superRefine((config, context) => checkUniqueNames(config.branches, context, [ELSE_OUTPUT]));

export type MultiSplitConfig = z.infer<typeof schema>;

/** A multi-way branch: the first branch whose conditions all hold wins; otherwise `else`. */
export const multiSplitKind = defineNodeKind({
  kind: 'multi-split',
  category: 'condition',
  title: 'Split into branches',
  schema,
  defaults: {
    branches: [
      {
        name: 'most-valuable',
        conditions: [{ source: 'profile', path: 'value_tier', operator: 'eq', value: 'most-valuable' }],
      },
    ],
  },
  // Tolerates a half-typed config: the editor keeps handles while the marketer edits.
  outputs: (config) => [
    ...(Array.isArray(config?.branches) ? config.branches.map((branch) => branch.name) : []),
    ELSE_OUTPUT,
  ],
  summary: (config) => ({
    code: 'multi-split',
    params: { branches: config.branches.map((branch) => branch.name).join(', '), count: config.branches.length },
  }),
  // Reasons carry raw values and codes (the catalog words them): the branch, and for a miss the first branch's
  // first failing check, what was found and what was asked.
  step: ({ nodeId, config, customer, trigger }): StepOutcome => {
    let firstMiss: Record<string, unknown> | null = null;
    for (const branch of config.branches) {
      let failed: Record<string, unknown> | null = null;
      for (const condition of branch.conditions) {
        const { matched, actual } = evaluateCondition(condition, { customer, trigger });
        if (matched) continue;
        failed = {
          branch: branch.name,
          source: condition.source,
          path: condition.path,
          operator: condition.operator,
          expected: describeValue(condition.value),
          actual: describeValue(actual),
        };
        break;
      }
      if (!failed) {
        return {
          type: 'next',
          output: branch.name,
          reason: {
            nodeId,
            code: 'split.branch-matched',
            params: { branch: branch.name, checks: branch.conditions.length },
          },
        };
      }
      firstMiss ??= failed;
    }
    return {
      type: 'next',
      output: ELSE_OUTPUT,
      reason: {
        nodeId,
        code: 'split.no-branch-matched',
        params: { branches: config.branches.length, ...firstMiss },
      },
    };
  },
});
