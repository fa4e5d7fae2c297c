import { Readable } from 'node:stream';
import pino from 'pino';
import { AttributeDefinitionRepository, ImportRepository, type TestDatabase } from '@rapport/persistence';
import type { Engine } from '../engine';
import { startTestEngine } from '../testing/test-engine';
import { CsvImportService } from './csv-import.service';
import { ProfileInputError } from './profile-patch';

const NOW = new Date('2026-09-01T08:00:00Z');

describe('CSV imports', () => {
  let db: TestDatabase;
  let engine: Engine;
  let sut: CsvImportService;
  let workspaceId: string;
  let stop: () => Promise<void>;

  const run = async (kind: 'customers' | 'orders', csv: string) => {
    const started = await sut.start(workspaceId, kind, Readable.from([csv]));
    const done = await started.done;
    const errors = await new ImportRepository(db.dataSource.manager).errors(workspaceId, started.record.id, {
      afterId: 0,
      limit: 1000,
    });
    return {
      record: done,
      errors: errors.map(({ row, column, code, params, message }) => ({ row, column, code, params, message })),
    };
  };
  const customer = async (userId: string) =>
    (
      await db.dataSource.query(
        'SELECT id, email, time_zone, locale, attributes FROM customers WHERE workspace_id = $1 AND external_id = $2',
        [workspaceId, userId],
      )
    )[0];

  beforeAll(async () => {
    ({ db, engine, workspaceId, stop } = await startTestEngine({
      label: 'csv_import',
      workspace: { name: 'Import shop', now: NOW },
    }));
    sut = new CsvImportService(engine.db, engine.clock, engine.tracking, engine.profiles, pino({ level: 'silent' }));
    const definitions = new AttributeDefinitionRepository(db.dataSource.manager);
    await definitions.save(workspaceId, { name: 'loyalty_points', type: 'number', label: null }, NOW);
    await definitions.save(workspaceId, { name: 'birthday', type: 'date', label: null }, NOW);
    await definitions.save(workspaceId, { name: 'vip', type: 'boolean', label: null }, NOW);
  });

  afterAll(() => stop?.());

  it('should import good rows typed by the declared types and report each bad one with its line and column', async () => {
    const { record, errors } = await run(
      'customers',
      [
        'user_id,email,time_zone,locale,email_consent,loyalty_points,birthday,vip,first_name',
        'c1,ANA@example.com,Europe/Paris,fr-fr,yes,1200,1990-04-21,true,Ana',
        'c2,ben@example.com,Mars/Base,en-GB,,12,,,Ben',
        'c3,cleo@example.com,,,,"1,5",1990-13-01,maybe,Cleo',
        ',nobody@example.com,,,,,,,',
        'c4,dan@example.com,,,,007,,no,Dan',
        'c5,too,few',
      ].join('\n'),
    );

    expect(record).toMatchObject({ status: 'completed', rowsRead: 6, imported: 2, failed: 4 });
    // Stored as key and params (worded per reader by the API), with the English rendering beside them.
    expect(errors).toEqual([
      {
        row: 3,
        column: 'time_zone',
        code: 'import.cell.time-zone',
        params: { value: 'Mars/Base' },
        message: '"Mars/Base" is not an IANA time zone such as Europe/Paris',
      },
      {
        row: 4,
        column: 'loyalty_points',
        code: 'field.value.not-number',
        params: { value: '1,5' },
        message: '"1,5" is not a number',
      },
      {
        row: 4,
        column: 'birthday',
        code: 'field.value.not-date',
        params: { value: '1990-13-01' },
        message: '"1990-13-01" is not a date such as 1990-04-21',
      },
      {
        row: 4,
        column: 'vip',
        code: 'field.value.not-boolean',
        params: { value: 'maybe' },
        message: '"maybe" is not true or false (also yes/no, 1/0)',
      },
      { row: 5, column: 'user_id', code: 'import.cell.required', params: {}, message: 'is required' },
      {
        row: 7,
        column: null,
        code: 'import.row.cell-count',
        params: { cells: 3, columns: 9 },
        message: 'has 3 cells; the header has 9 columns',
      },
    ]);
    expect(await customer('c1')).toMatchObject({
      email: 'ana@example.com',
      time_zone: 'Europe/Paris',
      locale: 'fr-FR',
      attributes: { loyalty_points: 1200, birthday: '1990-04-21', vip: true, first_name: 'Ana' },
    });
    expect((await customer('c4')).attributes).toEqual({ loyalty_points: 7, vip: false, first_name: 'Dan' });
    expect(await customer('c2')).toBeUndefined();
    const consent = await db.dataSource.query(
      `SELECT c.channel, c.granted, c.source FROM consents c JOIN customers p ON p.id = c.customer_id
        WHERE p.external_id = 'c1'`,
    );
    expect(consent).toEqual([{ channel: 'email', granted: true, source: 'import' }]);
  });

  it('should refuse a header without user_id or with a column that cannot be an attribute, before recording anything', async () => {
    const error = await sut
      .start(workspaceId, 'customers', Readable.from(['email,first name,orders_count\na@b.co,A,1\n']))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProfileInputError);
    expect((error as ProfileInputError).issues.map((issue) => issue.path.join('.'))).toEqual([
      'columns.user_id',
      'columns.first name',
      'columns.orders_count',
    ]);
  });

  it('should group order lines into one Order Completed per order, and store nothing twice on a second import', async () => {
    const csv = [
      'order_id,user_id,timestamp,currency,product_id,sku,name,category,quantity,price',
      'o1,buyer,2026-03-01T10:15:00+01:00,eur,p1,SKU1,Mascara,makeup,2,9.5',
      'o1,buyer,2026-03-01T10:15:00+01:00,eur,p2,SKU2,Serum,care,1,20',
      'o2,buyer,2026-04-01T10:00:00Z,EUR,p1,SKU1,Mascara,makeup,1,9.5',
      'o3,buyer,yesterday,EUR,p1,SKU1,Mascara,makeup,1,9.5',
      'o3,buyer,2026-04-02T10:00:00Z,EUR,p2,SKU2,Serum,care,1,20',
      'o4,buyer,2026-04-03T10:00:00Z,EUR,p1,SKU1,Mascara,makeup,1,9.5',
      'o4,someone-else,2026-04-03T10:00:00Z,EUR,p2,SKU2,Serum,care,1,20',
    ].join('\n');

    const first = await run('orders', csv);
    const second = await run('orders', csv);

    expect(first.record).toMatchObject({ status: 'completed', rowsRead: 7, imported: 3, failed: 4, duplicates: 0 });
    expect(first.errors.map(({ row, column, code, params }) => ({ row, column, code, params }))).toEqual([
      { row: 5, column: 'timestamp', code: 'import.cell.timestamp', params: { value: 'yesterday' } },
      { row: 6, column: null, code: 'import.row.order-not-imported', params: { order: 'o3', line: 5 } },
      { row: 7, column: null, code: 'import.row.order-not-imported', params: { order: 'o4', line: 8 } },
      { row: 8, column: 'user_id', code: 'import.cell.other-customer', params: { userId: 'buyer' } },
    ]);
    expect(first.errors.map((error) => error.message)).toEqual([
      '"yesterday" is not an ISO 8601 time such as 2026-03-01T10:15:00Z',
      'order o3 not imported: line 5 of it has an error',
      'order o4 not imported: line 8 of it has an error',
      "differs from the order's first line (buyer)",
    ]);
    expect(second.record).toMatchObject({ imported: 3, duplicates: 2 });
    const events = await db.dataSource.query(
      `SELECT e.name, e.message_id, e.occurred_at, e.properties FROM events e
        WHERE e.workspace_id = $1 AND e.name = 'Order Completed' ORDER BY e.occurred_at`,
      [workspaceId],
    );
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      message_id: 'import:order:o1',
      occurred_at: new Date('2026-03-01T09:15:00Z'),
      properties: {
        order_id: 'o1',
        total: 39,
        currency: 'EUR',
        products: [
          { product_id: 'p1', id: 'p1', sku: 'SKU1', name: 'Mascara', category: 'makeup', quantity: 2, price: 9.5 },
          { product_id: 'p2', id: 'p2', sku: 'SKU2', name: 'Serum', category: 'care', quantity: 1, price: 20 },
        ],
      },
    });
  });

  it('should end failed with a worded reason when the upload breaks off after the header', async () => {
    const body = new Readable({ read: () => undefined });
    body.push('user_id,email\nbroken-1,broken-1@example.com\n');
    const started = await sut.start(workspaceId, 'customers', body);
    body.destroy(new Error('socket hang up'));

    expect(await started.done).toMatchObject({
      status: 'failed',
      error: 'the upload was interrupted',
      errorCode: 'import.failed.interrupted',
      errorParams: {},
    });
  });

  it('should report a record the CSV parser cannot read as an unreadable row, with its reason', async () => {
    const { record, errors } = await run('customers', 'user_id,email\nq1,q1@example.com\nq2,"q2@example.com\n');

    expect(record).toMatchObject({ status: 'completed', imported: 1, failed: 1 });
    expect(errors).toEqual([
      {
        row: 3,
        column: null,
        code: 'import.row.unreadable',
        params: { reason: 'quote-not-closed', detail: expect.stringContaining('Quote Not Closed') },
        message: 'is not valid CSV: a quoted cell is never closed',
      },
    ]);
  });
});
