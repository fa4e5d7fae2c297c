import { z } from 'zod';

/** A branch's output name: shown on the canvas and kept in reports, so short, lowercase and stable. */
export const branchNameSchema = z
  .string()
  .trim()
  .min(1, 'name the branch')
  .max(40, 'keep branch names under 40 characters')
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes (for example most-valuable)');

/** Reports a repeated branch name on the second use, where the marketer typed it. */
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
        message: `"${branch.name}" is kept for the branch taken when none matches; choose another name`,
        path: ['branches', index, 'name'],
      });
    } else if (seen.has(branch.name)) {
      context.addIssue({
        code: 'custom',
        message: `two branches are called "${branch.name}"; give each its own name`,
        path: ['branches', index, 'name'],
      });
    }
    seen.add(branch.name);
  });
};

/** The draw as reasons show it: a number out of 100 with two decimals. */
export const drawOutOf100 = (draw: number): number => Math.floor(draw * 10_000) / 100;
