import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { JourneyFlowEdge, JourneyFlowNode } from './flow-types';
import { describeNode } from './node-description';

export type LayoutDirection = 'LR' | 'TB';

/** What the canvas measured, or a card's usual size before it was drawn. */
const DEFAULT_SIZE = { width: 220, height: 96 };

type Sized = Pick<JourneyFlowNode, 'id' | 'type' | 'data'> & { measured?: { width?: number; height?: number } };

const kindOf = (node: Sized): string =>
  node.type === 'unknown' && 'unknownKind' in node.data ? node.data.unknownKind : node.type;

export const portIdOf = (nodeId: string, output: string): string => `${nodeId}::${output}`;

/**
 * The journey as an ELK layered graph: one port per named output in the kind's order on the side the edges
 * leave from (so `yes` stays above `no`, and split branches keep their order), edges from those ports.
 */
export const toElkGraph = (
  nodes: readonly Sized[],
  edges: readonly Pick<JourneyFlowEdge, 'id' | 'source' | 'sourceHandle' | 'target'>[],
  direction: LayoutDirection,
): ElkNode => {
  const ids = new Set(nodes.map((node) => node.id));
  const side = direction === 'LR' ? 'EAST' : 'SOUTH';
  return {
    id: 'journey',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': direction === 'LR' ? 'RIGHT' : 'DOWN',
      'elk.layered.spacing.nodeNodeBetweenLayers': '80',
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: nodes.map((node) => ({
      id: node.id,
      width: node.measured?.width ?? DEFAULT_SIZE.width,
      height: node.measured?.height ?? DEFAULT_SIZE.height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: describeNode(kindOf(node), node.data.config).outputs.map((output, index) => ({
        id: portIdOf(node.id, output),
        width: 1,
        height: 1,
        layoutOptions: { 'elk.port.side': side, 'elk.port.index': String(index) },
      })),
    })),
    edges: edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge): ElkExtendedEdge => ({
        id: edge.id,
        sources: [portIdOf(edge.source, edge.sourceHandle)],
        targets: [edge.target],
      })),
  };
};

/** Top-left positions ELK chose, rounded, by node id. */
export const positionsFromElk = (laidOut: ElkNode): Map<string, { x: number; y: number }> =>
  new Map(
    (laidOut.children ?? []).map((child) => [child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) }]),
  );

type ElkLike = { layout(graph: ElkNode): Promise<ElkNode> };

/** Lays the journey out with ELK and answers each node's new position. */
export const layoutJourney = async (
  elk: ElkLike,
  nodes: readonly Sized[],
  edges: readonly Pick<JourneyFlowEdge, 'id' | 'source' | 'sourceHandle' | 'target'>[],
  direction: LayoutDirection,
): Promise<Map<string, { x: number; y: number }>> =>
  positionsFromElk(await elk.layout(toElkGraph(nodes, edges, direction)));
