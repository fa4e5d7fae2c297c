import type { ImportKind } from './imports-api';

// The columns each import accepts, as docs/api.md "Imports" lists them.
const TEXT = {
  title: 'Columns',
  header: 'The first line names the columns (UTF-8, comma separated).',
  required: 'Required:',
  optional: 'Optional:',
  customers: {
    required: ['user_id'],
    optional: ['email', 'phone', 'time_zone', 'locale', 'email_consent', 'sms_consent'],
    notes: [
      'Any other column becomes an attribute of that name, read by its declared type (number, true/false, date).',
      'An empty cell changes nothing. Phone numbers in E.164 (+4915…), time zones like Europe/Berlin.',
      'Several rows for the same user_id add up in file order.',
    ],
  },
  orders: {
    required: ['order_id', 'user_id', 'timestamp', 'product_id'],
    optional: ['total', 'currency', 'sku', 'name', 'category', 'quantity', 'price', 'refill_days'],
    notes: [
      "One row per order line; an order's lines follow each other and name the same user_id.",
      'Each order becomes one "Order Completed" event at its timestamp (ISO 8601); importing it again adds nothing.',
      'An order with one bad line is not imported at all.',
    ],
  },
} as const;

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
export const ImportHelp = ({ kind }: { kind: ImportKind }) => (
  <section className="import-help" aria-labelledby="import-help-title" data-testid="import-help">
    <h2 id="import-help-title">{TEXT.title}</h2>
    <p className="hint">{TEXT.header}</p>
    <p>
      {TEXT.required} <Columns names={TEXT[kind].required} />
    </p>
    <p>
      {TEXT.optional} <Columns names={TEXT[kind].optional} />
    </p>
    <ul className="hint">
      {TEXT[kind].notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  </section>
);
