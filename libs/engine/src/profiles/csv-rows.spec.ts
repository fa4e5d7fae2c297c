import { translate } from '@rapport/messages';
import type { AttributeType } from './attribute-types';
import { checkHeader, customerRow, orderRow } from './csv-rows';
import { ProfileInputError } from './profile-patch';

const CUSTOMERS = ['user_id', 'email', 'phone', 'time_zone', 'locale', 'sms_consent', 'points'];
const ORDERS = ['order_id', 'user_id', 'timestamp', 'product_id', 'currency', 'quantity', 'refill_days', 'price'];
const TYPES = new Map<string, AttributeType>([['points', 'number']]);

/** The errors of one row, without the English rendering (checked separately). */
const whyNot = (result: ReturnType<typeof customerRow> | ReturnType<typeof orderRow>) =>
  result.ok ? [] : result.errors.map(({ column, code, params }) => ({ column, code, params }));

const headerIssues = (kind: 'customers' | 'orders', header: string[]) => {
  try {
    checkHeader(kind, header);
  } catch (error) {
    if (error instanceof ProfileInputError) return error.issues;
    throw error;
  }
  return [];
};

describe('CSV rows', () => {
  it.each([
    ['a missing user id', { user_id: '' }, [{ column: 'user_id', code: 'import.cell.required', params: {} }]],
    [
      'an email without a domain',
      { email: 'NOT-AN-EMAIL' },
      [{ column: 'email', code: 'import.cell.email', params: { value: 'not-an-email' } }],
    ],
    [
      'a local phone number',
      { phone: '0612345678' },
      [{ column: 'phone', code: 'import.cell.phone', params: { value: '0612345678' } }],
    ],
    [
      'an unknown time zone',
      { time_zone: 'Mars/Base' },
      [{ column: 'time_zone', code: 'import.cell.time-zone', params: { value: 'Mars/Base' } }],
    ],
    [
      'a malformed locale',
      { locale: 'english please' },
      [{ column: 'locale', code: 'import.cell.locale', params: { value: 'english please' } }],
    ],
    [
      'a consent that is not yes or no',
      { sms_consent: 'maybe' },
      [{ column: 'sms_consent', code: 'field.value.not-boolean', params: { value: 'maybe' } }],
    ],
    [
      'a number attribute holding a word',
      { points: 'ten' },
      [{ column: 'points', code: 'field.value.not-number', params: { value: 'ten' } }],
    ],
  ])('should name the column, key and value when a customers row has %s', (_, cells, expected) => {
    const values: Record<string, string> = { user_id: 'c1', ...cells };
    const row = { line: 2, cells: CUSTOMERS.map((column) => values[column] ?? '') };

    expect(whyNot(customerRow(CUSTOMERS, row, TYPES))).toEqual(expected);
  });

  it.each([
    [
      'a time that is not ISO 8601',
      { timestamp: 'yesterday' },
      [{ column: 'timestamp', code: 'import.cell.timestamp', params: { value: 'yesterday' } }],
    ],
    [
      'a currency that is not three letters',
      { currency: 'euro' },
      [{ column: 'currency', code: 'import.cell.currency', params: { value: 'EURO' } }],
    ],
    ['a quantity of zero', { quantity: '0' }, [{ column: 'quantity', code: 'import.cell.quantity', params: {} }]],
    [
      'refill days in halves',
      { refill_days: '2.5' },
      [{ column: 'refill_days', code: 'import.cell.refill-days', params: {} }],
    ],
    [
      'a price that is not a number',
      { price: '9,50' },
      [{ column: 'price', code: 'field.value.not-number', params: { value: '9,50' } }],
    ],
    ['no product', { product_id: '' }, [{ column: 'product_id', code: 'import.cell.required', params: {} }]],
  ])('should name the column, key and value when an order line has %s', (_, cells, expected) => {
    const values: Record<string, string> = {
      order_id: 'o1',
      user_id: 'c1',
      timestamp: '2026-03-01T10:15:00Z',
      product_id: 'p1',
      ...cells,
    };
    const row = { line: 4, cells: ORDERS.map((column) => values[column] ?? '') };

    expect(whyNot(orderRow(ORDERS, row))).toEqual(expected);
  });

  it('should report a row with the wrong number of cells as a whole-row error with both counts', () => {
    const result = orderRow(ORDERS, { line: 7, cells: ['o1', 'c1', '2026-03-01T10:15:00Z'] });

    expect(result).toEqual({
      ok: false,
      errors: [
        {
          row: 7,
          column: null,
          code: 'import.row.cell-count',
          params: { cells: 3, columns: 8 },
          message: 'has 3 cells; the header has 8 columns',
        },
      ],
    });
  });

  it('should store the English rendering beside the key, and word the same error in Chinese from its params', () => {
    const result = customerRow(CUSTOMERS, { line: 3, cells: ['c1', '', '', '', '', '', 'ten'] }, TYPES);
    const [error] = result.ok ? [] : result.errors;

    expect(error?.message).toBe('"ten" is not a number');
    expect(translate('zh-CN', 'field.value.not-number', error?.params)).toBe('“ten” 不是数字');
  });

  it('should quote only the start of a very long cell', () => {
    const long = 'x'.repeat(5000);
    const result = customerRow(CUSTOMERS, { line: 2, cells: ['c1', '', '', '', '', '', long] }, TYPES);
    const [error] = result.ok ? [] : result.errors;

    expect(String(error?.params['value'])).toHaveLength(200);
    expect(error?.message.length).toBeLessThan(250);
  });

  it('should refuse a customers header by key: a missing user_id, a name that cannot be an attribute, a computed one', () => {
    expect(headerIssues('customers', ['email', 'first name', 'orders_count', 'email'])).toEqual([
      { path: ['columns', 'user_id'], key: 'field.import.column-required', params: {} },
      {
        path: ['columns', 'first name'],
        key: 'field.attribute.declared-name-format',
        params: expect.objectContaining({ message: 'field.attribute.declared-name-format' }),
      },
      {
        path: ['columns', 'orders_count'],
        key: 'field.attribute.computed-name',
        params: expect.objectContaining({ message: 'field.attribute.computed-name' }),
      },
      { path: ['columns', 'email'], key: 'field.import.column-twice', params: {} },
    ]);
  });

  it('should refuse an orders header naming a column orders do not have, listing the ones they do', () => {
    expect(headerIssues('orders', ['order_id', 'user_id', 'timestamp', 'product_id', 'colour'])).toEqual([
      {
        path: ['columns', 'colour'],
        key: 'field.import.order-column',
        params: { columns: expect.stringContaining('order_id, user_id, timestamp') },
      },
    ]);
  });
});
