import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';

const HEADER = 'user_id,email,time_zone,locale,email_consent,first_name,loyalty_points\n';

/** One customer per line, generated as the upload goes: the file is never in the bench's memory either. */
const csvLines = function* (rows: number): Generator<string> {
  yield HEADER;
  const chunk: string[] = [];
  for (let i = 0; i < rows; i += 1) {
    chunk.push(`imp-${i},imp-${i}@example.com,Europe/Paris,fr-FR,true,Imported,${i % 500}\n`);
    if (chunk.length === 1000) yield chunk.splice(0).join('');
  }
  if (chunk.length > 0) yield chunk.join('');
};

/** Streams the file to `POST /api/imports/customers`, then waits until the import says it is done. */
export const importCustomers = async (baseUrl: string, apiKey: string, rows: number) => {
  const started = process.hrtime.bigint();
  const response = await fetch(`${baseUrl}/api/imports/customers`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', authorization: `Bearer ${apiKey}` },
    body: Readable.toWeb(Readable.from(csvLines(rows))) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (response.status !== 202) throw new Error(`import answered ${response.status}: ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  for (;;) {
    const progress = (await (
      await fetch(`${baseUrl}/api/imports/${id}`, { headers: { authorization: `Bearer ${apiKey}` } })
    ).json()) as { status: string; imported: number; failed: number; error: string | null };
    if (progress.status !== 'running') {
      if (progress.status !== 'completed' || progress.imported !== rows)
        throw new Error(`import ended ${progress.status}: ${JSON.stringify(progress)}`);
      return { seconds: Number(process.hrtime.bigint() - started) / 1e9 };
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

/** The floor: the same customers as multi-row INSERTs of 500 into a copy of the customers table. */
export const insertCustomersBare = async (db: DataSource, workspaceId: string, rows: number) => {
  await db.query('CREATE TABLE bench_customers (LIKE customers INCLUDING DEFAULTS INCLUDING INDEXES)');
  const started = process.hrtime.bigint();
  for (let from = 0; from < rows; from += 500) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = from; i < Math.min(rows, from + 500); i += 1) {
      const at = values.length;
      values.push(workspaceId, `imp-${i}`, `imp-${i}@example.com`, 'Europe/Paris', 'fr-FR');
      values.push(JSON.stringify({ first_name: 'Imported', loyalty_points: i % 500 }));
      tuples.push(
        `(gen_random_uuid(), $${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, now(), now())`,
      );
    }
    await db.query(
      `INSERT INTO bench_customers (id, workspace_id, external_id, email, time_zone, locale, attributes, created_at, updated_at)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  }
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9 };
};
