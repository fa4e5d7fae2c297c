import { useState, type FormEvent } from 'react';
import type { JourneyStatus, JourneySummary } from '../api/api-client';
import { useCan } from '../auth/use-can';
import { ReadOnlyNote } from '../screens/access/ReadOnlyNote';
import { ErrorNote, Pending } from '../screens/ErrorNote';
import { go, hashOf } from '../screens/route-paths';
import { screensApi } from '../screens/screens-api';
import { useLoad } from '../screens/use-load';

const TEXT = {
  title: 'Journeys',
  loading: 'Loading journeys…',
  empty: 'No journeys yet. Create the first one below.',
  emptyReadOnly: 'No journeys yet.',
  name: 'Name',
  status: 'Status',
  version: 'Published version',
  changed: 'Last changed',
  actions: 'Actions',
  statusLabel: { draft: 'draft', live: 'live', paused: 'paused', archived: 'archived' },
  settings: 'Settings',
  versions: 'Versions',
  publish: 'Publish…',
  live: 'Live numbers',
  pause: 'Pause',
  resume: 'Resume',
  duplicate: 'Duplicate',
  archive: 'Archive',
  confirmArchive: (name: string) =>
    `Archive "${name}"? Nobody new enters; customers already in it carry on. An archived journey cannot be edited.`,
  newTitle: 'New journey',
  newName: 'Name of the new journey',
  create: 'Create and open',
  duplicated: (name: string) => `Created "${name}" as a draft.`,
} as const satisfies Record<string, unknown>;

type Action = 'pause' | 'resume' | 'archive' | 'duplicate';

const ACTIONS_BY_STATUS: Record<JourneyStatus, Action[]> = {
  draft: ['duplicate', 'archive'],
  live: ['pause', 'duplicate', 'archive'],
  paused: ['resume', 'duplicate', 'archive'],
  archived: ['duplicate'],
};

/** A new journey starts with a trigger and an exit, so the canvas has something to build on. */
const starterJourney = (name: string) => ({
  name,
  nodes: [
    { id: 'start', kind: 'event-trigger', config: { event: 'Order Completed' }, position: { x: 0, y: 0 } },
    { id: 'done', kind: 'exit', config: {}, position: { x: 300, y: 0 } },
  ],
  edges: [{ from: 'start', output: 'next', to: 'done' }],
});

/** Every journey of the workspace with its status and what can be done with it (by a role that may change it). */
export const JourneyList = () => {
  // One rule for all of them: the role table treats every journey change alike.
  const canChange = useCan('POST', '/journeys');
  const journeys = useLoad(() => screensApi.journeys(), 'journeys');
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newName, setNewName] = useState('');

  const act = async (journey: JourneySummary, action: Action) => {
    if (action === 'archive' && !window.confirm(TEXT.confirmArchive(journey.name))) return;
    setBusy(journey.id);
    setError(null);
    setNotice(null);
    try {
      if (action === 'duplicate') {
        const copy = await screensApi.duplicate(journey.id);
        setNotice(TEXT.duplicated(copy.name));
      } else {
        await screensApi.changeStatus(journey.id, action);
      }
      journeys.reload();
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(null);
    }
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const created = await screensApi.createJourney(starterJourney(newName.trim()));
      go({ screen: 'journey', journeyId: created.id });
    } catch (caught) {
      setError((caught as Error).message);
    }
  };

  return (
    <>
      <h1>{TEXT.title}</h1>
      <ReadOnlyNote method="POST" path="/journeys" />
      <ErrorNote message={error} />
      <p role="status">{notice}</p>
      {!journeys.data && <Pending error={journeys.error} label={TEXT.loading} />}
      {journeys.data?.length === 0 && <p>{canChange ? TEXT.empty : TEXT.emptyReadOnly}</p>}
      {journeys.data && journeys.data.length > 0 && (
        <table className="journey-table">
          <thead>
            <tr>
              <th scope="col">{TEXT.name}</th>
              <th scope="col">{TEXT.status}</th>
              <th scope="col">{TEXT.version}</th>
              <th scope="col">{TEXT.changed}</th>
              <th scope="col">{TEXT.actions}</th>
            </tr>
          </thead>
          <tbody>
            {journeys.data.map((journey) => (
              <tr key={journey.id} data-testid={`journey-row-${journey.id}`}>
                <td>
                  {/* A button, as before: the canvas tests open a journey by its name's button. */}
                  <button
                    id={`journey-name-${journey.id}`}
                    type="button"
                    className="button button--link"
                    onClick={() => go({ screen: 'journey', journeyId: journey.id })}
                  >
                    {journey.name}
                  </button>
                </td>
                <td>
                  <span className={`status-pill status-pill--${journey.status}`}>
                    {TEXT.statusLabel[journey.status]}
                  </span>
                </td>
                <td>{journey.latestVersion ?? '—'}</td>
                <td>{new Date(journey.updatedAt).toLocaleString()}</td>
                <td>
                  <div className="row-actions">
                    <a href={hashOf({ screen: 'journey-settings', journeyId: journey.id })}>{TEXT.settings}</a>
                    <a href={hashOf({ screen: 'journey-versions', journeyId: journey.id, version: null })}>
                      {TEXT.versions}
                    </a>
                    {canChange && journey.status !== 'archived' && (
                      <a href={hashOf({ screen: 'journey-publish', journeyId: journey.id })}>{TEXT.publish}</a>
                    )}
                    {journey.latestVersion !== null && (
                      <a href={hashOf({ screen: 'journey-live', journeyId: journey.id })}>{TEXT.live}</a>
                    )}
                    {(canChange ? ACTIONS_BY_STATUS[journey.status] : []).map((action) => (
                      <button
                        key={action}
                        type="button"
                        className="button"
                        disabled={busy === journey.id}
                        onClick={() => void act(journey, action)}
                        // Described by the journey's name, not labelled with it: "Archive" stays the button's name.
                        aria-describedby={`journey-name-${journey.id}`}
                      >
                        {TEXT[action]}
                      </button>
                    ))}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canChange && (
        <form onSubmit={(event) => void create(event)}>
          <h2>{TEXT.newTitle}</h2>
          <label htmlFor="new-journey-name">{TEXT.newName}</label>{' '}
          <input
            id="new-journey-name"
            type="text"
            required
            maxLength={200}
            value={newName}
            onChange={(event) => setNewName(event.target.value)}
          />{' '}
          <button type="submit" className="button button--primary" disabled={newName.trim() === ''}>
            {TEXT.create}
          </button>
        </form>
      )}
    </>
  );
};
