import { nodeKindOrNull } from '@rapport/journey';
import type { Connection, Edge } from '@xyflow/react';
import type { JourneyFlowNode } from './flow-types';
import { describeNode } from './node-description';

type ConnectionLike = Pick<Connection, 'source' | 'target'> & { sourceHandle?: string | null };

/**
 * Whether a drawn connection may become an edge, from the kinds' declared outputs: the handle must be one
 * of the source's outputs, nothing leads into a trigger or back into the same node, and each output has one edge.
 */
export const isConnectionAllowed = (
  connection: ConnectionLike,
  nodes: readonly JourneyFlowNode[],
  edges: readonly Pick<Edge, 'source' | 'sourceHandle'>[],
): boolean => {
  const source = nodes.find((node) => node.id === connection.source);
  const target = nodes.find((node) => node.id === connection.target);
  if (!source || !target || source.id === target.id || !connection.sourceHandle) return false;
  if (source.type === 'unknown' || target.type === 'unknown') return false;
  if (nodeKindOrNull(target.type)?.category === 'trigger') return false;
  if (!describeNode(source.type, source.data.config).outputs.includes(connection.sourceHandle)) return false;
  return !edges.some((edge) => edge.source === source.id && edge.sourceHandle === connection.sourceHandle);
};
