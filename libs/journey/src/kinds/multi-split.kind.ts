import { z } from 'zod';
import { conditionSchema, describeValue, evaluateCondition, summarizeCondition } from '../graph/condition';
import { operatorNeedsValue, operatorPhrases } from '../graph/operators';
import { defineNodeKind, type StepOutcome } from './node-kind';
import { branchNameSchema, checkUniqueNames } from './split-branches';

export const ELSE_OUTPUT = 'else';

const branchSchema = z.object({
  name: branchNameSchema,
  conditions: z
    .array(conditionSchema)
    .min(1, 'give each branch at least one condition')
    .max(20, 'use at most 20 conditions in a branch'),
});

const schema = z
  .object({
    branches: z.array(branchSchema).min(1, 'add at least one branch').max(10, 'use at most 10 branches'),
  })
  .superRefine((config, context) => checkUniqueNames(config.branches, context, [ELSE_OUTPUT]));

export type MultiSplitConfig = z.infer<typeof schema>;

type Checked = { matched: boolean; text: string };

// "customer value_tier is "most-valuable" (equals "most-valuable")": what was found and what was asked.
const explain = (condition: MultiSplitConfig['branches'][number]['conditions'][number], actual: unknown): string => {
  const shown = describeValue(actual);
  const asked =
    operatorPhrases[condition.operator] +
    (operatorNeedsValue(condition.operator) ? ` ${JSON.stringify(condition.value)}` : '');
  return `${condition.source === 'event' ? 'event' : 'customer'} ${condition.path} is ${shown === null ? 'not set' : JSON.stringify(shown)} (${asked})`;
};

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
  summarize: (config) =>
    config.branches
      .map((branch) => `${branch.name}: ${branch.conditions.map(summarizeCondition).join(' and ')}`)
      .join('; ') + '; otherwise else',
  step: ({ nodeId, config, customer, trigger }): StepOutcome => {
    const misses: string[] = [];
    for (const branch of config.branches) {
      const checks: Checked[] = branch.conditions.map((condition) => {
        const { matched, actual } = evaluateCondition(condition, { customer, trigger });
        return { matched, text: explain(condition, actual) };
      });
      const failed = checks.find((check) => !check.matched);
      if (!failed) {
        return {
          type: 'next',
          output: branch.name,
          reason: {
            nodeId,
            code: 'split.branch-matched',
            params: { branch: branch.name, why: checks.map((check) => check.text).join(' and ') },
          },
        };
      }
      misses.push(`${branch.name}: ${failed.text}`);
    }
    return {
      type: 'next',
      output: ELSE_OUTPUT,
      reason: { nodeId, code: 'split.no-branch-matched', params: { why: misses.join('; ') } },
    };
  },
});
