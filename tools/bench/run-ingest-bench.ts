// npm run bench:ingest [-- --customers N --orders K --concurrency C --batch B]
// Ingestion throughput: Segment batches through the real API process (`POST /v1/batch`), stored and applied to
// profiles, against a bare multi-row INSERT of the same events in the same run. Not a test: it prints figures for
// docs/benchmarks.md. Needs the local Postgres and Redis (scripts/bench.sh).
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { createTestDatabase, WorkspaceRepository } from '@rapport/persistence';
import { ApiProcess, freePort } from './api-process';
import { formatIngestRuns, type IngestRun } from './ingest-report';
import { insertBare, orderHistory, postConcurrently } from './ingest-scenario';
import { postShopifyOrders, shopifyOrders } from './shop-webhook-scenario';
import { importCustomers, insertCustomersBare } from './import-scenario';

type Args = {
  customers: number;
  orders: number;
  concurrency: number;
  batch: number;
  webhooks: number;
  importRows: number;
};

const parseArgs = (argv: string[]): Args => {
  const args: Args = { customers: 2000, orders: 4, concurrency: 4, batch: 100, webhooks: 2000, importRows: 20_000 };
  for (let i = 0; i < argv.length; i += 1) {
    const [name, inline] = (argv[i] ?? '').split('=', 2) as [string, string | undefined];
    const value = Number(inline ?? argv[++i]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
    if (name === '--customers') args.customers = value;
    else if (name === '--orders') args.orders = value;
    else if (name === '--concurrency') args.concurrency = value;
    else if (name === '--batch') args.batch = Math.min(value, 500);
    else if (name === '--webhooks') args.webhooks = value;
    else if (name === '--import-rows') args.importRows = value;
    else throw new Error(`unknown argument ${name}`);
  }
  return args;
};

const log = (line: string) => console.log(line);

const main = async () => {
  const args = parseArgs(process.argv.slice(2));
  const database = await createTestDatabase('ingest_bench');
  const writeKey = `wk_${randomBytes(12).toString('hex')}`;
  const apiKey = `sk_${randomBytes(16).toString('hex')}`;
  const now = new Date();
  const workspace = await new WorkspaceRepository(database.dataSource).create({
    name: 'Bench shop',
    writeKey,
    apiKey,
    emailFrom: 'bench@example.com',
    now,
  });
  const port = await freePort();
  const api = new ApiProcess({
    DATABASE_URL: database.url,
    RAPPORT_QUEUE_PREFIX: `ingest-bench-${randomBytes(4).toString('hex')}`,
    API_PORT: String(port),
    RATE_LIMIT_TRACKING: '1000000',
    RATE_LIMIT_WEBHOOKS: '1000000',
    LOG_LEVEL: 'warn',
  });
  // A worker beside the API, as deployed: it folds the co-purchase rows orders append (no journeys to run here).
  const worker = new ApiProcess(
    {
      DATABASE_URL: database.url,
      RAPPORT_QUEUE_PREFIX: `ingest-bench-w-${randomBytes(4).toString('hex')}`,
      LOG_LEVEL: 'warn',
    },
    'worker',
  );
  try {
    await api.start(`http://127.0.0.1:${port}`);
    await worker.start();
    const messages = orderHistory(args.customers, args.orders, now);
    log(
      `ingest bench: ${args.customers} customers x (1 identify + ${args.orders} orders) = ${messages.length} messages, ` +
        `batches of ${args.batch}, ${args.concurrency} clients; load average ${loadavg()
          .map((n) => n.toFixed(2))
          .join(' ')}`,
    );

    const baseline = await insertBare(database.dataSource, workspace.id, messages, args);
    const engine = await postConcurrently(`http://127.0.0.1:${port}/v1/batch`, writeKey, messages, args);

    const [stored] = await database.dataSource.query(
      `SELECT count(*)::int AS events, count(DISTINCT customer_id)::int AS customers FROM events WHERE workspace_id = $1`,
      [workspace.id],
    );
    const [profiles] = await database.dataSource.query(
      `SELECT count(*)::int AS customers,
              coalesce(sum((attributes->>'orders_count')::int), 0)::int AS orders_counted,
              count(*) FILTER (WHERE attributes ? 'orders_count')::int AS with_insights
         FROM customers WHERE workspace_id = $1`,
      [workspace.id],
    );
    const problems = [
      stored.events !== messages.length && `${stored.events} events stored, expected ${messages.length}`,
      profiles.customers !== args.customers && `${profiles.customers} customers, expected ${args.customers}`,
      profiles.with_insights > 0 &&
        profiles.orders_counted !== args.customers * args.orders &&
        `orders_count adds up to ${profiles.orders_counted}, expected ${args.customers * args.orders}`,
    ].filter(Boolean);
    if (problems.length > 0) throw new Error(`ingest run is wrong: ${problems.join('; ')}`);

    // Shop webhooks: one signed Shopify order per request, each an identify and an Order Completed.
    const base = `http://127.0.0.1:${port}`;
    const manage = (path: string, body: unknown) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
        body: JSON.stringify(body),
      }).then((response) => response.json() as Promise<Record<string, string>>);
    const source = await manage('/api/settings/shop-sources', { name: 'Bench Shopify', scheme: 'shopify' });
    const { secret } = await manage(`/api/settings/shop-sources/${source['id']}/secrets`, {});
    const orders = shopifyOrders(args.webhooks, Math.max(1, Math.floor(args.webhooks / 2)), now);
    const webhookBaseline = await insertBare(
      database.dataSource,
      workspace.id,
      orders.map((order) => order.message),
      { batch: args.batch, concurrency: args.concurrency, table: 'bench_webhook_events' },
    );
    const webhooks = await postShopifyOrders(
      `${base}/webhooks/shop/${source['key']}`,
      secret!,
      orders,
      args.concurrency,
    );
    const [orderEvents] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM events WHERE workspace_id = $1 AND name = 'Order Completed' AND message_id LIKE 'shop:%:order'`,
      [workspace.id],
    );
    if (orderEvents.n !== args.webhooks)
      throw new Error(`${orderEvents.n} Order Completed events from webhooks, expected ${args.webhooks}`);

    // A CSV import of customers, streamed to the API, each row applied like an identify.
    const importBaseline = await insertCustomersBare(database.dataSource, workspace.id, args.importRows);
    const imported = await importCustomers(base, apiKey, args.importRows);

    const runs: IngestRun[] = [
      { scenario: 'Rapport: POST /v1/batch -> stored + applied to profiles', events: messages.length, ...engine },
      { scenario: 'baseline: bare multi-row INSERT of the same events', events: messages.length, ...baseline },
    ];
    log('');
    log(formatIngestRuns(runs, profiles.with_insights > 0));
    log('');
    log(
      formatIngestRuns(
        [
          { scenario: 'Rapport: Shopify orders/create webhooks, one per request', events: args.webhooks, ...webhooks },
          { scenario: 'baseline: bare multi-row INSERT of the same events', events: args.webhooks, ...webhookBaseline },
        ],
        profiles.with_insights > 0,
      ),
    );
    log('');
    log(
      formatIngestRuns(
        [
          { scenario: 'Rapport: CSV import of customers (streamed)', events: args.importRows, ...imported },
          {
            scenario: 'baseline: bare multi-row INSERT of the same customers',
            events: args.importRows,
            ...importBaseline,
          },
        ],
        false,
      ),
    );
  } catch (error) {
    console.error(api.logs());
    throw error;
  } finally {
    await worker.stop();
    await api.stop();
    await database.drop();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
