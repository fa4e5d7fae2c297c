import ELK from 'elkjs/lib/elk.bundled.js';
import { layoutJourney, type LayoutDirection } from '../graph/auto-layout';
import type { JourneyFlowEdge, JourneyFlowNode } from '../graph/flow-types';

let elk: InstanceType<typeof ELK> | null = null;

/** New positions from ELK for the canvas as drawn (its measured node sizes); one ELK instance per tab. */
export const layoutPositions = (
  nodes: readonly JourneyFlowNode[],
  edges: readonly JourneyFlowEdge[],
  direction: LayoutDirection,
) => {
  elk ??= new ELK();
  return layoutJourney(elk, nodes, edges, direction);
};
