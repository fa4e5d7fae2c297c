import { memo } from 'react';
import { formatCount, type NodeLiveCount } from './live-counts';
import './live.css';

const TEXT = {
  now: 'now',
  passed: 'passed',
  label: (now: number, passed: number) =>
    `${now} ${now === 1 ? 'customer' : 'customers'} here now, ${passed} passed through`,
} as const;

/** A step's live figures: customers there now, and how many went through. Renders nothing without figures. */
export const LiveCountBadge = memo(function LiveCountBadge({
  count,
  nodeId,
}: {
  count: NodeLiveCount | undefined;
  nodeId: string;
}) {
  const now = count?.now ?? 0;
  const passed = count?.passed ?? 0;
  return (
    <span className="live-badge" role="status" aria-label={TEXT.label(now, passed)} data-testid={`live-${nodeId}`}>
      <span className={now > 0 ? 'live-badge__now is-active' : 'live-badge__now'} data-testid={`live-now-${nodeId}`}>
        {formatCount(now)} <small>{TEXT.now}</small>
      </span>
      <span className="live-badge__passed">
        {formatCount(passed)} <small>{TEXT.passed}</small>
      </span>
    </span>
  );
});
