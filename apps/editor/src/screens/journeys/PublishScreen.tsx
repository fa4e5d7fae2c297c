import { useState } from 'react';
import { useCan } from '../../auth/use-can';
import { ReadOnlyNote } from '../access/ReadOnlyNote';
import { screensApi, type PublishSummary } from '../screens-api';
import { useLoad } from '../use-load';
import { ErrorNote, Pending } from '../ErrorNote';
import { JourneyTabs } from './JourneyTabs';

const TEXT = {
  loading: 'Comparing the draft with the live version…',
  first: (version: number) => `This will be version ${version}, the first: new entrants start following it at once.`,
  next: (live: number, next: number, inJourney: number) =>
    `Publishing makes version ${next}. ${inJourney === 1 ? '1 customer is' : `${inJourney} customers are`} in the journey now; they keep the version they entered (${live} or earlier). Only new entrants follow version ${next}.`,
  unchanged: 'The draft is the same as the live version: publishing would change nothing.',
  removed: 'Steps removed',
  added: 'Steps added',
  changed: 'Steps changed',
  connections: 'Connections',
  connectionsAdded: (list: string) => `Added: ${list}`,
  connectionsRemoved: (list: string) => `Removed: ${list}`,
  settings: 'Journey settings changed',
  changeNames: { kind: 'kind of step', label: 'name', connections: 'where it leads' } as Record<string, string>,
  changes: (list: string) => `Changed: ${list}`,
  problems: (count: number) => `Fix ${count === 1 ? 'this problem' : `these ${count} problems`} before publishing:`,
  publish: (version: number) => `Publish version ${version}`,
  publishing: 'Publishing…',
  published: (version: number) => `Version ${version} is live.`,
} as const;

/** `config.amount` -> "amount"; the other change names in words. */
const changeName = (change: string): string =>
  change.startsWith('config.') ? change.slice('config.'.length) : (TEXT.changeNames[change] ?? change);

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

const Summary = ({ summary }: { summary: PublishSummary }) => (
  <section aria-label="What changes">
    <p>
      {summary.liveVersion === null
        ? TEXT.first(summary.nextVersion)
        : TEXT.next(summary.liveVersion, summary.nextVersion, summary.inJourney)}
    </p>
    {summary.unchanged && <p className="warning-note">{TEXT.unchanged}</p>}
    <StepList
      title={TEXT.removed}
      steps={summary.nodes.removed.map((step) => ({
        ...step,
        detail: step.outcome,
      }))}
    />
    <StepList title={TEXT.added} steps={summary.nodes.added} />
    <StepList
      title={TEXT.changed}
      steps={summary.nodes.changed.map((step) => ({
        ...step,
        detail: `${TEXT.changes(step.changes.map(changeName).join(', '))}. ${step.outcome}`,
      }))}
    />
    {summary.connections.added.length + summary.connections.removed.length > 0 && (
      <>
        <h2>{TEXT.connections}</h2>
        {summary.connections.added.length > 0 && <p>{TEXT.connectionsAdded(summary.connections.added.join('; '))}</p>}
        {summary.connections.removed.length > 0 && (
          <p>{TEXT.connectionsRemoved(summary.connections.removed.join('; '))}</p>
        )}
      </>
    )}
    {summary.settings.length > 0 && (
      <>
        <h2>{TEXT.settings}</h2>
        <ul className="summary-list">
          {summary.settings.map((change) => (
            <li key={change.field}>
              <strong>{change.field}</strong>: {JSON.stringify(change.before)} → {JSON.stringify(change.after)}
              <div className="hint">{change.outcome}</div>
            </li>
          ))}
        </ul>
      </>
    )}
  </section>
);

/** Publish with a summary first: what changes for customers already in the journey, and what blocks publishing. */
export const PublishScreen = ({ journeyId }: { journeyId: string }) => {
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

  if (!journey.data) return <Pending error={journey.error} label={TEXT.loading} />;
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
      {!summary.data ? <Pending error={summary.error} label={TEXT.loading} /> : <Summary summary={summary.data} />}
      {problems.length > 0 && (
        <div role="alert">
          <p>{TEXT.problems(problems.length)}</p>
          <ul>
            {problems.map((problem, index) => (
              <li key={`${problem.code}-${index}`}>{problem.message}</li>
            ))}
          </ul>
        </div>
      )}
      <ErrorNote message={state.error} />
      <p role="status">
        {state.published !== null && <span className="ok-note">{TEXT.published(state.published)}</span>}
      </p>
      {summary.data && canPublish && (
        <button
          type="button"
          className="button button--primary"
          disabled={state.busy || problems.length > 0 || journey.data.status === 'archived'}
          onClick={() => void publish()}
        >
          {state.busy ? TEXT.publishing : TEXT.publish(summary.data.nextVersion)}
        </button>
      )}
    </>
  );
};
