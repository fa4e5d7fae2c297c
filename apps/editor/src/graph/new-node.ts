import { nodeKinds, type NodeKind } from '@rapport/journey';
import type { JourneyFlowNode, KnownFlowNode } from './flow-types';

const COLUMN = 260;

/** A fresh step of this kind with the kind's defaults, placed right of the rightmost step, with an unused id. */
export const newNode = (kind: NodeKind, existing: readonly JourneyFlowNode[]): KnownFlowNode => {
  const taken = new Set(existing.map((node) => node.id));
  let n = 1;
  while (taken.has(`${kind}-${n}`)) n += 1;
  const right = existing.reduce((max, node) => Math.max(max, node.position.x), -COLUMN);
  const top = existing.length > 0 ? Math.min(...existing.map((node) => node.position.y)) : 0;
  return {
    id: `${kind}-${n}`,
    type: kind,
    position: { x: right + COLUMN, y: top },
    data: { config: structuredClone(nodeKinds[kind].defaults) as Record<string, unknown> },
    selected: true,
  } as KnownFlowNode;
};
