// Live numbers for the canvas: the hook and the small presentational pieces it feeds.
export { useLiveCounts, type LiveStatus } from './use-live-counts';
export { LiveCountBadge } from './LiveCountBadge';
export { EdgeShareLabel } from './EdgeShareLabel';
export { WaitingCustomersPanel, type WaitingCustomer } from './WaitingCustomersPanel';
export {
  EMPTY_LIVE_COUNTS,
  formatCount,
  formatShare,
  type EdgeLiveShare,
  type LiveCounts,
  type NodeLiveCount,
} from './live-counts';
