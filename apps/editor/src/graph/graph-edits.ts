import { edgeIdOf, nodeKinds, type NodeKind } from '@rapport/journey';
import type { JourneyFlowEdge, JourneyFlowNode } from './flow-types';
import { describeNode } from './node-description';
import { freeNodeId, newNode } from './new-node';

export type FlowGraph = { nodes: JourneyFlowNode[]; edges: JourneyFlowEdge[] };

export const flowEdge = (source: string, sourceHandle: string, target: string): JourneyFlowEdge => ({
  id: edgeIdOf({ from: source, output: sourceHandle, to: target }),
  source,
  sourceHandle,
  target,
});

const deselected = (nodes: readonly JourneyFlowNode[]): JourneyFlowNode[] =>
  nodes.map((node) => (node.selected ? { ...node, selected: false } : node));

/** Kinds that can sit in the middle of a path: not triggers (nothing leads into them) and not exits (no way on). */
export const insertableKinds = (kinds: readonly NodeKind[]): NodeKind[] =>
  kinds.filter((kind) => nodeKinds[kind].category !== 'trigger' && nodeKinds[kind].category !== 'exit');

/**
 * Splices a new step into an edge: `from -(output)-> new -(new's first output)-> to`. The new step sits halfway
 * and is selected so its settings open. Null when the edge is gone or the kind cannot have an input.
 */
export const insertOnEdge = (
  graph: FlowGraph,
  edgeId: string,
  kind: NodeKind,
): (FlowGraph & { nodeId: string }) | null => {
  const edge = graph.edges.find((candidate) => candidate.id === edgeId);
  if (!edge || nodeKinds[kind].category === 'trigger') return null;
  const from = graph.nodes.find((node) => node.id === edge.source);
  const to = graph.nodes.find((node) => node.id === edge.target);
  if (!from || !to) return null;
  const position = {
    x: Math.round((from.position.x + to.position.x) / 2),
    y: Math.round((from.position.y + to.position.y) / 2),
  };
  const inserted = newNode(kind, graph.nodes, position);
  const [firstOutput] = describeNode(kind, inserted.data.config).outputs;
  const edges = graph.edges.filter((candidate) => candidate.id !== edgeId);
  edges.push(flowEdge(edge.source, edge.sourceHandle, inserted.id));
  if (firstOutput) edges.push(flowEdge(inserted.id, firstOutput, edge.target));
  return { nodes: [...deselected(graph.nodes), inserted], edges, nodeId: inserted.id };
};

/** What Ctrl+C keeps: the selected steps and the connections among them, as plain data. */
export type Clipboard = {
  nodes: Pick<JourneyFlowNode, 'id' | 'type' | 'position' | 'data'>[];
  edges: JourneyFlowEdge[];
};

export const copySelection = (graph: FlowGraph): Clipboard | null => {
  const picked = graph.nodes.filter((node) => node.selected);
  if (picked.length === 0) return null;
  const ids = new Set(picked.map((node) => node.id));
  return {
    nodes: picked.map(({ id, type, position, data }) => structuredClone({ id, type, position, data })),
    edges: graph.edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map(({ source, sourceHandle, target }) => flowEdge(source, sourceHandle, target)),
  };
};

/**
 * Pastes copied steps with fresh ids (`kind-n`), moved by `offset` so they do not hide the originals, with
 * their inner connections; the pasted steps become the selection.
 */
export const pasteClipboard = (graph: FlowGraph, clipboard: Clipboard, offset = { x: 40, y: 40 }): FlowGraph => {
  const taken = new Set(graph.nodes.map((node) => node.id));
  const renamed = new Map<string, string>();
  const pasted = clipboard.nodes.map((node): JourneyFlowNode => {
    const kind = node.type === 'unknown' && 'unknownKind' in node.data ? node.data.unknownKind : node.type;
    const id = freeNodeId(kind, taken);
    taken.add(id);
    renamed.set(node.id, id);
    return {
      ...structuredClone(node),
      id,
      position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
      selected: true,
    } as JourneyFlowNode;
  });
  const edges = clipboard.edges.map((edge) =>
    flowEdge(renamed.get(edge.source) ?? edge.source, edge.sourceHandle, renamed.get(edge.target) ?? edge.target),
  );
  return { nodes: [...deselected(graph.nodes), ...pasted], edges: [...graph.edges, ...edges] };
};
