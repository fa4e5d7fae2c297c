import { useCallback, useState } from 'react';
import { screensApi } from '../screens-api';
import { useLoad } from '../use-load';
import { ErrorNote, Pending } from '../ErrorNote';
import { useLiveCounts } from '../../live/use-live-counts';
import { WaitingCustomersPanel } from '../../live/WaitingCustomersPanel';
import { JourneyTabs } from './JourneyTabs';
import { ReadOnlyJourney } from './ReadOnlyJourney';

const TEXT = {
  loading: 'Loading the live version…',
  notPublished: 'This journey has not been published yet: nobody is in it.',
  status: {
    off: 'Live numbers are off.',
    connecting: 'Connecting to live numbers…',
    live: 'Live: numbers update as customers move.',
    reconnecting: 'Connection lost; reconnecting…',
  },
  pick: 'Choose a step to see who is waiting there and when they move on.',
} as const;

/** The Run view: the live version with customers at each step now, passed through, and each branch's share. */
export const LiveScreen = ({ journeyId }: { journeyId: string }) => {
  const journey = useLoad(() => screensApi.journey(journeyId), journeyId);
  const latest = journey.data?.latestVersion ?? null;
  const version = useLoad(
    () => (latest === null ? Promise.resolve(null) : screensApi.version(journeyId, latest)),
    `${journeyId}:${latest}`,
  );
  const { counts, status } = useLiveCounts(journeyId, latest !== null);
  const [step, setStep] = useState<{ nodeId: string; title: string } | null>(null);
  const select = useCallback((nodeId: string, title: string) => setStep({ nodeId, title }), []);

  if (!journey.data) return <Pending error={journey.error} label={TEXT.loading} />;
  return (
    <>
      <JourneyTabs journeyId={journeyId} name={journey.data.name} status={journey.data.status} current="journey-live" />
      <ErrorNote message={version.error} />
      {latest === null && <p>{TEXT.notPublished}</p>}
      <p role="status" data-testid="live-status">
        {TEXT.status[status]}
      </p>
      {version.data && (
        <div className="live-layout">
          <ReadOnlyJourney document={version.data.document} live={counts} onSelectStep={select} />
          <div>
            {step ? (
              <WaitingCustomersPanel
                journeyId={journeyId}
                nodeId={step.nodeId}
                stepTitle={step.title}
                refreshKey={counts.nodes[step.nodeId]?.now}
                onClose={() => setStep(null)}
              />
            ) : (
              <p className="hint">{TEXT.pick}</p>
            )}
          </div>
        </div>
      )}
    </>
  );
};
