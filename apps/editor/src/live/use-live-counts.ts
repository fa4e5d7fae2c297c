import { useEffect, useState } from 'react';
import { EMPTY_LIVE_COUNTS, parseLiveCounts, type LiveCounts } from './live-counts';

/** `connecting` until the first update, `live` while updates flow, `reconnecting` after a drop, `off` when refused. */
export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

/**
 * The journey's live numbers per step and branch, from `GET /api/journeys/:id/live` (server-sent events). The
 * browser's EventSource sends the session cookie and reconnects by itself after a drop; nothing is opened while
 * `enabled` is false (a draft journey has nobody in it).
 */
export const useLiveCounts = (journeyId: string | null, enabled = true): { counts: LiveCounts; status: LiveStatus } => {
  const [counts, setCounts] = useState<LiveCounts>(EMPTY_LIVE_COUNTS);
  const [status, setStatus] = useState<LiveStatus>('off');

  useEffect(() => {
    if (!journeyId || !enabled || typeof EventSource === 'undefined') {
      setStatus('off');
      return;
    }
    setStatus('connecting');
    const source = new EventSource(`/api/journeys/${encodeURIComponent(journeyId)}/live`);
    source.addEventListener('counts', (event) => {
      const next = parseLiveCounts((event as MessageEvent<string>).data);
      if (!next) return;
      setCounts(next);
      setStatus('live');
    });
    // A 401/404 closes the source for good; a dropped connection is retried by EventSource itself.
    source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? 'off' : 'reconnecting');
    return () => source.close();
  }, [journeyId, enabled]);

  return { counts, status };
};
