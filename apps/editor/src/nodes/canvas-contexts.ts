import type { NodeKind } from '@rapport/journey';
import { createContext } from 'react';
import type { LayoutDirection } from '../graph/auto-layout';
import type { LiveCounts } from '../live';

/** Which way the journey flows: outputs on the right (left to right) or at the bottom (top down). */
export const LayoutDirectionContext = createContext<LayoutDirection>('LR');

/** The `+` on edges: which edge's step menu is open, and what inserting a step does. */
export type EdgeInsert = {
  /** False for a member who may only look (a viewer): no `+` is drawn. */
  enabled: boolean;
  openEdgeId: string | null;
  setOpenEdgeId(edgeId: string | null): void;
  insert(edgeId: string, kind: NodeKind): void;
};

export const EdgeInsertContext = createContext<EdgeInsert>({
  enabled: false,
  openEdgeId: null,
  setOpenEdgeId: () => undefined,
  insert: () => undefined,
});

/** A live journey's figures (customers at each step now, shares per branch); null when the journey is not live. */
export const LiveCountsContext = createContext<LiveCounts | null>(null);
