import { useState, type FormEvent } from 'react';
import { useCan } from '../../auth/use-can';
import { ReadOnlyNote } from '../access/ReadOnlyNote';
import { ErrorNote, Pending } from '../ErrorNote';
import { screensApi, type CouponPool, type NewCouponPool } from '../screens-api';
import { useLoad } from '../use-load';
import { useT, type Translate } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  title: 'screens.coupons.title',
  loading: 'screens.coupons.loading',
  empty: 'screens.coupons.empty',
  key: 'screens.coupons.key',
  name: 'screens.coupons.name',
  remaining: 'screens.coupons.remaining',
  expiry: 'screens.coupons.expiry',
  warning: {
    low: 'screens.coupons.warning.low',
    empty: 'screens.coupons.warning.empty',
  },
  newTitle: 'screens.coupons.new-title',
  newKey: 'screens.coupons.new-key',
  newName: 'screens.coupons.new-name',
  source: 'screens.coupons.source',
  generated: 'screens.coupons.generated',
  imported: 'screens.coupons.imported',
  count: 'screens.coupons.count',
  prefix: 'screens.coupons.prefix',
  days: 'screens.coupons.days',
  lowAt: 'screens.coupons.low-at',
  csv: 'screens.coupons.csv',
  create: 'screens.coupons.create',
  addCodes: 'screens.coupons.add-codes',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

const expiryOf = (pool: CouponPool, t: Translate) =>
  pool.validDays !== null
    ? t('screens.coupons.valid-days', { days: pool.validDays })
    : pool.expiresOn
      ? t('screens.coupons.until', { date: pool.expiresOn })
      : '—';

/** Coupon pools with what remains and warnings; create one from generated codes or a CSV, add codes later. */
export const CouponsScreen = () => {
  const t = useT();
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
      setStatus({ note: t('screens.coupons.created', { name: created.pool.name, added }), error: null });
      setForm({ ...form, key: '', name: '', csv: '' });
      pools.reload();
    } catch (caught) {
      setStatus({ note: null, error: (caught as Error).message });
    }
  };

  return (
    <>
      <h1>{t(TEXT.title)}</h1>
      <ReadOnlyNote method="POST" path="/coupon-pools" />
      {!pools.data && <Pending error={pools.error} label={t(TEXT.loading)} />}
      {pools.data?.length === 0 && <p>{t(TEXT.empty)}</p>}
      {pools.data && pools.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t(TEXT.key)}</th>
              <th scope="col">{t(TEXT.name)}</th>
              <th scope="col">{t(TEXT.remaining)}</th>
              <th scope="col">{t(TEXT.expiry)}</th>
              {canChange && <th scope="col">{t(TEXT.addCodes)}</th>}
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
                  {t('screens.coupons.of', { remaining: pool.remaining, total: pool.total })}{' '}
                  {pool.warning && (
                    <span className={`pill pill--${pool.warning}`}>{t(TEXT.warning[pool.warning])}</span>
                  )}
                </td>
                <td>{expiryOf(pool, t)}</td>
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
          <h2>{t(TEXT.newTitle)}</h2>
          <div className="form-grid">
            <label htmlFor="pool-key">{t(TEXT.newKey)}</label>
            <input id="pool-key" type="text" required value={form.key} onChange={set('key')} />
            <label htmlFor="pool-name">{t(TEXT.newName)}</label>
            <input id="pool-name" type="text" required value={form.name} onChange={set('name')} />
            <label htmlFor="pool-source">{t(TEXT.source)}</label>
            <select id="pool-source" value={form.source} onChange={set('source')}>
              <option value="generated">{t(TEXT.generated)}</option>
              <option value="imported">{t(TEXT.imported)}</option>
            </select>
            {form.source === 'generated' ? (
              <>
                <label htmlFor="pool-count">{t(TEXT.count)}</label>
                <input
                  id="pool-count"
                  type="number"
                  min={1}
                  max={100000}
                  required
                  value={form.count}
                  onChange={set('count')}
                />
                <label htmlFor="pool-prefix">{t(TEXT.prefix)}</label>
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
                <label htmlFor="pool-csv">{t(TEXT.csv)}</label>
                <textarea id="pool-csv" rows={5} value={form.csv} onChange={set('csv')} />
              </>
            )}
            <label htmlFor="pool-days">{t(TEXT.days)}</label>
            <input
              id="pool-days"
              type="number"
              min={1}
              max={3650}
              required
              value={form.validDays}
              onChange={set('validDays')}
            />
            <label htmlFor="pool-low">{t(TEXT.lowAt)}</label>
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
            {t(TEXT.create)}
          </button>
        </form>
      )}
    </>
  );
};

/** More codes for a pool from pasted CSV. */
const AddCodes = ({ pool, onAdded }: { pool: CouponPool; onAdded(): void }) => {
  const t = useT();
  const [csv, setCsv] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const id = `codes-${pool.key}`;
  return (
    <details>
      <summary>{t('screens.coupons.import-more', { name: pool.name })}</summary>
      <label htmlFor={id}>{t(TEXT.csv)}</label>
      <textarea id={id} rows={3} value={csv} onChange={(event) => setCsv(event.target.value)} />
      <button
        type="button"
        className="button"
        disabled={csv.trim() === ''}
        onClick={() =>
          void screensApi.importCodes(pool.key, csv).then(
            (result) => {
              setNote(t('screens.coupons.added-codes', { added: result.added, duplicates: result.duplicates }));
              setCsv('');
              onAdded();
            },
            (caught: Error) => setNote(caught.message),
          )
        }
      >
        {t(TEXT.addCodes)}
      </button>
      <span role="status">{note}</span>
    </details>
  );
};
