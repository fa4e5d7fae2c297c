import { memo } from 'react';
import { formatCount, formatShare, type EdgeLiveShare } from './live-counts';
import './live.css';
import { useT } from '../i18n';

/** A branch connection's share of the customers who left its step. */
export const EdgeShareLabel = memo(function EdgeShareLabel({
  share,
  edgeId,
}: {
  share: EdgeLiveShare | undefined;
  edgeId: string;
}) {
  const t = useT();
  if (!share) return null;
  const shown = formatShare(share.share);
  return (
    <span
      className="edge-share"
      aria-label={t('live.share.label', { share: shown, passed: share.passed })}
      data-testid={`share-${edgeId}`}
    >
      {shown} <small>({formatCount(share.passed)})</small>
    </span>
  );
});
