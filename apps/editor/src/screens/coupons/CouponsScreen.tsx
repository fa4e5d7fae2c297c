import { useState, type FormEvent } from 'react';
import { useCan } from '../../auth/use-can';
import { ReadOnlyNote } from '../access/ReadOnlyNote';
import { ErrorNote, Pending } from '../ErrorNote';
import { screensApi, type CouponPool, type NewCouponPool } from '../screens-api';
import { useLoad } from '../use-load';

const TEXT = {
  title: 'Coupon pools',
  loading: 'Loading coupon pools…',
  empty: 'No coupon pools yet.',
  key: 'Key',
  name: 'Name',
  remaining: 'Remaining',
  expiry: 'Expiry',
  warning: { low: 'running low', empty: 'empty: journeys stop at the coupon step' },
  validDays: (days: number) => `${days} days after issue`,
  until: (date: string) => `until ${new Date(date).toLocaleDateString()}`,
  of: (remaining: number, total: number) => `${remaining} of ${total}`,
  newTitle: 'New coupon pool',
  newKey: 'Key (lowercase letters, digits, - or _)',
  newName: 'Name',
  source: 'Codes',
  generated: 'Generate unique codes',
  imported: 'Import codes from a CSV',
  count: 'How many codes',
  prefix: 'Prefix (optional, capital letters or digits)',
  days: 'Valid for (days after issue)',
  lowAt: 'Warn when this many are left',
  csv: 'CSV (first column is the code; a "code" header is skipped)',
  create: 'Create pool',
  created: (name: string, added: number | null) =>
    added === null ? `Created "${name}".` : `Created "${name}" with ${added} codes.`,
  importMore: (name: string) => `Add codes to ${name}`,
  imported_: (added: number, duplicates: number) => `Added ${added} codes (${duplicates} already there).`,
  addCodes: 'Add codes',
} as const;

const expiryOf = (pool: CouponPool) =>
  pool.validDays !== null ? TEXT.validDays(pool.validDays) : pool.expiresOn ? TEXT.until(pool.expiresOn) : '—';

/** Coupon pools with what remains and warnings; create one from generated codes or a CSV, add codes later. */
export const CouponsScreen = () => {
  const canChange = useCan('POST', '/coupon-pools');
  const pools = useLoad(() => screensApi.couponPools(), 'coupon-pools');
  const [form, setForm] = useState({
    key: '',
    name: '',
    source: 'generated' as NewCouponPool['source'],
    count: '100',
    prefix: '',
    validDays: '30',
    lowWarningAt: '100',
    csv: '',
  });
  const [status, setStatus] = useState<{ note: string | null; error: string | null }>({ note: null, error: null });

  const set = (key: keyof typeof form) => (event: { target: { value: string } }) =>
    setForm({ ...form, [key]: event.target.value });

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setStatus({ note: null, error: null });
    try {
      const created = await screensApi.createCouponPool({
        key: form.key.trim(),
        name: form.name.trim(),
        source: form.source,
        prefix: form.prefix.trim() || null,
        validDays: Number(form.validDays),
        lowWarningAt: Number(form.lowWarningAt),
        ...(form.source === 'generated' ? { count: Number(form.count) } : {}),
      });
      let added: number | null = form.source === 'generated' ? Number(form.count) : null;
      if (form.source === 'imported' && form.csv.trim() !== '') {
        added = (await screensApi.importCodes(created.pool.key, form.csv)).added;
      }
      setStatus({ note: TEXT.created(created.pool.name, added), error: null });
      setForm({ ...form, key: '', name: '', csv: '' });
      pools.reload();
    } catch (caught) {
      setStatus({ note: null, error: (caught as Error).message });
    }
  };

  return (
    <>
      <h1>{TEXT.title}</h1>
      <ReadOnlyNote method="POST" path="/coupon-pools" />
      {!pools.data && <Pending error={pools.error} label={TEXT.loading} />}
      {pools.data?.length === 0 && <p>{TEXT.empty}</p>}
      {pools.data && pools.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{TEXT.key}</th>
              <th scope="col">{TEXT.name}</th>
              <th scope="col">{TEXT.remaining}</th>
              <th scope="col">{TEXT.expiry}</th>
              {canChange && <th scope="col">{TEXT.addCodes}</th>}
            </tr>
          </thead>
          <tbody>
            {pools.data.map((pool) => (
              <tr key={pool.id} data-testid={`pool-${pool.key}`}>
                <td>
                  <code>{pool.key}</code>
                </td>
                <td>{pool.name}</td>
                <td>
                  {TEXT.of(pool.remaining, pool.total)}{' '}
                  {pool.warning && <span className={`pill pill--${pool.warning}`}>{TEXT.warning[pool.warning]}</span>}
                </td>
                <td>{expiryOf(pool)}</td>
                {canChange && (
                  <td>
                    <AddCodes pool={pool} onAdded={pools.reload} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canChange && (
        <form onSubmit={(event) => void create(event)}>
          <h2>{TEXT.newTitle}</h2>
          <div className="form-grid">
            <label htmlFor="pool-key">{TEXT.newKey}</label>
            <input id="pool-key" type="text" required value={form.key} onChange={set('key')} />
            <label htmlFor="pool-name">{TEXT.newName}</label>
            <input id="pool-name" type="text" required value={form.name} onChange={set('name')} />
            <label htmlFor="pool-source">{TEXT.source}</label>
            <select id="pool-source" value={form.source} onChange={set('source')}>
              <option value="generated">{TEXT.generated}</option>
              <option value="imported">{TEXT.imported}</option>
            </select>
            {form.source === 'generated' ? (
              <>
                <label htmlFor="pool-count">{TEXT.count}</label>
                <input
                  id="pool-count"
                  type="number"
                  min={1}
                  max={100000}
                  required
                  value={form.count}
                  onChange={set('count')}
                />
                <label htmlFor="pool-prefix">{TEXT.prefix}</label>
                <input
                  id="pool-prefix"
                  type="text"
                  pattern="[A-Z0-9]{1,12}"
                  value={form.prefix}
                  onChange={set('prefix')}
                />
              </>
            ) : (
              <>
                <label htmlFor="pool-csv">{TEXT.csv}</label>
                <textarea id="pool-csv" rows={5} value={form.csv} onChange={set('csv')} />
              </>
            )}
            <label htmlFor="pool-days">{TEXT.days}</label>
            <input
              id="pool-days"
              type="number"
              min={1}
              max={3650}
              required
              value={form.validDays}
              onChange={set('validDays')}
            />
            <label htmlFor="pool-low">{TEXT.lowAt}</label>
            <input
              id="pool-low"
              type="number"
              min={0}
              required
              value={form.lowWarningAt}
              onChange={set('lowWarningAt')}
            />
          </div>
          <ErrorNote message={status.error} />
          <p role="status">{status.note && <span className="ok-note">{status.note}</span>}</p>
          <button type="submit" className="button button--primary">
            {TEXT.create}
          </button>
        </form>
      )}
    </>
  );
};

/** More codes for a pool from pasted CSV. */
const AddCodes = ({ pool, onAdded }: { pool: CouponPool; onAdded(): void }) => {
  const [csv, setCsv] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const id = `codes-${pool.key}`;
  return (
    <details>
      <summary>{TEXT.importMore(pool.name)}</summary>
      <label htmlFor={id}>{TEXT.csv}</label>
      <textarea id={id} rows={3} value={csv} onChange={(event) => setCsv(event.target.value)} />
      <button
        type="button"
        className="button"
        disabled={csv.trim() === ''}
        onClick={() =>
          void screensApi.importCodes(pool.key, csv).then(
            (result) => {
              setNote(TEXT.imported_(result.added, result.duplicates));
              setCsv('');
              onAdded();
            },
            (caught: Error) => setNote(caught.message),
          )
        }
      >
        {TEXT.addCodes}
      </button>
      <span role="status">{note}</span>
    </details>
  );
};
