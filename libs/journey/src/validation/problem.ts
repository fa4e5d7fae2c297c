/** Stable codes: the editor, the API's 422, the message catalog (@rapport/messages) and the docs all key on them. */
export const PROBLEM_CODES = [
  'journey.no-trigger',
  'journey.malformed',
  'node.duplicate-id',
  'node.unknown-kind',
  'node.invalid-config',
  'node.unreachable',
  'edge.unknown-node',
  'edge.unknown-output',
  'edge.duplicate-output',
  'edge.into-trigger',
  'output.dangling',
  'graph.loop-without-wait',
  'template.unknown',
  'template.missing-variable',
  'coupon-pool.unknown',
  'audience.unknown',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type ProblemParams = Record<string, string | number | boolean | null>;

/**
 * The parameters each problem always carries, by name. The catalog's `problem.<code>` sentences may use only
 * these (and `detail`, which @rapport/messages fills from a settings rule's `message` key); `problem()` will not
 * build a problem without them. Settings problems may carry more: zod's limits (`minimum`, `maximum`, ...).
 */
export const PROBLEM_PARAMS = {
  'journey.no-trigger': [],
  'journey.malformed': ['field', 'message'],
  'node.duplicate-id': ['id'],
  'node.unknown-kind': ['kind'],
  'node.invalid-config': ['field', 'message'],
  'node.unreachable': [],
  'edge.unknown-node': ['id'],
  'edge.unknown-output': ['output'],
  'edge.duplicate-output': ['output'],
  'edge.into-trigger': [],
  'output.dangling': ['output'],
  'graph.loop-without-wait': ['cycle'],
  'template.unknown': ['template'],
  // `template` and `field` are null for an SMS text (no template, one field).
  'template.missing-variable': ['template', 'field', 'variable'],
  'coupon-pool.unknown': ['pool'],
  'audience.unknown': ['audience'],
} as const satisfies Record<ProblemCode, readonly string[]>;

/** The params of one problem code: its declared names, and possibly more (a settings rule's limits). */
export type ProblemParamsOf<C extends ProblemCode> = ProblemParams &
  Record<(typeof PROBLEM_PARAMS)[C][number], ProblemParams[string]>;

/**
 * One thing that stops a journey from being published, located precisely enough to select it in the editor.
 * No words: readers get `problem.<code>` from @rapport/messages (`describeProblem`) in their own language.
 */
export type Problem = {
  code: ProblemCode;
  /** The node to highlight, or null for the journey as a whole. */
  nodeId: string | null;
  /** Path inside the node (`['config', 'amount']`) or the document (`['edges', 3, 'to']`). */
  path: (string | number)[];
  params: ProblemParams;
};

/** A problem a node kind's own check finds (`check`); validation adds the node it belongs to. */
export type NodeProblem = {
  [C in ProblemCode]: { code: C; path: Problem['path']; params: ProblemParamsOf<C> };
}[ProblemCode];

export const problem = <C extends ProblemCode>(
  code: C,
  nodeId: string | null,
  path: Problem['path'],
  params: ProblemParamsOf<C>,
): Problem => ({ code, nodeId, path, params });
