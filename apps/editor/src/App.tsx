import { useCallback, useEffect, useState } from 'react';
import { SessionGate } from './auth/SessionGate';
import { JourneyEditor } from './editor/JourneyEditor';
import { JourneyList } from './journeys/JourneyList';

const JOURNEY_ROUTE = /^#\/journeys\/([^/]+)$/;

const journeyIdFromHash = (hash: string): string | null => {
  const match = JOURNEY_ROUTE.exec(hash);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
};

/**
 * Two screens, addressed by the URL hash so a journey can be bookmarked: the list and one journey's editor. Both
 * only for a signed-in member.
 */
export const App = () => {
  const [journeyId, setJourneyId] = useState(() => journeyIdFromHash(window.location.hash));

  useEffect(() => {
    const onHashChange = () => setJourneyId(journeyIdFromHash(window.location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const open = useCallback((id: string) => {
    window.location.hash = `#/journeys/${encodeURIComponent(id)}`;
  }, []);
  const back = useCallback(() => {
    window.location.hash = '#/';
  }, []);

  return (
    <SessionGate>
      {journeyId ? <JourneyEditor journeyId={journeyId} onBack={back} /> : <JourneyList onOpen={open} />}
    </SessionGate>
  );
};
