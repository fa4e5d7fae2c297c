import { journeyDocumentSchema, type JourneyDocument } from '../graph/journey.schema';
import type { ValidationContext } from '../kinds/node-kind';
import { nodeKindOrNull, type AnyNodeKind } from '../kinds/registry';
import { fieldIssueParams } from './field-issue';
import { findLoopsWithoutWait } from './loops';
import { problem, type Problem } from './problem';

const NO_CONTEXT: ValidationContext = { templates: null };

type CheckedNode = { id: string; index: number; kind: AnyNodeKind; config: unknown; outputs: readonly string[] };

/**
 * Every problem that stops the journey from being published, all at once, in document order.
 * Pure and shared: the editor runs it as the marketer types, the API runs it at publish.
 */
export const validateJourney = (input: unknown, context: ValidationContext = NO_CONTEXT): Problem[] => {
  const parsed = journeyDocumentSchema.safeParse(input);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) =>
      problem('journey.malformed', null, issue.path as (string | number)[], {
        ...fieldIssueParams(issue),
        field: issue.path.join('.') || 'journey',
      }),
    );
  }
  return validateDocument(parsed.data, context);
};

const validateDocument = (journey: JourneyDocument, context: ValidationContext): Problem[] => {
  const problems: Problem[] = [];
  const nodes = new Map<string, CheckedNode>();

  journey.nodes.forEach((node, index) => {
    if (nodes.has(node.id)) {
      problems.push(problem('node.duplicate-id', node.id, ['nodes', index, 'id'], { id: node.id }));
      return;
    }
    const kind = nodeKindOrNull(node.kind);
    if (!kind) {
      problems.push(problem('node.unknown-kind', node.id, ['nodes', index, 'kind'], { kind: node.kind }));
      return;
    }
    const config = kind.schema.safeParse(node.config);
    if (!config.success) {
      for (const issue of config.error.issues) {
        const field = issue.path.join('.') || 'config';
        problems.push(
          problem('node.invalid-config', node.id, ['config', ...(issue.path as (string | number)[])], {
            ...fieldIssueParams(issue),
            field,
          }),
        );
      }
      nodes.set(node.id, { id: node.id, index, kind, config: null, outputs: [] });
      return;
    }
    for (const found of kind.check?.(config.data, context) ?? []) {
      problems.push({ ...found, nodeId: node.id });
    }
    nodes.set(node.id, { id: node.id, index, kind, config: config.data, outputs: kind.outputs(config.data) });
  });

  const triggers = [...nodes.values()].filter((node) => node.kind.category === 'trigger');
  if (triggers.length === 0) problems.push(problem('journey.no-trigger', null, ['nodes'], {}));

  const connected = new Map<string, Set<string>>();
  const next = new Map<string, string[]>();
  journey.edges.forEach((edge, index) => {
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    if (!from || !to) {
      const missing = from ? edge.to : edge.from;
      const where = nodes.has(edge.from) ? edge.from : null;
      problems.push(problem('edge.unknown-node', where, ['edges', index, from ? 'to' : 'from'], { id: missing }));
      return;
    }
    if (to.kind.category === 'trigger') {
      problems.push(problem('edge.into-trigger', to.id, ['edges', index, 'to'], {}));
      return;
    }
    // A node whose config is invalid has unknown outputs; its edges are judged once the config is fixed.
    if (from.config !== null && !from.outputs.includes(edge.output)) {
      problems.push(problem('edge.unknown-output', from.id, ['edges', index, 'output'], { output: edge.output }));
      return;
    }
    const used = connected.get(from.id) ?? new Set<string>();
    if (used.has(edge.output)) {
      problems.push(problem('edge.duplicate-output', from.id, ['edges', index, 'output'], { output: edge.output }));
      return;
    }
    used.add(edge.output);
    connected.set(from.id, used);
    next.set(from.id, [...(next.get(from.id) ?? []), to.id]);
  });

  for (const node of nodes.values()) {
    for (const output of node.outputs) {
      if (!connected.get(node.id)?.has(output)) {
        problems.push(problem('output.dangling', node.id, ['outputs', output], { output }));
      }
    }
  }

  const reachable = new Set<string>();
  const queue = triggers.map((trigger) => trigger.id);
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (reachable.has(id)) continue;
    reachable.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  if (triggers.length > 0) {
    for (const node of nodes.values()) {
      if (!reachable.has(node.id)) problems.push(problem('node.unreachable', node.id, [], {}));
    }
  }

  // Only a wait that always pauses breaks a loop; one that may pass straight through does not.
  const isWait = (id: string) => {
    const kind = nodes.get(id)?.kind;
    return kind?.category === 'wait' && kind.alwaysPauses !== false;
  };
  for (const cycle of findLoopsWithoutWait(next, isWait)) {
    problems.push(problem('graph.loop-without-wait', cycle[0] ?? null, [], { cycle: cycle.join(' -> ') }));
  }
  return problems;
};
