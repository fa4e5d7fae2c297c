import { useState, type FormEvent } from 'react';
import type { JourneyStatus, JourneySummary } from '../api/api-client';
import { useCan } from '../auth/use-can';
import { useFormat, useT } from '../i18n';
import { ReadOnlyNote } from '../screens/access/ReadOnlyNote';
import { ErrorNote, Pending } from '../screens/ErrorNote';
import { go, hashOf } from '../screens/route-paths';
import { screensApi } from '../screens/screens-api';
import { useLoad } from '../screens/use-load';

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
  const t = useT();
  const format = useFormat();
  const canChange = useCan('POST', '/journeys');
  const journeys = useLoad(() => screensApi.journeys(), 'journeys');
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [newName, setNewName] = useState('');

  const act = async (journey: JourneySummary, action: Action) => {
    if (action === 'archive' && !window.confirm(t('journeys.confirm-archive', { name: journey.name }))) return;
    setBusy(journey.id);
    setError(null);
    setNotice(null);
    try {
      if (action === 'duplicate') {
        const copy = await screensApi.duplicate(journey.id);
        setNotice(t('journeys.duplicated', { name: copy.name }));
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
      <h1>{t('journeys.title')}</h1>
      <ReadOnlyNote method="POST" path="/journeys" />
      <ErrorNote message={error} />
      <p role="status">{notice}</p>
      {!journeys.data && <Pending error={journeys.error} label={t('journeys.loading')} />}
      {journeys.data?.length === 0 && <p>{canChange ? t('journeys.empty') : t('journeys.empty-read-only')}</p>}
      {journeys.data && journeys.data.length > 0 && (
        <table className="journey-table">
          <thead>
            <tr>
              <th scope="col">{t('journeys.name')}</th>
              <th scope="col">{t('journeys.status')}</th>
              <th scope="col">{t('journeys.version')}</th>
              <th scope="col">{t('journeys.changed')}</th>
              <th scope="col">{t('journeys.actions')}</th>
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
                    {t(`journeys.status.${journey.status}`)}
                  </span>
                </td>
                <td>{journey.latestVersion ?? '—'}</td>
                <td>{format.dateTime(journey.updatedAt)}</td>
                <td>
                  <div className="row-actions">
                    <a href={hashOf({ screen: 'journey-settings', journeyId: journey.id })}>{t('journeys.settings')}</a>
                    <a href={hashOf({ screen: 'journey-versions', journeyId: journey.id, version: null })}>
                      {t('journeys.versions')}
                    </a>
                    {canChange && journey.status !== 'archived' && (
                      <a href={hashOf({ screen: 'journey-publish', journeyId: journey.id })}>{t('journeys.publish')}</a>
                    )}
                    {journey.latestVersion !== null && (
                      <a href={hashOf({ screen: 'journey-live', journeyId: journey.id })}>{t('journeys.live')}</a>
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
                        {t(`journeys.${action}`)}
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
          <h2>{t('journeys.new-title')}</h2>
          <label htmlFor="new-journey-name">{t('journeys.new-name')}</label>{' '}
          <input
            id="new-journey-name"
            type="text"
            required
            maxLength={200}
            value={newName}
            onChange={(event) => setNewName(event.target.value)}
          />{' '}
          <button type="submit" className="button button--primary" disabled={newName.trim() === ''}>
            {t('journeys.create')}
          </button>
        </form>
      )}
    </>
  );
};
