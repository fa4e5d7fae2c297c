import {
  edgeIdOf,
  isNodeKind,
  nodeKindOrNull,
  type JourneyDocument,
  type JourneyEdge,
  type JourneyNode,
} from '@rapport/journey';
import type { JourneyFlowEdge, JourneyFlowNode } from './flow-types';

export const COLUMN_WIDTH = 260;
export const ROW_HEIGHT = 140;

/** The parts of a document the canvas does not draw; kept aside and put back on save. */
export type JourneyMeta = Pick<JourneyDocument, 'format' | 'name' | 'description' | 'settings'>;

export type JourneyFlow = { meta: JourneyMeta; nodes: JourneyFlowNode[]; edges: JourneyFlowEdge[] };

export const journeyToFlow = (doc: JourneyDocument): JourneyFlow => {
  const positions = layoutMissingPositions(doc);
  const nodes = doc.nodes.map((node): JourneyFlowNode => {
    const position = node.position ?? positions.get(node.id) ?? { x: 0, y: 0 };
    const data = { config: { ...node.config }, ...(node.label !== undefined ? { label: node.label } : {}) };
    return isNodeKind(node.kind)
      ? { id: node.id, type: node.kind, position, data }
      : { id: node.id, type: 'unknown', position, data: { ...data, unknownKind: node.kind } };
  });
  const edges = doc.edges.map((edge): JourneyFlowEdge => ({
    id: edgeIdOf(edge),
    source: edge.from,
    sourceHandle: edge.output,
    target: edge.to,
  }));
  const meta: JourneyMeta = { format: doc.format, name: doc.name, settings: doc.settings };
  if (doc.description !== undefined) meta.description = doc.description;
  return { meta, nodes, edges };
};

export const flowToJourney = ({ meta, nodes, edges }: JourneyFlow): JourneyDocument => ({
  ...meta,
  nodes: nodes.map((node): JourneyNode => {
    const out: JourneyNode = {
      id: node.id,
      kind: node.type === 'unknown' ? node.data.unknownKind : node.type,
      config: { ...node.data.config },
      position: { x: Math.round(node.position.x), y: Math.round(node.position.y) },
    };
    if (node.data.label !== undefined && node.data.label !== '') out.label = node.data.label;
    return out;
  }),
  edges: edges.map((edge): JourneyEdge => {
    const out: JourneyEdge = { from: edge.source, output: edge.sourceHandle, to: edge.target };
    // An id equal to the derived one is left out, so an untouched document round-trips unchanged.
    return edge.id === edgeIdOf(out) ? out : { id: edge.id, ...out };
  }),
});

/**
 * Left-to-right placement for nodes saved without a position: column = steps from a trigger
 * (breadth first), row = order within the column, below any positioned node of that column.
 */
export const layoutMissingPositions = (doc: JourneyDocument): Map<string, { x: number; y: number }> => {
  const placed = new Map<string, { x: number; y: number }>();
  const missing = doc.nodes.filter((node) => !node.position);
  if (missing.length === 0) return placed;

  const next = new Map<string, string[]>();
  for (const edge of doc.edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  const depth = new Map<string, number>();
  const queue = doc.nodes.filter((node) => nodeKindOrNull(node.kind)?.category === 'trigger').map((node) => node.id);
  queue.forEach((id) => depth.set(id, 0));
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    for (const to of next.get(id) ?? []) {
      if (depth.has(to)) continue;
      depth.set(to, (depth.get(id) ?? 0) + 1);
      queue.push(to);
    }
  }
  const unreachableColumn = Math.max(-1, ...depth.values()) + 1;
  const rows = new Map<number, number>();
  for (const node of doc.nodes) {
    if (!node.position) continue;
    const column = Math.round(node.position.x / COLUMN_WIDTH);
    rows.set(column, Math.max(rows.get(column) ?? 0, Math.floor(node.position.y / ROW_HEIGHT) + 1));
  }
  for (const node of missing) {
    const column = depth.get(node.id) ?? unreachableColumn;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    placed.set(node.id, { x: column * COLUMN_WIDTH, y: row * ROW_HEIGHT });
  }
  return placed;
};
