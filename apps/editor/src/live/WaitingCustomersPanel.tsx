import { useEffect, useState } from 'react';
import { request } from '../api/api-client';
import { hashOf } from '../screens/route-paths';
import type { WaitingCustomer } from '../screens/screens-api';
import { useFormat, useT, type Translate } from '../i18n';
import './live.css';

export type { WaitingCustomer };

const LIMIT = 20;

/** When the engine moves a customer on, in the marketer's language and date format. */
const movesOn = (customer: WaitingCustomer, t: Translate, when: (iso: string | null) => string): string => {
  if (customer.status === 'active') return t('live.waiting.now');
  if (customer.wakeAt && customer.listeningFor)
    return t('live.waiting.or-event', { when: when(customer.wakeAt), event: customer.listeningFor });
  if (customer.listeningFor) return t('live.waiting.on-event', { event: customer.listeningFor });
  return when(customer.wakeAt);
};

/**
 * The customers at one step now, the next to move on first, with when the engine moves them on (the wake time
 * stored with their enrollment), each linking to their page. `refreshKey` (the step's live count) reloads the list
 * when it changes.
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
  const t = useT();
  const format = useFormat();
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : '—');
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
    <section
      className="waiting-panel"
      aria-label={t('live.waiting.title', { step: stepTitle })}
      data-testid="waiting-panel"
    >
      <header className="waiting-panel__header">
        <h2>{t('live.waiting.title', { step: stepTitle })}</h2>
        <button type="button" className="button" onClick={onClose}>
          {t('live.waiting.close')}
        </button>
      </header>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!state && !error && <p aria-busy="true">{t('live.waiting.loading')}</p>}
      {state?.total === 0 && <p>{t('live.waiting.none')}</p>}
      {state && state.customers.length > 0 && (
        <>
          <table className="waiting-panel__table">
            <thead>
              <tr>
                <th scope="col">{t('live.waiting.customer')}</th>
                <th scope="col">{t('live.waiting.since')}</th>
                <th scope="col">{t('live.waiting.moves')}</th>
                <th scope="col">{t('live.waiting.version')}</th>
              </tr>
            </thead>
            <tbody>
              {state.customers.map((customer) => (
                <tr key={customer.enrollmentId}>
                  <td>
                    <a href={hashOf({ screen: 'customers', customerId: customer.customerId })}>
                      {customer.email ?? customer.externalId ?? customer.customerId}
                    </a>
                  </td>
                  <td>{when(customer.since)}</td>
                  <td data-testid="moves-on">{movesOn(customer, t, when)}</td>
                  <td>{customer.version}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {state.total > state.customers.length && (
            <p>{t('live.waiting.more', { shown: state.customers.length, total: state.total })}</p>
          )}
        </>
      )}
    </section>
  );
};
