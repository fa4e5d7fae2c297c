import { FakeTwilio, WebhookReceiver, verifyWebhook } from '@rapport/channels';
import { PrivateRedis } from '../support/private-redis';
import { startStack, type Stack } from '../support/stack';
import type { RapportProcess } from '../support/rapport-process';

/**
 * Exactly once under fire: a few thousand sends through every channel while worker processes are SIGKILLed at
 * random moments and the (non-persistent) Redis is killed and started empty in the middle. Afterwards every due
 * message was delivered; a second copy exists only for a delivery whose attempt was cut off by a kill (recorded as
 * an `interrupted` attempt), and no coupon code went out twice.
 */

const CUSTOMERS = 600;
const BATCH = 25;
const SPARE_CODES = 100;
const CLOCK_START = '2026-06-01T12:00:00Z';
/** Chaos lasts until the orders are in and TARGET_KILLS workers died (or most work is done), within bounds. */
const CHAOS_MIN_MS = 8_000;
const CHAOS_MAX_MS = 25_000;
const TARGET_KILLS = 10;
/** A row orphaned in `sending` is taken over after 30 s, a stalled BullMQ job comes back within ~60 s. */
const SETTLE_MS = 120_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Small seeded PRNG (mulberry32): the schedule of kills varies with the seed, which is printed. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

const journey = (webhookUrl: string) => ({
  name: 'Order thanks under fire',
  nodes: [
    { id: 'ordered', kind: 'event-trigger', config: { event: 'Order Completed' } },
    { id: 'coupon', kind: 'issue-coupon', config: { pool: 'chaos' } },
    { id: 'mail', kind: 'send-email', config: { template: 'chaos-coupon' } },
    { id: 'text', kind: 'send-sms', config: { text: 'Hi {{firstName}}, your code is {{coupon.code}}' } },
    { id: 'hook', kind: 'call-webhook', config: { url: webhookUrl, topic: 'order.thanked' } },
    { id: 'done', kind: 'exit', config: {} },
  ],
  edges: [
    { from: 'ordered', output: 'next', to: 'coupon' },
    { from: 'coupon', output: 'next', to: 'mail' },
    { from: 'mail', output: 'next', to: 'text' },
    { from: 'text', output: 'next', to: 'hook' },
    { from: 'hook', output: 'next', to: 'done' },
  ],
});

const userId = (i: number) => `chaos-${String(i).padStart(4, '0')}`;
const phoneOf = (i: number) => `+4477009${String(i).padStart(5, '0')}`;

type DeliveryFacts = {
  id: string;
  enrollment_id: string;
  channel: 'email' | 'sms' | 'webhook';
  status: string;
  attempts: number;
  interrupted: number;
  external_id: string;
  email: string;
  phone: string;
};

describe('exactly once under chaos', () => {
  let stack: Stack;
  const redis = new PrivateRedis();
  const twilio = new FakeTwilio();
  const receiver = new WebhookReceiver({ maxStored: 100_000 });

  /** A tracking call that gives up after a while instead of hanging on a Redis that is down. */
  const track = async (path: string, body: unknown) => {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${stack.writeKey}:`).toString('base64')}`,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };

  /** Posts a batch until the API takes it: the same messageIds make a repeat harmless (stored once). */
  const ingest = async (batch: unknown[]): Promise<number> => {
    const deadline = Date.now() + 60_000;
    for (let tries = 1; ; tries += 1) {
      const outcome = await track('/v1/batch', { batch }).catch((error: Error) => ({ status: 0, body: error.message }));
      if (outcome.status === 200) return tries;
      if (Date.now() > deadline) throw new Error(`batch refused: ${JSON.stringify(outcome)}`);
      await pause(250);
    }
  };

  beforeAll(async () => {
    const [sms, hook] = await Promise.all([twilio.start(), receiver.start(), redis.start()]);
    stack = await startStack({
      label: 'chaos',
      workers: 3,
      clockStart: CLOCK_START,
      env: {
        REDIS_URL: redis.url,
        SMS_URL: `${sms.twilioUrl}?from=%2B15550001111`,
        PROMOTER_INTERVAL_MS: '100',
        SWEEPER_INTERVAL_MS: '300',
        // The worker says "Rapport worker running" at info once it takes jobs (the only info lines there are).
        LOG_LEVEL: 'info',
      },
    });
    expect(
      (await stack.request('PUT', '/api/settings/delivery-rules', { allowPrivateWebhooks: true })).status,
    ).toBeLessThan(300);
    const pool = await stack.request('POST', '/api/coupon-pools', {
      key: 'chaos',
      name: 'Chaos 10%',
      source: 'generated',
      prefix: 'CHAOS',
      count: CUSTOMERS + SPARE_CODES,
      validDays: 30,
    });
    expect(pool.status).toBe(201);
    const template = await stack.request('PUT', '/api/templates/chaos-coupon', {
      name: 'Chaos coupon',
      subject: 'Your code {{coupon.code}}',
      html: '<p>Thanks {{firstName}}, use {{coupon.code}}</p>',
    });
    expect(template.status).toBeLessThan(300);
    const created = await stack.request('POST', '/api/journeys', journey(`${hook.url}/orders`));
    expect((await stack.request('POST', `/api/journeys/${created.body.id}/publish`)).status).toBe(201);

    const profiles = Array.from({ length: CUSTOMERS }, (_, i) => ({
      type: 'identify',
      userId: userId(i),
      messageId: `id-${userId(i)}`,
      traits: { firstName: `C${i}`, email: `${userId(i)}@example.com`, phone: phoneOf(i), sms_consent: true },
    }));
    await ingest(profiles);
  }, 120_000);

  afterAll(async () => {
    await stack?.stop();
    await Promise.all([twilio.stop(), receiver.stop(), redis.stop()]);
  });

  it('should deliver every message of a few thousand sends once (a copy only for a send cut off by a kill) while workers are SIGKILLed and Redis restarts', async () => {
    const started = Date.now();
    const seed = Number(process.env['CHAOS_SEED'] ?? Date.now() % 1_000_000);
    const random = prng(seed);
    const db = stack.db.dataSource;
    const live: RapportProcess[] = [...stack.workers];
    const stats = { kills: 0, redisRestarts: 0, batchRetries: 0, openAtRedisKill: '' };
    const open = async () =>
      (
        await db.query(
          `SELECT (SELECT count(*) FROM deliveries WHERE status IN ('pending', 'sending'))::int AS deliveries,
                  (SELECT count(*) FROM enrollments WHERE status = 'active')::int AS enrollments`,
        )
      )[0] as { deliveries: number; enrollments: number };

    // The shop's orders, in batches, while the chaos below runs; Redis dies halfway through and comes back empty.
    let ingested = false;
    let redisRestart: Promise<void> = Promise.resolve();
    const orders = (async () => {
      for (let from = 0; from < CUSTOMERS; from += BATCH) {
        if (from === Math.floor(CUSTOMERS / BATCH / 2) * BATCH) {
          const inFlight = await open();
          stats.openAtRedisKill = `${inFlight.deliveries} deliveries, ${inFlight.enrollments} steps`;
          redisRestart = redis.restart(300 + Math.floor(random() * 700)).then(() => {
            stats.redisRestarts += 1;
          });
        }
        const batch = Array.from({ length: Math.min(BATCH, CUSTOMERS - from) }, (_, k) => ({
          type: 'track',
          userId: userId(from + k),
          event: 'Order Completed',
          messageId: `order-${userId(from + k)}`,
          properties: { total: 40 + ((from + k) % 60) },
        }));
        stats.batchRetries += (await ingest(batch)) - 1;
        await pause(100 + Math.floor(random() * 200));
      }
      ingested = true;
    })();

    // Every 0.5-1 s a random worker that is up and working is SIGKILLed and a fresh one started in its place. Only
    // workers that finished booting are victims (killing one still compiling proves nothing), and one is always
    // left working, so the kills land among steps and sends in flight; the boot time therefore sets the real pace.
    const ready = (worker: RapportProcess) => worker.logs().includes('Rapport worker running');
    const chaos = (async () => {
      const chaosStart = Date.now();
      for (;;) {
        await pause(500 + Math.floor(random() * 500));
        const elapsed = Date.now() - chaosStart;
        if (elapsed > CHAOS_MAX_MS) break;
        if (ingested && elapsed > CHAOS_MIN_MS) {
          if (stats.kills >= TARGET_KILLS || (await open()).deliveries < (CUSTOMERS * 3) / 10) break;
        }
        const working = live.filter(ready);
        const victim = working[Math.floor(random() * working.length)];
        if (working.length < 2 || !victim) continue;
        live.splice(live.indexOf(victim), 1);
        await victim.kill();
        stats.kills += 1;
        live.push(await stack.startWorker());
      }
    })();

    await Promise.all([orders, chaos]);
    await redisRestart;
    const chaosEnded = Date.now();
    const atChaosEnd = await db.query(`SELECT count(*)::int AS sent FROM deliveries WHERE status = 'sent'`);

    // Settle: every delivery final, every enrollment at its exit (bounded).
    const deadline = Date.now() + SETTLE_MS;
    let progress: Record<string, string>[] = [];
    for (;;) {
      progress = await db.query(
        `SELECT 'delivery' AS kind, status, count(*)::text AS count FROM deliveries GROUP BY status
         UNION ALL SELECT 'enrollment', status, count(*)::text FROM enrollments GROUP BY status`,
      );
      const count = (kind: string, status: string) =>
        Number(progress.find((row) => row['kind'] === kind && row['status'] === status)?.['count'] ?? 0);
      const settled =
        count('delivery', 'pending') + count('delivery', 'sending') === 0 &&
        count('enrollment', 'active') + count('enrollment', 'waiting') === 0 &&
        progress.filter((row) => row['kind'] === 'delivery').reduce((sum, row) => sum + Number(row['count']), 0) ===
          CUSTOMERS * 3;
      if (settled) break;
      if (Date.now() > deadline) {
        const stuck = await db.query(
          `SELECT id, channel, status, attempts, round, sending_since, enqueued_at, last_error FROM deliveries
            WHERE status IN ('pending', 'sending') LIMIT 10`,
        );
        throw new Error(
          `not settled after ${SETTLE_MS} ms: ${JSON.stringify(progress)}\nstuck: ${JSON.stringify(stuck, null, 1)}\n` +
            `worker logs: ${live.map((worker) => worker.logs().slice(-2_000)).join('\n---\n')}`,
        );
      }
      await pause(500);
    }
    const settledAt = Date.now();

    const deliveries: DeliveryFacts[] = await db.query(
      `SELECT d.id, d.enrollment_id, d.channel, d.status, d.attempts, c.external_id, c.email, c.phone,
              (SELECT count(*)::int FROM delivery_attempts a WHERE a.delivery_id = d.id AND a.outcome = 'interrupted')
                AS interrupted
         FROM deliveries d JOIN customers c ON c.id = d.customer_id`,
    );
    const outcomes: { channel: string; outcome: string; count: number }[] = await db.query(
      `SELECT d.channel, a.outcome, count(*)::int AS count FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id
        GROUP BY d.channel, a.outcome ORDER BY 1, 2`,
    );
    // The final status and its attempt row are one statement: a kill cannot leave a sent delivery unexplained.
    const sentWithoutAttempt: { channel: string; count: number }[] = await db.query(
      `SELECT channel, count(*)::int AS count FROM deliveries d
        WHERE status = 'sent'
          AND NOT EXISTS (SELECT 1 FROM delivery_attempts a WHERE a.delivery_id = d.id AND a.outcome = 'sent')
        GROUP BY channel`,
    );
    const enrollments: { id: string; status: string; external_id: string }[] = await db.query(
      `SELECT e.id, e.status, c.external_id FROM enrollments e JOIN customers c ON c.id = e.customer_id`,
    );
    const coupons: { code: string; enrollment_id: string | null; issued_at: Date | null }[] = await db.query(
      'SELECT code, enrollment_id, issued_at FROM coupon_codes',
    );
    const codeOf = new Map(
      coupons.flatMap((coupon) => (coupon.enrollment_id ? [[coupon.enrollment_id, coupon.code] as const] : [])),
    );
    const byId = new Map(deliveries.map((delivery) => [delivery.id, delivery]));

    /** What one channel's receiver got, per delivery id, measured against the deliveries of that channel. */
    const tally = (channel: DeliveryFacts['channel'], received: { deliveryId: string; code: string | null }[]) => {
      const copies = new Map<string, number>();
      for (const item of received) copies.set(item.deliveryId, (copies.get(item.deliveryId) ?? 0) + 1);
      const expected = deliveries.filter((delivery) => delivery.channel === channel);
      return {
        ids: [...copies.keys()].sort(),
        expectedIds: expected.map((delivery) => delivery.id).sort(),
        // A second copy is allowed only where an attempt was cut off by a kill: at most one per such attempt.
        beyondBound: expected
          .filter((delivery) => (copies.get(delivery.id) ?? 0) > 1 + delivery.interrupted)
          .map((delivery) => ({ id: delivery.id, copies: copies.get(delivery.id), interrupted: delivery.interrupted })),
        // Each message carries its own enrollment's code.
        wrongCode: received.filter(
          (item) => item.code === null || item.code !== codeOf.get(byId.get(item.deliveryId)?.enrollment_id ?? ''),
        ),
        duplicates: received.length - copies.size,
        interrupted: expected.reduce((sum, delivery) => sum + delivery.interrupted, 0),
      };
    };

    const mails = stack.mail.messages();
    const email = tally(
      'email',
      mails.map((mail) => ({
        deliveryId: mail.headers['x-rapport-delivery'] ?? '',
        code: /Your code (\S+)/.exec(mail.subject)?.[1] ?? null,
      })),
    );
    // The fake provider folds a resend with the same idempotency token into the first message: what reached the
    // phones is `texts`; the resends it folded are the requests beyond them.
    const texts = twilio.messages();
    const sms = tally(
      'sms',
      texts.map((text) => ({
        deliveryId: text.idempotencyToken ?? '',
        code: /your code is (\S+)$/.exec(text.body)?.[1] ?? null,
      })),
    );
    const smsResends = twilio.requestCount() - texts.length;
    const hooks = receiver.requests();
    const webhook = tally(
      'webhook',
      hooks.map((hook) => ({
        deliveryId: String(hook.headers['webhook-id'] ?? ''),
        code: (hook.body as { data?: { coupon?: { code?: string } } }).data?.coupon?.code ?? null,
      })),
    );

    const plural = (count: number) => `${count} extra cop${count === 1 ? 'y' : 'ies'}`;
    console.log(
      `chaos run: ${JSON.stringify(
        {
          seed,
          customers: CUSTOMERS,
          sends: deliveries.length,
          sentWhileChaos: atChaosEnd[0].sent,
          workerKills: stats.kills,
          redisRestarts: stats.redisRestarts,
          openAtRedisKill: stats.openAtRedisKill,
          batchRetries: stats.batchRetries,
          attempts: Object.fromEntries(outcomes.map((row) => [`${row.channel}.${row.outcome}`, row.count])),
          sentWithoutSentAttempt: Object.fromEntries(sentWithoutAttempt.map((row) => [row.channel, row.count])),
          duplicates: {
            email: `${plural(email.duplicates)} (same Message-ID), ${email.interrupted} interrupted attempt(s)`,
            sms: `${sms.duplicates} at the phones; ${smsResends} resent request(s) folded by the idempotency token, ${sms.interrupted} interrupted attempt(s)`,
            webhook: `${plural(webhook.duplicates)} (same webhook-id), ${webhook.interrupted} interrupted attempt(s)`,
          },
          seconds: {
            chaos: (chaosEnded - started) / 1000,
            settle: (settledAt - chaosEnded) / 1000,
            total: (Date.now() - started) / 1000,
          },
        },
        null,
        2,
      )}`,
    );

    // The chaos happened.
    expect(stats.redisRestarts).toBe(1);
    expect(stats.kills).toBeGreaterThanOrEqual(3);

    // Every customer went through once, to the exit, and every due message is sent (none failed or unknown: the
    // providers never failed here, only our own processes and Redis did).
    expect(enrollments).toHaveLength(CUSTOMERS);
    expect(new Set(enrollments.map((enrollment) => enrollment.external_id)).size).toBe(CUSTOMERS);
    expect(enrollments.filter((enrollment) => enrollment.status !== 'completed')).toEqual([]);
    expect(deliveries).toHaveLength(CUSTOMERS * 3);
    expect(deliveries.filter((delivery) => delivery.status !== 'sent').map((d) => [d.channel, d.status])).toEqual([]);
    for (const channel of ['email', 'sms', 'webhook'] as const) {
      expect(new Set(deliveries.filter((d) => d.channel === channel).map((d) => d.enrollment_id)).size).toBe(CUSTOMERS);
    }

    // Coupons: one code per enrollment, never one code twice, no code burnt by a replayed step.
    const issued = coupons.filter((coupon) => coupon.issued_at !== null || coupon.enrollment_id !== null);
    expect(issued).toHaveLength(CUSTOMERS);
    expect(new Set(issued.map((coupon) => coupon.code)).size).toBe(CUSTOMERS);
    expect(new Set(issued.map((coupon) => coupon.enrollment_id)).size).toBe(CUSTOMERS);
    expect(enrollments.filter((enrollment) => !codeOf.has(enrollment.id))).toEqual([]);

    // Each receiver got every message of its channel, with its own code, a copy only for an interrupted attempt.
    for (const [channel, result] of Object.entries({ email, sms, webhook })) {
      expect({ channel, ids: result.ids }).toEqual({ channel, ids: result.expectedIds });
      expect({ channel, beyondBound: result.beyondBound }).toEqual({ channel, beyondBound: [] });
      expect({ channel, wrongCode: result.wrongCode.slice(0, 5) }).toEqual({ channel, wrongCode: [] });
    }
    // Every copy went to its own customer; an email's copies share the delivery's Message-ID.
    const misaddressed = [
      ...mails.flatMap((mail) => {
        const delivery = byId.get(mail.headers['x-rapport-delivery'] ?? '');
        return mail.to.join() === delivery?.email && mail.messageId.startsWith(`<${delivery.id}@`) ? [] : [mail.to];
      }),
      ...texts.filter((text) => text.to !== byId.get(text.idempotencyToken ?? '')?.phone).map((text) => text.to),
    ];
    expect(misaddressed).toEqual([]);
    expect(smsResends).toBeLessThanOrEqual(sms.interrupted);
    expect(sentWithoutAttempt).toEqual([]);
    const secret = (await stack.request('GET', '/api/settings/webhook-secret')).body.secret;
    const unsigned = hooks.filter(
      (hook) =>
        !verifyWebhook({ headers: hook.headers, body: hook.rawBody, secrets: [secret], now: new Date(CLOCK_START) }).ok,
    );
    expect(unsigned).toHaveLength(0);
  }, 240_000);
});
