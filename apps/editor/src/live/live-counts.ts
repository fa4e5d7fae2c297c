/** Customers at a step now, and passages that went through it and moved on. */
export type NodeLiveCount = { now: number; passed: number };

/** How many customers took a branch connection, and their share of all who left its step (null: nobody yet). */
export type EdgeLiveShare = { passed: number; share: number | null };

/** One update of `GET /api/journeys/:id/live` (event `counts`). */
export type LiveCounts = { nodes: Record<string, NodeLiveCount>; edges: Record<string, EdgeLiveShare> };

export const EMPTY_LIVE_COUNTS: LiveCounts = { nodes: {}, edges: {} };

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The event's data, checked: a malformed update is dropped rather than drawn. */
export const parseLiveCounts = (data: string): LiveCounts | null => {
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    return null;
  }
  const { nodes, edges } = (body ?? {}) as { nodes?: unknown; edges?: unknown };
  if (!nodes || typeof nodes !== 'object' || !edges || typeof edges !== 'object') return null;
  const counts: LiveCounts = { nodes: {}, edges: {} };
  for (const [id, value] of Object.entries(nodes as Record<string, { now?: unknown; passed?: unknown }>)) {
    if (isCount(value?.now) && isCount(value?.passed)) counts.nodes[id] = { now: value.now, passed: value.passed };
  }
  for (const [id, value] of Object.entries(edges as Record<string, { passed?: unknown; share?: unknown }>)) {
    if (isCount(value?.passed) && (value?.share === null || isCount(value?.share)))
      counts.edges[id] = { passed: value.passed, share: value.share as number | null };
  }
  return counts;
};

const numberFormat = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });

/** 1234 -> "1.2K": badges stay small on a zoomed-out canvas. */
export const formatCount = (count: number): string => numberFormat.format(count);

/** 0.425 -> "43%"; nobody yet -> "–". */
export const formatShare = (share: number | null): string => (share === null ? '–' : `${Math.round(share * 100)}%`);
