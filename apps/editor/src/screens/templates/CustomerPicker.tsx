import { useEffect, useState } from 'react';
import { screensApi, type Customer } from '../screens-api';

const TEXT = {
  label: 'Preview for customer',
  placeholder: 'Search by email or id',
  results: 'Matching customers',
  none: 'No customer matches.',
  chosen: (who: string) => `Previewing for ${who}`,
} as const;

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
      <label htmlFor="preview-customer">{TEXT.label}</label>{' '}
      <input
        id="preview-customer"
        type="search"
        placeholder={TEXT.placeholder}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      {results && results.length === 0 && <p className="hint">{TEXT.none}</p>}
      {results && results.length > 0 && (
        <ul aria-label={TEXT.results}>
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
          {TEXT.chosen(customerName(chosen))}
        </p>
      )}
    </div>
  );
};
