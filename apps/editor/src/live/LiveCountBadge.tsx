import { memo } from 'react';
import { formatCount, type NodeLiveCount } from './live-counts';
import './live.css';
import { useT } from '../i18n';

/** A step's live figures: customers there now, and how many went through. Renders nothing without figures. */
export const LiveCountBadge = memo(function LiveCountBadge({
  count,
  nodeId,
}: {
  count: NodeLiveCount | undefined;
  nodeId: string;
}) {
  const t = useT();
  const now = count?.now ?? 0;
  const passed = count?.passed ?? 0;
  return (
    <span
      className="live-badge"
      role="status"
      aria-label={t('live.badge.label', { now, passed })}
      data-testid={`live-${nodeId}`}
    >
      <span className={now > 0 ? 'live-badge__now is-active' : 'live-badge__now'} data-testid={`live-now-${nodeId}`}>
        {formatCount(now)} <small>{t('live.badge.now')}</small>
      </span>
      <span className="live-badge__passed">
        {formatCount(passed)} <small>{t('live.badge.passed')}</small>
      </span>
    </span>
  );
});
