import { Analytics, FetchHTTPClient, type HTTPClientRequest } from '@segment/analytics-node';
import { startStack, type Stack } from '../support/stack';

/** Segment's own Node client, pointed at Rapport, is a real user of the tracking API: what it sends lands once. */
describe("Segment's Node client", () => {
  let stack: Stack;

  beforeAll(async () => {
    // A low limit makes the client meet 429s, which it retries: the retries must not store anything twice.
    stack = await startStack({ label: 'segment_client', env: { RATE_LIMIT_TRACKING: '2' } });
  });

  afterAll(() => stack?.stop());

  it('should store every identify and track the client sends in its batches exactly once, retries included', async () => {
    const statuses: number[] = [];
    const client = new FetchHTTPClient();
    const analytics = new Analytics({
      httpClient: {
        makeRequest: async (request: HTTPClientRequest) => {
          const response = await client.makeRequest(request);
          statuses.push(response.status);
          return response;
        },
      },
      writeKey: stack.writeKey,
      host: stack.apiUrl,
      flushAt: 7,
      flushInterval: 50,
      maxRetries: 20,
    });
    const failures: unknown[] = [];
    analytics.on('error', (error) => failures.push(error));
    const customers = Array.from({ length: 12 }, (_, i) => `seg-${i}`);

    for (const userId of customers) {
      analytics.identify({ userId, traits: { email: `${userId}@example.com`, plan: 'pro' } });
      analytics.track({ userId, event: 'Order Completed', properties: { order_id: `o-${userId}`, total: 25 } });
      analytics.track({ anonymousId: `anon-${userId}`, event: 'Product Viewed', properties: { sku: 'mascara' } });
    }
    await analytics.closeAndFlush({ timeout: 60_000 });

    expect(failures).toEqual([]);
    expect(statuses).toContain(429);
    const counts = await stack.db.dataSource.query(
      `SELECT type, name, count(*)::int AS n, count(DISTINCT message_id)::int AS distinct_ids
         FROM events GROUP BY type, name ORDER BY type, name`,
    );
    expect(counts).toEqual([
      { type: 'identify', name: null, n: 12, distinct_ids: 12 },
      { type: 'track', name: 'Order Completed', n: 12, distinct_ids: 12 },
      { type: 'track', name: 'Product Viewed', n: 12, distinct_ids: 12 },
    ]);
    const profile = await stack.request('GET', '/api/customers/by-external-id/seg-3');
    expect(profile.body).toMatchObject({ email: 'seg-3@example.com', attributes: { plan: 'pro' } });
  });
});
