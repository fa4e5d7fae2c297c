import type { MessageKey, MessageParams } from '@rapport/messages';
import { useT } from '../../i18n';
import type { ImportKind } from './imports-api';

// The columns each import accepts, as docs/api.md "Imports" lists them; column names, formats and examples are
// parameters, so they read the same in every language.
const COLUMNS = {
  customers: {
    required: ['user_id'],
    optional: ['email', 'phone', 'time_zone', 'locale', 'email_consent', 'sms_consent'],
    notes: [
      { key: 'screens.imports.help.customers.attributes' },
      {
        key: 'screens.imports.help.customers.formats',
        params: { phoneFormat: 'E.164', phoneExample: '+4915…', zoneExample: 'Europe/Berlin' },
      },
      { key: 'screens.imports.help.customers.same-user', params: { column: 'user_id' } },
    ],
  },
  orders: {
    required: ['order_id', 'user_id', 'timestamp', 'product_id'],
    optional: ['total', 'currency', 'sku', 'name', 'category', 'quantity', 'price', 'refill_days'],
    notes: [
      { key: 'screens.imports.help.orders.lines', params: { column: 'user_id' } },
      { key: 'screens.imports.help.orders.event', params: { event: 'Order Completed', format: 'ISO 8601' } },
      { key: 'screens.imports.help.orders.bad-line' },
    ],
  },
} as const satisfies Record<
  ImportKind,
  {
    required: readonly string[];
    optional: readonly string[];
    notes: readonly { key: MessageKey; params?: MessageParams }[];
  }
>;

const Columns = ({ names }: { names: readonly string[] }) => (
  <>
    {names.map((name, index) => (
      <span key={name}>
        {index > 0 && ', '}
        <code>{name}</code>
      </span>
    ))}
  </>
);

/** Which columns the chosen import reads, and how. */
export const ImportHelp = ({ kind }: { kind: ImportKind }) => {
  const t = useT();
  const notes: readonly { key: MessageKey; params?: MessageParams }[] = COLUMNS[kind].notes;
  return (
    <section className="import-help" aria-labelledby="import-help-title" data-testid="import-help">
      <h2 id="import-help-title">{t('screens.imports.help.title')}</h2>
      <p className="hint">{t('screens.imports.help.header', { encoding: 'UTF-8' })}</p>
      <p>
        {t('screens.imports.help.required')} <Columns names={COLUMNS[kind].required} />
      </p>
      <p>
        {t('screens.imports.help.optional')} <Columns names={COLUMNS[kind].optional} />
      </p>
      <ul className="hint">
        {notes.map((note) => (
          <li key={note.key}>{t(note.key, note.params)}</li>
        ))}
      </ul>
    </section>
  );
};
