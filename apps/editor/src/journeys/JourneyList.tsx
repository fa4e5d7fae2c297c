import { useEffect, useState } from 'react';
import { api, type JourneySummary } from '../api/api-client';

const formatDate = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
};

/** Every journey of the workspace; opening one goes to the editor. */
export const JourneyList = ({ onOpen }: { onOpen(id: string): void }) => {
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.listJourneys().then(
      (list) => !cancelled && setJourneys(list),
      (caught: Error) => !cancelled && setError(caught.message),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <main className="page">
      <h1>Journeys</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!journeys && !error && <p aria-busy="true">Loading journeys…</p>}
      {journeys?.length === 0 && <p>No journeys yet. Create one through the API.</p>}
      {journeys && journeys.length > 0 && (
        <table className="journey-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Published version</th>
              <th scope="col">Last changed</th>
            </tr>
          </thead>
          <tbody>
            {journeys.map((journey) => (
              <tr key={journey.id}>
                <td>
                  <button type="button" className="button button--link" onClick={() => onOpen(journey.id)}>
                    {journey.name}
                  </button>
                </td>
                <td>
                  <span className={`status-pill status-pill--${journey.status}`}>{journey.status}</span>
                </td>
                <td>{journey.latestVersion ?? '—'}</td>
                <td>{formatDate(journey.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
};
