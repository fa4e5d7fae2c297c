import type { JourneyDocument, JourneyNode } from '../graph/journey.schema';
import { nodeKindOrNull, type AnyNodeKind } from '../kinds/registry';

export type IndexedNode = { node: JourneyNode; kind: AnyNodeKind; config: unknown };

/** A published version prepared for stepping: nodes by id with parsed config, edges by `node:output`. */
export type JourneyIndex = {
  nodes: ReadonlyMap<string, IndexedNode>;
  targets: ReadonlyMap<string, string>;
  triggers: readonly IndexedNode[];
};

// Versions are immutable, so an index built once per document object serves every enrollment on it.
const cache = new WeakMap<JourneyDocument, JourneyIndex>();

export const indexJourney = (document: JourneyDocument): JourneyIndex => {
  const cached = cache.get(document);
  if (cached) return cached;
  const nodes = new Map<string, IndexedNode>();
  for (const node of document.nodes) {
    const kind = nodeKindOrNull(node.kind);
    if (!kind) continue;
    const config = kind.schema.safeParse(node.config);
    nodes.set(node.id, { node, kind, config: config.success ? config.data : kind.defaults });
  }
  const targets = new Map<string, string>();
  for (const edge of document.edges) targets.set(`${edge.from}:${edge.output}`, edge.to);
  const triggers = [...nodes.values()].filter((entry) => entry.kind.category === 'trigger');
  const index: JourneyIndex = { nodes, targets, triggers };
  cache.set(document, index);
  return index;
};
