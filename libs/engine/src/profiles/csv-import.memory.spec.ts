import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import { AttributeDefinitionRepository, ImportRepository, type TestDatabase } from '@rapport/persistence';
import type { Engine } from '../engine';
import { startTestEngine } from '../testing/test-engine';
import { CsvImportService, IMPORT_BATCH_ROWS } from './csv-import.service';

const ROWS = Number(process.env['IMPORT_MEMORY_ROWS'] ?? 12_000);
const NOW = new Date('2026-09-01T08:00:00Z');
// Every row carries this much text, so a file held in memory would show: ROWS x ~850 bytes (10 MB at 12k rows).
const NOTE = 'n'.repeat(800);
const ROW_BYTES = 850;

// A full collection before each reading, so what is measured is what the import keeps, not garbage not yet swept.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const retainedHeap = (): number => {
  collect();
  return process.memoryUsage().heapUsed;
};

/** A CSV file produced line by line as it is read (the test never holds it either), counting what it gave. */
const generatedFile = (rows: number) => {
  const counter = { produced: 0 };
  const stream = Readable.from(
    (function* () {
      yield 'user_id,email,loyalty_points,note\n';
      for (let i = 0; i < rows; i += 1) {
        counter.produced = i + 1;
        yield `m${i},m${i}@example.com,${i % 2000},${NOTE}\n`;
      }
    })(),
  );
  return { stream, counter };
};

describe('CSV import memory', () => {
  let db: TestDatabase;
  let engine: Engine;
  let workspaceId: string;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ db, engine, workspaceId, stop } = await startTestEngine({
      label: 'csv_memory',
      workspace: { name: 'Big shop', now: NOW },
    }));
    await new AttributeDefinitionRepository(db.dataSource.manager).save(
      workspaceId,
      { name: 'loyalty_points', type: 'number', label: null },
      NOW,
    );
  });

  afterAll(() => stop?.());

  it(`should import ${ROWS} streamed rows with the heap staying bounded and every row landing`, async () => {
    const sut = new CsvImportService(
      engine.db,
      engine.clock,
      engine.tracking,
      engine.profiles,
      pino({ level: 'silent' }),
    );
    const baseline = retainedHeap();
    let peak = baseline;
    let furthestAhead = 0;
    const file = generatedFile(ROWS);
    const imports = new ImportRepository(db.dataSource.manager);

    const started = await sut.start(workspaceId, 'customers', file.stream);
    // While it runs: how far the file was read ahead of the rows written, and what the heap keeps.
    const sampler = setInterval(() => {
      void imports.find(workspaceId, started.record.id).then((record) => {
        furthestAhead = Math.max(furthestAhead, file.counter.produced - (record?.rowsRead ?? 0));
      });
      peak = Math.max(peak, retainedHeap());
    }, 250);
    const done = await started.done;
    clearInterval(sampler);
    expect(done).toMatchObject({ status: 'completed', rowsRead: ROWS, imported: ROWS, failed: 0 });
    const [{ count }] = await db.dataSource.query(
      'SELECT count(*)::int AS count FROM customers WHERE workspace_id = $1',
      [workspaceId],
    );
    expect(count).toBe(ROWS);
    if (process.env['IMPORT_MEMORY_LOG']) console.log({ furthestAhead, growthMb: (peak - baseline) / 1048576 });
    // Reading waits for writing: never more than a few batches of the file are read ahead.
    expect({ furthestAhead, bounded: furthestAhead <= 4 * IMPORT_BATCH_ROWS }).toEqual({
      furthestAhead,
      bounded: true,
    });
    // A batch of rows and the parser's buffers stay; the file (ROWS x 850 bytes) does not.
    const growthMb = Math.round((peak - baseline) / 1024 / 1024);
    const fileMb = Math.round((ROWS * ROW_BYTES) / 1024 / 1024);
    expect({ fileMb, growthMb, bounded: growthMb < Math.max(4, fileMb / 3) }).toEqual({
      fileMb,
      growthMb,
      bounded: true,
    });
  }, 240_000);
});
