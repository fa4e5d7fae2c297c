import { NODE_KINDS, type NodeKind } from '@rapport/journey';
import type { NodeTypes } from '@xyflow/react';
import type { JourneyFlowNode } from '../graph/flow-types';
import { JourneyNodeCard } from './JourneyNodeCard';

/**
 * Built once at module scope from the kind list: a new object per render would remount every node
 * (xyflow error002). Every kind shares one body; the editor registry (`nodeViews`) styles it.
 */
export const nodeTypes = {
  ...(Object.fromEntries(NODE_KINDS.map((kind) => [kind, JourneyNodeCard])) as Record<
    NodeKind,
    typeof JourneyNodeCard
  >),
  unknown: JourneyNodeCard,
} satisfies Record<JourneyFlowNode['type'], typeof JourneyNodeCard> satisfies NodeTypes;
