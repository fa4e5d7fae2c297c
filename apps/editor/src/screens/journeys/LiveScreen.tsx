import { useCallback, useState } from 'react';
import { screensApi } from '../screens-api';
import { useLoad } from '../use-load';
import { ErrorNote, Pending } from '../ErrorNote';
import { useLiveCounts } from '../../live/use-live-counts';
import { WaitingCustomersPanel } from '../../live/WaitingCustomersPanel';
import { JourneyTabs } from './JourneyTabs';
import { ReadOnlyJourney } from './ReadOnlyJourney';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  loading: 'screens.live.loading',
  notPublished: 'screens.live.not-published',
  status: {
    off: 'screens.live.status.off',
    connecting: 'screens.live.status.connecting',
    live: 'screens.live.status.live',
    reconnecting: 'screens.live.status.reconnecting',
  },
  pick: 'screens.live.pick',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

/** The Run view: the live version with customers at each step now, passed through, and each branch's share. */
export const LiveScreen = ({ journeyId }: { journeyId: string }) => {
  const t = useT();
  const journey = useLoad(() => screensApi.journey(journeyId), journeyId);
  const latest = journey.data?.latestVersion ?? null;
  const version = useLoad(
    () => (latest === null ? Promise.resolve(null) : screensApi.version(journeyId, latest)),
    `${journeyId}:${latest}`,
  );
  const { counts, status } = useLiveCounts(journeyId, latest !== null);
  const [step, setStep] = useState<{ nodeId: string; title: string } | null>(null);
  const select = useCallback((nodeId: string, title: string) => setStep({ nodeId, title }), []);

  if (!journey.data) return <Pending error={journey.error} label={t(TEXT.loading)} />;
  return (
    <>
      <JourneyTabs journeyId={journeyId} name={journey.data.name} status={journey.data.status} current="journey-live" />
      <ErrorNote message={version.error} />
      {latest === null && <p>{t(TEXT.notPublished)}</p>}
      <p role="status" data-testid="live-status">
        {t(TEXT.status[status])}
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
              <p className="hint">{t(TEXT.pick)}</p>
            )}
          </div>
        </div>
      )}
    </>
  );
};
