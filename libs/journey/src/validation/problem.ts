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

/** One thing that stops a journey from being published, located precisely enough to select it in the editor. */
export type Problem = {
  code: ProblemCode;
  /** The node to highlight, or null for the journey as a whole. */
  nodeId: string | null;
  /** Path inside the node (`['config', 'amount']`) or the document (`['edges', 3, 'to']`). */
  path: (string | number)[];
  params: ProblemParams;
  /**
   * An English sentence, kept while the editor's panels still read it; readers get `problem.<code>` from
   * @rapport/messages in their language (the API overwrites this field with it).
   */
  message: string;
};

const quoted = (value: ProblemParams[string] | undefined): string => `"${String(value ?? '')}"`;

/** English fallback for `message`; the catalog in @rapport/messages is the source of truth for readers. */
export const problemMessages = {
  'journey.no-trigger': () => 'Add a trigger: without one, nobody can enter this journey.',
  'journey.malformed': (p) =>
    `The journey document is not in the expected shape at ${quoted(p['field'])}: ${p['detail'] ?? p['message']}.`,
  'node.duplicate-id': (p) => `Two steps share the id ${quoted(p['id'])}; each step needs its own.`,
  'node.unknown-kind': (p) => `This step's kind ${quoted(p['kind'])} is not one Rapport knows.`,
  'node.invalid-config': (p) =>
    `This step's setting ${quoted(p['field'])} is not valid: ${p['detail'] ?? p['message']}.`,
  'node.unreachable': () => 'No customer can reach this step: connect it to the path from a trigger.',
  'edge.unknown-node': (p) => `A connection points to a step ${quoted(p['id'])} that does not exist.`,
  'edge.unknown-output': (p) => `This step has no output ${quoted(p['output'])} to connect from.`,
  'edge.duplicate-output': (p) => `Output ${quoted(p['output'])} is connected twice; keep one connection.`,
  'edge.into-trigger': () => 'A trigger starts the journey; nothing can lead into it.',
  'output.dangling': (p) => `Output ${quoted(p['output'])} is not connected: say where customers go next.`,
  'graph.loop-without-wait': (p) =>
    `These steps loop back without any wait (${p['cycle']}): customers would go round forever.`,
  'template.unknown': (p) => `There is no email template ${quoted(p['template'])} in this workspace.`,
  'template.missing-variable': (p) =>
    `${p['template'] ? `Email template ${quoted(p['template'])}` : 'The SMS text'} uses {{${p['variable']}}}` +
    `${p['field'] ? ` in its ${p['field']}` : ''}, which customers will not have when it is sent:` +
    ' declare the attribute, or fix the name.',
  'coupon-pool.unknown': (p) => `There is no coupon pool ${quoted(p['pool'])} in this workspace.`,
  'audience.unknown': (p) => `There is no saved audience ${quoted(p['audience'])} in this workspace.`,
} satisfies Record<ProblemCode, (params: ProblemParams) => string>;

export const problem = (
  code: ProblemCode,
  nodeId: string | null,
  path: Problem['path'],
  params: ProblemParams = {},
): Problem => ({ code, nodeId, path, params, message: problemMessages[code](params) });
