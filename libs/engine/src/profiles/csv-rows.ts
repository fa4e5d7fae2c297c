import { DateTime } from 'luxon';
import type { MessageKey, MessageParams } from '@rapport/messages';
import type { ImportRowError } from '@rapport/persistence';
import {
  attributeNameSchema,
  canonicalLocale,
  E164,
  isIanaZone,
  parseCell,
  type AttributeType,
} from './attribute-types';
import type { ImportedProfile } from './profile.service';
import { rowError } from './import-row-error';
import { ProfileInputError, profileIssueOf, type ProfileIssue } from './profile-patch';

/** A row as read: its line in the file (the header is line 1) and its cells. */
export type CsvRow = { line: number; cells: string[] };

type Cells = Record<string, string>;
type RowResult<T> = { ok: true; value: T } | { ok: false; errors: ImportRowError[] };

const CUSTOMER_COLUMNS = ['user_id', 'email', 'phone', 'time_zone', 'locale', 'email_consent', 'sms_consent'];
const ORDER_COLUMNS = [
  'order_id',
  'user_id',
  'timestamp',
  'total',
  'currency',
  'product_id',
  'sku',
  'name',
  'category',
  'quantity',
  'price',
  'refill_days',
];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The header, checked: names trimmed, required ones present, no duplicates, extra columns usable as attributes. */
export const checkHeader = (kind: 'customers' | 'orders', header: string[]): string[] => {
  const names = header.map((name) => name.trim());
  const problems: ProfileIssue[] = [];
  const problem = (column: string, key: MessageKey, params: MessageParams = {}) =>
    problems.push({ path: ['columns', column], key, params });
  const required = kind === 'customers' ? ['user_id'] : ['order_id', 'user_id', 'timestamp', 'product_id'];
  for (const column of required) {
    if (!names.includes(column)) problem(column, 'field.import.column-required');
  }
  names.forEach((name, index) => {
    if (names.indexOf(name) !== index) problem(name, 'field.import.column-twice');
    else if (kind === 'orders' && !ORDER_COLUMNS.includes(name))
      problem(name, 'field.import.order-column', { columns: ORDER_COLUMNS.join(', ') });
    else if (kind === 'customers' && !CUSTOMER_COLUMNS.includes(name)) {
      const attribute = attributeNameSchema.safeParse(name);
      const [first] = attribute.error?.issues ?? [];
      if (first) problems.push(profileIssueOf(first, ['columns', name]));
    }
  });
  if (problems.length > 0) throw ProfileInputError.of(`${kind} CSV header`, problems, 'csv-header');
  return names;
};

const cellsOf = (header: string[], row: CsvRow): RowResult<Cells> =>
  row.cells.length === header.length
    ? { ok: true, value: Object.fromEntries(header.map((name, index) => [name, row.cells[index] ?? ''])) }
    : {
        ok: false,
        errors: [
          rowError({
            row: row.line,
            column: null,
            key: 'import.row.cell-count',
            params: { cells: row.cells.length, columns: header.length },
          }),
        ],
      };

/** Reports a cell of `row` that cannot be imported: its column, and why as a catalog key with params. */
type Fail = (column: string, key: MessageKey, params?: MessageParams) => void;

const failOn =
  (row: CsvRow, errors: ImportRowError[]): Fail =>
  (column, key, params) =>
    errors.push(rowError({ row: row.line, column, key, params: params ?? {} }));

/** One customers row as a profile; cells that do not parse as their column's type are errors naming the column. */
export const customerRow = (
  header: string[],
  row: CsvRow,
  types: ReadonlyMap<string, AttributeType>,
): RowResult<ImportedProfile> => {
  const read = cellsOf(header, row);
  if (!read.ok) return read;
  const cells = read.value;
  const errors: ImportRowError[] = [];
  const fail = failOn(row, errors);
  const text = (column: string) => (cells[column] ?? '').trim();

  const userId = text('user_id');
  if (!userId) fail('user_id', 'import.cell.required');
  const email = text('email').toLowerCase();
  if (email && !EMAIL.test(email)) fail('email', 'import.cell.email', { value: email });
  const phone = text('phone');
  if (phone && !E164.test(phone)) fail('phone', 'import.cell.phone', { value: phone });
  const timeZone = text('time_zone');
  if (timeZone && !isIanaZone(timeZone)) fail('time_zone', 'import.cell.time-zone', { value: timeZone });
  const locale = text('locale') ? canonicalLocale(text('locale')) : null;
  if (text('locale') && !locale) fail('locale', 'import.cell.locale', { value: text('locale') });
  const consent: ImportedProfile['consent'] = [];
  for (const channel of ['email', 'sms'] as const) {
    const column = `${channel}_consent`;
    if (!text(column)) continue;
    const parsed = parseCell('boolean', text(column));
    if (parsed.ok) consent.push({ channel, granted: parsed.value as boolean });
    else fail(column, parsed.key, parsed.params);
  }
  const attributes: Record<string, unknown> = {};
  for (const column of header) {
    if (CUSTOMER_COLUMNS.includes(column) || text(column) === '') continue;
    const parsed = parseCell(types.get(column) ?? null, cells[column] ?? '');
    if (parsed.ok) attributes[column] = parsed.value;
    else fail(column, parsed.key, parsed.params);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      userId,
      changes: {
        email: email || null,
        phone: phone || null,
        timeZone: timeZone || null,
        locale,
        attributes,
      },
      consent,
    },
  };
};

/** One order line, as Segment's e-commerce spec names it. */
export type OrderLine = {
  orderId: string;
  userId: string;
  timestamp: string;
  total: number | null;
  currency: string | null;
  product: Record<string, unknown>;
};

const numberCell = (value: string, column: string, fail: Fail) => {
  if (!value) return null;
  const parsed = parseCell('number', value);
  if (parsed.ok) return parsed.value as number;
  fail(column, parsed.key, parsed.params);
  return null;
};

export const orderRow = (header: string[], row: CsvRow): RowResult<OrderLine> => {
  const read = cellsOf(header, row);
  if (!read.ok) return read;
  const cells = read.value;
  const errors: ImportRowError[] = [];
  const fail = failOn(row, errors);
  const text = (column: string) => (cells[column] ?? '').trim();

  for (const column of ['order_id', 'user_id', 'product_id']) if (!text(column)) fail(column, 'import.cell.required');
  const time = DateTime.fromISO(text('timestamp'), { setZone: true });
  if (!time.isValid) fail('timestamp', 'import.cell.timestamp', { value: text('timestamp') });
  const total = numberCell(text('total'), 'total', fail);
  const price = numberCell(text('price'), 'price', fail);
  const quantity = text('quantity') ? numberCell(text('quantity'), 'quantity', fail) : 1;
  if (quantity !== null && (!Number.isInteger(quantity) || quantity < 1)) fail('quantity', 'import.cell.quantity');
  const refillDays = numberCell(text('refill_days'), 'refill_days', fail);
  if (refillDays !== null && (!Number.isInteger(refillDays) || refillDays < 1))
    fail('refill_days', 'import.cell.refill-days');
  const currency = text('currency').toUpperCase();
  if (currency && !/^[A-Z]{3}$/.test(currency)) fail('currency', 'import.cell.currency', { value: currency });
  if (errors.length > 0) return { ok: false, errors };

  const productId = text('product_id');
  const optional = (column: string) => (text(column) ? { [column]: text(column) } : {});
  return {
    ok: true,
    value: {
      orderId: text('order_id'),
      userId: text('user_id'),
      timestamp: time.toUTC().toISO() as string,
      total,
      currency: currency || null,
      product: {
        product_id: productId,
        // The documented journeys match lines on `products.id`, like the shop webhooks write it.
        id: productId,
        ...optional('sku'),
        ...optional('name'),
        ...optional('category'),
        quantity: quantity ?? 1,
        ...(price !== null ? { price } : {}),
        ...(refillDays !== null ? { refill_days: refillDays } : {}),
      },
    },
  };
};
