import { useEffect, useState } from 'react';
import { screensApi, type Customer } from '../screens-api';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  label: 'screens.customer-picker.label',
  placeholder: 'screens.customer-picker.placeholder',
  results: 'screens.customer-picker.results',
  none: 'screens.customer-picker.none',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

const SEARCH_DELAY_MS = 250;

export const customerName = (customer: Customer) => customer.email ?? customer.externalId ?? customer.id;

/** A search box over the workspace's customers (email or external id); choosing one previews for them. */
export const CustomerPicker = ({
  chosen,
  onChoose,
}: {
  chosen: Customer | null;
  onChoose(customer: Customer): void;
}) => {
  const t = useT();
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Customer[] | null>(null);

  useEffect(() => {
    if (search.trim() === '') {
      setResults(null);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(() => {
      screensApi.customers(search.trim()).then(
        (found) => !cancelled && setResults(found),
        () => !cancelled && setResults([]),
      );
    }, SEARCH_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [search]);

  return (
    <div className="customer-picker">
      <label htmlFor="preview-customer">{t(TEXT.label)}</label>{' '}
      <input
        id="preview-customer"
        type="search"
        placeholder={t(TEXT.placeholder)}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {results && results.length === 0 && <p className="hint">{t(TEXT.none)}</p>}
      {results && results.length > 0 && (
        <ul aria-label={t(TEXT.results)}>
          {results
            .filter((customer) => customer.externalId)
            .map((customer) => (
              <li key={customer.id}>
                <button
                  type="button"
                  aria-pressed={chosen?.id === customer.id}
                  onClick={() => {
                    onChoose(customer);
                    setResults(null);
                  }}
                >
                  {customerName(customer)}
                  {customer.externalId && customer.email ? ` (${customer.externalId})` : ''}
                </button>
              </li>
            ))}
        </ul>
      )}
      {chosen && (
        <p className="hint" role="status">
          {t('screens.customer-picker.chosen', { who: customerName(chosen) })}
        </p>
      )}
    </div>
  );
};
