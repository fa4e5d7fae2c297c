import { useEffect, useState } from 'react';
import { request } from '../api/api-client';
import './live.css';

export type WaitingCustomer = {
  enrollmentId: string;
  customerId: string;
  externalId: string | null;
  email: string | null;
  version: number;
  status: 'active' | 'waiting';
  since: string | null;
  wakeAt: string | null;
  listeningFor: string | null;
};

const TEXT = {
  title: (step: string) => `Waiting at ${step}`,
  close: 'Close',
  loading: 'Loading customers…',
  none: 'Nobody is at this step right now.',
  more: (shown: number, total: number) => `Showing the next ${shown} of ${total}.`,
  customer: 'Customer',
  since: 'Here since',
  moves: 'Moves on',
  version: 'Version',
  now: 'now',
  orEvent: (event: string) => `or on "${event}"`,
  onEvent: (event: string) => `on "${event}"`,
} as const;

const LIMIT = 20;

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

const movesOn = (customer: WaitingCustomer): string => {
  if (customer.status === 'active') return TEXT.now;
  if (customer.wakeAt && customer.listeningFor)
    return `${when(customer.wakeAt)} ${TEXT.orEvent(customer.listeningFor)}`;
  if (customer.listeningFor) return TEXT.onEvent(customer.listeningFor);
  return when(customer.wakeAt);
};

/**
 * The customers at one step now, the next to move on first, with when the engine moves them on (the wake time
 * stored with their enrollment). `refreshKey` (the step's live count) reloads the list when it changes.
 */
export const WaitingCustomersPanel = ({
  journeyId,
  nodeId,
  stepTitle,
  refreshKey,
  onClose,
}: {
  journeyId: string;
  nodeId: string;
  stepTitle: string;
  refreshKey?: number;
  onClose(): void;
}) => {
  const [state, setState] = useState<{ total: number; customers: WaitingCustomer[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    request<{ total: number; customers: WaitingCustomer[] }>(
      'GET',
      `/journeys/${encodeURIComponent(journeyId)}/nodes/${encodeURIComponent(nodeId)}/waiting?limit=${LIMIT}`,
    ).then(
      (found) => !cancelled && (setState(found), setError(null)),
      (caught: Error) => !cancelled && setError(caught.message),
    );
    return () => {
      cancelled = true;
    };
  }, [journeyId, nodeId, refreshKey]);

  return (
    <section className="waiting-panel" aria-label={TEXT.title(stepTitle)} data-testid="waiting-panel">
      <header className="waiting-panel__header">
        <h2>{TEXT.title(stepTitle)}</h2>
        <button type="button" className="button" onClick={onClose}>
          {TEXT.close}
        </button>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!state && !error && <p aria-busy="true">{TEXT.loading}</p>}
      {state?.total === 0 && <p>{TEXT.none}</p>}
      {state && state.customers.length > 0 && (
        <>
          <table className="waiting-panel__table">
            <thead>
              <tr>
                <th scope="col">{TEXT.customer}</th>
                <th scope="col">{TEXT.since}</th>
                <th scope="col">{TEXT.moves}</th>
                <th scope="col">{TEXT.version}</th>
              </tr>
            </thead>
            <tbody>
              {state.customers.map((customer) => (
                <tr key={customer.enrollmentId}>
                  <td>{customer.email ?? customer.externalId ?? customer.customerId}</td>
                  <td>{when(customer.since)}</td>
                  <td data-testid="moves-on">{movesOn(customer)}</td>
                  <td>{customer.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.total > state.customers.length && <p>{TEXT.more(state.customers.length, state.total)}</p>}
        </>
      )}
    </section>
  );
};
