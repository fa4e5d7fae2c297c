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

/** The template keys a journey's email nodes use. */
export const templateKeysOf = (journey: JourneyDocument): string[] => [
  ...new Set(journey.nodes.filter((node) => node.kind === 'send-email').map((node) => String(node.config['template']))),
];

/** Creates (or replaces) a documented template from docs/templates, as a shop would. */
export const putDocumentedTemplate = async (stack: Stack, key: string): Promise<void> => {
  const { key: _key, ...template } = JSON.parse(readFileSync(join(docs, 'templates', `${key}.json`), 'utf8'));
  const response = await stack.request('PUT', `/api/templates/${key}`, template);
  if (response.status !== 200) throw new Error(`template ${key}: ${JSON.stringify(response.body)}`);
};

/** Puts the journey's templates, then creates and publishes the documented journey; returns its id. */
export const publishDocumentedJourney = async (stack: Stack, name: string): Promise<string> => {
  const journey = documentedJourney(name);
  for (const key of templateKeysOf(journey)) await putDocumentedTemplate(stack, key);
  const created = await stack.request('POST', '/api/journeys', journey);
  if (created.status !== 201) throw new Error(`create ${name}: ${JSON.stringify(created.body)}`);
  const published = await stack.request('POST', `/api/journeys/${created.body.id}/publish`);
  if (published.status !== 201) throw new Error(`publish ${name}: ${JSON.stringify(published.body)}`);
  return created.body.id;
};

export type Mail = { to: string[]; subject: string; html?: string; text?: string };

/** A shop's customer as the tests drive them: identify, track, read their mailbox and timeline. */
export const shopper = (stack: Stack) => {
  let counter = 0;
  const messageId = (userId: string, what: string) => {
    counter += 1;
    return `${what}-${userId}-${counter}`;
  };
  const emailOf = (userId: string) => `${userId}@example.com`;
  return {
    emailOf,
    identify: async (userId: string, traits: Record<string, unknown>) => {
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
    timeline: async (userId: string) => {
      const response = await stack.request('GET', `/api/customers/by-external-id/${userId}/timeline`);
      if (response.status !== 200) throw new Error(`timeline ${userId}: ${JSON.stringify(response.body)}`);
      return response.body as { enrollments: Enrollment[] };
    },
  };
};

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
  deliveries: { nodeId: string; template: string; status: string; sentAt: string | null }[];
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
