import { memo } from 'react';
import { formatCount, formatShare, type EdgeLiveShare } from './live-counts';
import './live.css';

const TEXT = {
  label: (share: string, passed: number) => `${share} of customers took this branch (${passed})`,
} as const;

/** A branch connection's share of the customers who left its step. */
export const EdgeShareLabel = memo(function EdgeShareLabel({
  share,
  edgeId,
}: {
  share: EdgeLiveShare | undefined;
  edgeId: string;
}) {
  if (!share) return null;
  const shown = formatShare(share.share);
  return (
    <span className="edge-share" aria-label={TEXT.label(shown, share.passed)} data-testid={`share-${edgeId}`}>
      {shown} <small>({formatCount(share.passed)})</small>
    </span>
  );
});
