import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Stack } from './stack';

const docs = join(__dirname, '../../docs');

type JourneyDocument = {
  name: string;
  description?: string;
  nodes: { id: string; kind: string; config: Record<string, unknown> }[];
  edges: unknown[];
  settings?: Record<string, unknown>;
};

/** The documented journeys, by file name without `.json` (`birthday`, `refill-reminder`, ...). */
export const documentedJourneyNames = (): string[] =>
  readdirSync(join(docs, 'journeys'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.replace(/\.json$/, ''))
    .sort();

export const documentedJourney = (name: string): JourneyDocument =>
  JSON.parse(readFileSync(join(docs, 'journeys', `${name}.json`), 'utf8'));

/** The template keys a journey's email nodes use (send-email, and send-preferred for its email side). */
export const templateKeysOf = (journey: JourneyDocument): string[] => [
  ...new Set(
    journey.nodes
      .filter((node) => node.kind === 'send-email' || node.kind === 'send-preferred')
      .map((node) => String(node.config['template'])),
  ),
];

/** Creates (or replaces) a documented template from docs/templates, as a shop would. */
export const putDocumentedTemplate = async (stack: Stack, key: string): Promise<void> => {
  const { key: _key, ...template } = JSON.parse(readFileSync(join(docs, 'templates', `${key}.json`), 'utf8'));
  const response = await stack.request('PUT', `/api/templates/${key}`, template);
  if (response.status !== 200) throw new Error(`template ${key}: ${JSON.stringify(response.body)}`);
};

/** The coupon pools the documented journeys use, as a shop creates them (`POST /api/coupon-pools`). */
export const documentedCouponPools: Record<string, Record<string, unknown>> = {
  birthday: { name: 'Birthday 15%', source: 'generated', prefix: 'BDAY', count: 200, validDays: 14, lowWarningAt: 20 },
  'refill-discount': { name: 'Refill 10%', source: 'generated', prefix: 'REFILL', count: 200, validDays: 10 },
  'loyalty-reward': { name: 'Loyalty reward 20%', source: 'generated', prefix: 'GOLD', count: 200, validDays: 30 },
};

/** The coupon pool keys a journey's issue-coupon nodes use. */
export const couponPoolsOf = (journey: JourneyDocument): string[] => [
  ...new Set(journey.nodes.filter((node) => node.kind === 'issue-coupon').map((node) => String(node.config['pool']))),
];

/** Creates the documented pools a journey needs (publish refuses unknown pools); one already there is kept. */
export const createCouponPoolsFor = async (stack: Stack, journey: JourneyDocument): Promise<void> => {
  for (const key of couponPoolsOf(journey)) {
    const pool = documentedCouponPools[key];
    if (!pool) throw new Error(`no documented coupon pool "${key}" in tests/support/shop-journeys.ts`);
    const response = await stack.request('POST', '/api/coupon-pools', { key, ...pool });
    if (response.status !== 201 && response.status !== 409) {
      throw new Error(`coupon pool ${key}: ${JSON.stringify(response.body)}`);
    }
  }
};

/**
 * Puts the journey's templates and coupon pools, then creates and publishes the documented journey; returns its
 * id. `webhookUrl` replaces the example address of every call-webhook node (a test's local receiver).
 */
export const publishDocumentedJourney = async (
  stack: Stack,
  name: string,
  options: { webhookUrl?: string } = {},
): Promise<string> => {
  const documented = documentedJourney(name);
  const journey = {
    ...documented,
    nodes: documented.nodes.map((node) =>
      node.kind === 'call-webhook' && options.webhookUrl
        ? { ...node, config: { ...node.config, url: options.webhookUrl } }
        : node,
    ),
  };
  for (const key of templateKeysOf(journey)) await putDocumentedTemplate(stack, key);
  await createCouponPoolsFor(stack, journey);
  const created = await stack.request('POST', '/api/journeys', journey);
  if (created.status !== 201) throw new Error(`create ${name}: ${JSON.stringify(created.body)}`);
  const published = await stack.request('POST', `/api/journeys/${created.body.id}/publish`);
  if (published.status !== 201) throw new Error(`publish ${name}: ${JSON.stringify(published.body)}`);
  return created.body.id;
};

export type Mail = { to: string[]; subject: string; html?: string; text?: string };

/**
 * A shop's customer as the tests drive them: identify, track, read their mailbox and timeline; with an SMS
 * provider (the local FakeTwilio), also the texts sent to the phone given at identify.
 */
export const shopper = (stack: Stack, sms?: { messages(): { to: string; body: string; createdAt: Date }[] }) => {
  let counter = 0;
  const phones = new Map<string, string>();
  const messageId = (userId: string, what: string) => {
    counter += 1;
    return `${what}-${userId}-${counter}`;
  };
  const emailOf = (userId: string) => `${userId}@example.com`;
  return {
    emailOf,
    identify: async (userId: string, traits: Record<string, unknown>) => {
      if (typeof traits['phone'] === 'string') phones.set(userId, traits['phone']);
      const response = await stack.track('/v1/identify', {
        userId,
        messageId: messageId(userId, 'identify'),
        traits: { email: emailOf(userId), ...traits },
      });
      if (response.status !== 200) throw new Error(`identify ${userId}: ${JSON.stringify(response.body)}`);
      return response.body;
    },
    /** Tracks an event; `timestamp` defaults to the receive time (the test clock). Returns the API's answer. */
    track: async (userId: string, event: string, properties: Record<string, unknown> = {}) => {
      const response = await stack.track('/v1/track', {
        userId,
        event,
        messageId: messageId(userId, event.replace(/\s+/g, '-')),
        properties,
      });
      if (response.status !== 200) throw new Error(`track ${userId}: ${JSON.stringify(response.body)}`);
      return response.body as { stored: number; enrolled: number };
    },
    /** What reached this customer's inbox, oldest first. */
    mailsTo: (userId: string): Mail[] =>
      (stack.mail.messages() as Mail[]).filter((mail) => mail.to.includes(emailOf(userId))),
    subjectsTo: (userId: string): string[] =>
      (stack.mail.messages() as Mail[]).filter((mail) => mail.to.includes(emailOf(userId))).map((mail) => mail.subject),
    /** The SMS bodies sent to this customer's phone, oldest first. */
    textsTo: (userId: string): string[] => {
      if (!sms) throw new Error('textsTo: give shopper() the FakeTwilio');
      const phone = phones.get(userId);
      return sms
        .messages()
        .filter((message) => phone !== undefined && message.to === phone)
        .map((message) => message.body);
    },
    /** Everything sent to this customer in arrival order: an email as its subject, an SMS as `SMS: <body>`. */
    receivedBy: (userId: string): string[] => {
      const phone = phones.get(userId);
      const mails = (stack.mail.messages() as (Mail & { receivedAt: Date | string })[])
        .filter((mail) => mail.to.includes(emailOf(userId)))
        .map((mail) => ({ at: new Date(mail.receivedAt).getTime(), what: mail.subject }));
      const texts = (sms?.messages() ?? [])
        .filter((message) => phone !== undefined && message.to === phone)
        .map((message) => ({ at: new Date(message.createdAt).getTime(), what: `SMS: ${message.body}` }));
      return [...mails, ...texts].sort((a, b) => a.at - b.at).map((item) => item.what);
    },
    /** The coupon codes this customer's passages were given, oldest first, with their pool and dates. */
    couponsOf: async (userId: string): Promise<IssuedCode[]> =>
      (
        await stack.db.dataSource.query(
          `SELECT c.code, p.key AS pool, c.node_id AS "nodeId", c.issued_at AS "issuedAt", c.expires_at AS "expiresAt"
             FROM coupon_codes c JOIN coupon_pools p ON p.id = c.pool_id
             JOIN enrollments e ON e.id = c.enrollment_id JOIN customers cu ON cu.id = e.customer_id
            WHERE cu.external_id = $1 ORDER BY c.issued_at, c.code`,
          [userId],
        )
      ).map((row: IssuedCode) => ({
        ...row,
        issuedAt: new Date(row.issuedAt),
        expiresAt: row.expiresAt && new Date(row.expiresAt),
      })),
    timeline: async (userId: string) => {
      const response = await stack.request('GET', `/api/customers/by-external-id/${userId}/timeline`);
      if (response.status !== 200) throw new Error(`timeline ${userId}: ${JSON.stringify(response.body)}`);
      return response.body as { enrollments: Enrollment[] };
    },
  };
};

export type IssuedCode = { code: string; pool: string; nodeId: string; issuedAt: Date; expiresAt: Date | null };
export type Step = { at: string; nodeId: string; code: string; params: Record<string, unknown>; message: string };
export type Enrollment = {
  id: string;
  journeyName: string;
  status: string;
  nodeId: string;
  enteredAt: string;
  endedAt: string | null;
  wakeAt: string | null;
  steps: Step[];
  deliveries: {
    nodeId: string;
    channel: 'email' | 'sms' | 'webhook';
    template: string | null;
    status: string;
    reason: string | null;
    recipient: string | null;
    sentAt: string | null;
  }[];
};

/** Sets the test clock to an absolute moment; the API answers once everything due by then has run. */
export const setClock = async (stack: Stack, now: string): Promise<void> => {
  const response = await stack.request('POST', '/api/test-clock', { now });
  if (response.status !== 200 || response.body.drained !== true) {
    throw new Error(`clock ${now}: ${response.status} ${JSON.stringify(response.body)}`);
  }
};

/** One minute before `moment`. */
export const minuteBefore = (moment: string): string => new Date(Date.parse(moment) - 60_000).toISOString();

/** `items.at(index)`, failing the test with a clear message when there is no such item. */
export const nth = <T>(items: readonly T[], index: number): T => {
  const item = items.at(index);
  if (item === undefined) throw new Error(`no item at ${index} of ${items.length}`);
  return item;
};
