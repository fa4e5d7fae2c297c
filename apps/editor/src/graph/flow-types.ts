import type { Edge, Node } from '@xyflow/react';
import type { NodeKind } from '@rapport/journey';

/**
 * What a canvas node carries: only serializable document fields. Titles, summaries and handles are
 * derived from the kind registry at render time, so they can never drift from the config.
 */
export type JourneyNodeData = {
  config: Record<string, unknown>;
  label?: string;
};

/** A step whose kind this editor does not know; kept so that saving never drops it. */
export type UnknownNodeData = JourneyNodeData & { unknownKind: string };

export type KnownFlowNode = { [K in NodeKind]: Node<JourneyNodeData, K> }[NodeKind];
export type UnknownFlowNode = Node<UnknownNodeData, 'unknown'>;
export type JourneyFlowNode = KnownFlowNode | UnknownFlowNode;

/** The source handle id is the node's output name (`next`, `yes`, `no`). */
export type JourneyFlowEdge = Edge & { sourceHandle: string };

export const isUnknownFlowNode = (node: JourneyFlowNode): node is UnknownFlowNode => node.type === 'unknown';
