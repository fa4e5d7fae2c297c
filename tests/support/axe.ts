import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
type AxeResult = { violations: Violation[]; passes: { id: string }[] };

/**
 * axe-core's WCAG 2.x A and AA rules on the page as it is, or on the part a selector names: each violation as one
 * readable line (rule, impact, where), and the rules that passed (so a test can tell it judged something).
 */
export const runAxe = async (page: Page, selector?: string): Promise<{ violations: string[]; passed: string[] }> => {
  await page.addScriptTag({ content: AXE });
  const result = (await page.evaluate(async (include) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: object): Promise<unknown> } }).axe;
    return axe.run(include ? { include: [[include]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  }, selector ?? null)) as AxeResult;
  return {
    violations: result.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} at ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    ),
    passed: result.passes.map((rule) => rule.id),
  };
};
