import { useMemo, useState } from 'react';
import { useCan } from '../../auth/use-can';
import { ReadOnlyNote } from '../access/ReadOnlyNote';
import { screensApi, type PublishSummary } from '../screens-api';
import { useLoad } from '../use-load';
import { ErrorNote, Pending } from '../ErrorNote';
import { JourneyTabs } from './JourneyTabs';
import { describeProblem, formatList, wordPublishSummary, type MessageKey } from '@rapport/messages';
import { useI18n } from '../../i18n';

const TEXT = {
  loading: 'screens.publish.loading',
  unchanged: 'screens.publish.unchanged',
  removed: 'screens.publish.removed',
  added: 'screens.publish.added',
  changed: 'screens.publish.changed',
  connections: 'screens.publish.connections',
  settings: 'screens.publish.settings',
  publishing: 'screens.publish.publishing',
  whatChanges: 'screens.publish.what-changes',
} as const satisfies Record<string, MessageKey>;

const StepList = ({ title, steps }: { title: string; steps: { nodeId: string; title: string; detail?: string }[] }) =>
  steps.length === 0 ? null : (
    <>
      <h2>{title}</h2>
      <ul className="summary-list">
        {steps.map((step) => (
          <li key={step.nodeId} data-testid={`summary-${step.nodeId}`}>
            <strong>{step.title}</strong> <code>{step.nodeId}</code>
            {step.detail && <div className="hint">{step.detail}</div>}
          </li>
        ))}
      </ul>
    </>
  );

const Summary = ({ summary }: { summary: PublishSummary }) => {
  const { t, locale } = useI18n();
  // Worded again in the editor's language, as problems are: the API's words follow the member's stored language,
  // and switching languages here must not wait for a reload.
  const words = useMemo(() => wordPublishSummary(locale, summary), [locale, summary]);
  const connections = (edges: { message: string }[]) =>
    formatList(
      locale,
      edges.map((edge) => edge.message),
    );
  return (
    <section aria-label={t(TEXT.whatChanges)}>
      <p>
        {words.liveVersion === null
          ? t('screens.publish.first', { version: words.nextVersion })
          : t('screens.publish.next', { live: words.liveVersion, next: words.nextVersion, inJourney: words.inJourney })}
      </p>
      {words.unchanged && <p className="warning-note">{t(TEXT.unchanged)}</p>}
      <StepList
        title={t(TEXT.removed)}
        steps={words.nodes.removed.map((step) => ({ ...step, detail: step.outcome.message }))}
      />
      <StepList title={t(TEXT.added)} steps={words.nodes.added} />
      <StepList
        title={t(TEXT.changed)}
        steps={words.nodes.changed.map((step) => ({
          ...step,
          detail: `${t('screens.publish.changes', {
            list: formatList(
              locale,
              step.changes.map((change) => change.message),
            ),
          })} ${step.outcome.message}`,
        }))}
      />
      {words.connections.added.length + words.connections.removed.length > 0 && (
        <>
          <h2>{t(TEXT.connections)}</h2>
          {words.connections.added.length > 0 && (
            <p>{t('screens.publish.connections-added', { list: connections(words.connections.added) })}</p>
          )}
          {words.connections.removed.length > 0 && (
            <p>{t('screens.publish.connections-removed', { list: connections(words.connections.removed) })}</p>
          )}
        </>
      )}
      {words.settings.length > 0 && (
        <>
          <h2>{t(TEXT.settings)}</h2>
          <ul className="summary-list">
            {words.settings.map((change) => (
              <li key={change.field} data-testid={`summary-setting-${change.field}`}>
                {change.message}
                <div className="hint">{change.outcome.message}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
};

/** Publish with a summary first: what changes for customers already in the journey, and what blocks publishing. */
export const PublishScreen = ({ journeyId }: { journeyId: string }) => {
  const { t, locale } = useI18n();
  const canPublish = useCan('POST', '/journeys/:id/publish');
  const journey = useLoad(() => screensApi.journey(journeyId), journeyId);
  const summary = useLoad(() => screensApi.publishSummary(journeyId), journeyId);
  const [state, setState] = useState<{ busy: boolean; published: number | null; error: string | null }>({
    busy: false,
    published: null,
    error: null,
  });

  const publish = async () => {
    setState({ busy: true, published: null, error: null });
    try {
      const version = await screensApi.publish(journeyId);
      setState({ busy: false, published: version.version, error: null });
      journey.reload();
      summary.reload();
    } catch (caught) {
      setState({ busy: false, published: null, error: (caught as Error).message });
    }
  };

  if (!journey.data) return <Pending error={journey.error} label={t(TEXT.loading)} />;
  const problems = summary.data?.problems ?? [];
  return (
    <>
      <JourneyTabs
        journeyId={journeyId}
        name={journey.data.name}
        status={journey.data.status}
        current="journey-publish"
      />
      <ReadOnlyNote method="POST" path="/journeys/:id/publish" />
      {!summary.data ? <Pending error={summary.error} label={t(TEXT.loading)} /> : <Summary summary={summary.data} />}
      {problems.length > 0 && (
        <div role="alert">
          <p>{t('screens.publish.problems', { count: problems.length })}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={`${problem.code}-${index}`}>{describeProblem(locale, problem)}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorNote message={state.error} />
      <p role="status">
        {state.published !== null && (
          <span className="ok-note">{t('screens.publish.published', { version: state.published })}</span>
        )}
      </p>
      {summary.data && canPublish && (
        <button
          type="button"
          className="button button--primary"
          disabled={state.busy || problems.length > 0 || journey.data.status === 'archived'}
          onClick={() => void publish()}
        >
          {state.busy ? t(TEXT.publishing) : t('screens.publish.publish', { version: summary.data.nextVersion })}
        </button>
      )}
    </>
  );
};
