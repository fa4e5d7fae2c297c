import { z } from 'zod';

/** A branch's output name: shown on the canvas and kept in reports, so short, lowercase and stable. */
export const branchNameSchema = z
  .string()
  .trim()
  .min(1, 'field.branch.name-required')
  .max(40, 'field.branch.name-max')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'field.branch.name-format');

/**
 * Reports a repeated branch name on the second use, where the marketer typed it. The name goes in the issue's
 * `params`, so the reader's language can quote it.
 */
export const checkUniqueNames = (
  branches: readonly { name: string }[],
  context: z.RefinementCtx,
  reserved: readonly string[] = [],
): void => {
  const seen = new Set<string>();
  branches.forEach((branch, index) => {
    if (reserved.includes(branch.name)) {
      context.addIssue({
        code: 'custom',
        message: 'field.branch.name-reserved',
        params: { name: branch.name },
        path: ['branches', index, 'name'],
      });
    } else if (seen.has(branch.name)) {
      context.addIssue({
        code: 'custom',
        message: 'field.branch.name-repeated',
        params: { name: branch.name },
        path: ['branches', index, 'name'],
      });
    }
    seen.add(branch.name);
  });
};

/** The draw as reasons show it: a number out of 100 with two decimals. */
export const drawOutOf100 = (draw: number): number => Math.floor(draw * 10_000) / 100;
