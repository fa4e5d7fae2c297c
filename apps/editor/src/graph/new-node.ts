import { nodeKinds, type NodeKind } from '@rapport/journey';
import type { JourneyFlowNode, KnownFlowNode } from './flow-types';

const COLUMN = 260;

/** The first `kind-n` id not taken yet: readable in problems and reports, stable across saves. */
export const freeNodeId = (kind: string, taken: ReadonlySet<string>): string => {
  let n = 1;
  while (taken.has(`${kind}-${n}`)) n += 1;
  return `${kind}-${n}`;
};

/**
 * A fresh step of this kind with the kind's defaults and an unused id, at `position` (where it was dropped)
 * or right of the rightmost step (added from the palette with a click or Enter).
 */
export const newNode = (
  kind: NodeKind,
  existing: readonly JourneyFlowNode[],
  position?: { x: number; y: number },
): KnownFlowNode => {
  const taken = new Set(existing.map((node) => node.id));
  const right = existing.reduce((max, node) => Math.max(max, node.position.x), -COLUMN);
  const top = existing.length > 0 ? Math.min(...existing.map((node) => node.position.y)) : 0;
  return {
    id: freeNodeId(kind, taken),
    type: kind,
    position: position ?? { x: right + COLUMN, y: top },
    data: { config: structuredClone(nodeKinds[kind].defaults) as Record<string, unknown> },
    selected: true,
  } as KnownFlowNode;
};
