import { useEffect, useState, type FormEvent } from 'react';
import type { MessageKey } from '@rapport/messages';
import { useFormat, useT } from '../../i18n';
import { Pending } from '../ErrorNote';
import { hashOf } from '../route-paths';
import { useLoad } from '../use-load';
import { customersApi, SEARCH_LIMIT, type ListedCustomer } from './customers-api';

const TEXT = {
  title: 'screens.customers.title',
  intro: 'screens.customers.intro',
  search: 'screens.customers.search',
  searchButton: 'screens.customers.search-button',
  searching: 'screens.customers.searching',
  recent: 'screens.customers.recent',
  results: 'screens.customers.results',
  noneYet: 'screens.customers.none-yet',
  email: 'screens.customers.email',
  externalId: 'screens.customers.external-id',
  updated: 'screens.customers.updated',
} as const satisfies Record<string, MessageKey>;

const SEARCH_DELAY_MS = 250;

// What was searched last, so coming back from a customer's page shows the same results.
let lastSearch = '';

/** The name a marketer knows a customer by: their email, else the shop's id for them, else Rapport's. */
export const customerName = (customer: Pick<ListedCustomer, 'id' | 'email' | 'externalId'>): string =>
  customer.email ?? customer.externalId ?? customer.id;

/** A search box over the workspace's customers (email or customer id) with the matches, each opening its page. */
export const CustomerSearch = () => {
  const t = useT();
  const format = useFormat();
  const [typed, setTyped] = useState(lastSearch);
  const [search, setSearch] = useState(lastSearch);
  // The answer keeps the search it is for, so the count never names a search still being typed.
  const found = useLoad(
    () => customersApi.search(search).then((answer) => ({ search, ...answer })),
    `search:${search}`,
  );

  // Typing searches after a short pause; Enter or the button searches at once.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  useEffect(() => {
    lastSearch = search;
  }, [search]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch(typed.trim());
  };

  const customers = found.data?.customers ?? [];
  const answered = found.data?.search ?? null;
  return (
    <>
      <h1>{t(TEXT.title)}</h1>
      <p>{t(TEXT.intro)}</p>
      <form role="search" className="customer-search" onSubmit={submit}>
        <label htmlFor="customer-search">{t(TEXT.search)}</label>
        <input
          id="customer-search"
          type="search"
          autoComplete="off"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
        />
        <button type="submit" className="button">
          {t(TEXT.searchButton)}
        </button>
      </form>
      {!found.data && <Pending error={found.error} label={t(TEXT.searching)} />}
      <div role="status" data-testid="customer-search-status">
        {answered !== null && answered !== '' && (
          <p>{t('screens.customers.found', { count: customers.length, search: answered })}</p>
        )}
        {answered === '' && customers.length === 0 && <p>{t(TEXT.noneYet)}</p>}
        {customers.length >= SEARCH_LIMIT && (
          <p className="hint">{t('screens.customers.more', { count: customers.length })}</p>
        )}
      </div>
      {customers.length > 0 && (
        <table className="customer-results">
          <caption>{answered === '' ? t(TEXT.recent) : t(TEXT.results)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(TEXT.email)}</th>
              <th scope="col">{t(TEXT.externalId)}</th>
              <th scope="col">{t(TEXT.updated)}</th>
            </tr>
          </thead>
          <tbody>
            {customers.map((customer) => (
              <tr key={customer.id}>
                <td>
                  <a href={hashOf({ screen: 'customers', customerId: customer.id })}>{customerName(customer)}</a>
                </td>
                <td>{customer.externalId ?? ''}</td>
                <td>{customer.updatedAt ? format.dateTime(customer.updatedAt, found.data?.timeZone) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
};
