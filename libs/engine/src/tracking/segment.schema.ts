import { DateTime } from 'luxon';
import { z } from 'zod';

/** Segment's own limits: a client library that respects them is never refused by Rapport. */
export const MAX_MESSAGE_BYTES = 32 * 1024;
export const MAX_BATCH_BYTES = 500 * 1024;
export const MAX_BATCH_MESSAGES = 2500;

const timeZone = z
  .string()
  .max(64)
  .refine((zone) => DateTime.local().setZone(zone).isValid, 'is not an IANA time zone such as "Europe/Paris"');

const common = {
  messageId: z.string().min(1).max(200).optional(),
  userId: z.union([z.string().min(1).max(200), z.number().transform(String)]).nullish(),
  anonymousId: z.union([z.string().min(1).max(200), z.number().transform(String)]).nullish(),
  timestamp: z.iso.datetime({ offset: true }).optional(),
  sentAt: z.iso.datetime({ offset: true }).optional(),
  context: z
    .object({ timezone: timeZone.optional(), locale: z.string().max(35).optional() })
    .loose()
    .optional(),
  integrations: z.record(z.string(), z.unknown()).optional(),
};

const needsIdentity = (message: { userId?: string | null; anonymousId?: string | null }) =>
  Boolean(message.userId || message.anonymousId);
const identityRule = { message: 'give a userId or an anonymousId', path: ['userId'] };

export const identifySchema = z
  .object({
    type: z.literal('identify').optional(),
    ...common,
    traits: z.record(z.string(), z.unknown()).default({}),
  })
  .refine(needsIdentity, identityRule);

export const trackSchema = z
  .object({
    type: z.literal('track').optional(),
    ...common,
    event: z.string().trim().min(1, 'name the event').max(200),
    properties: z.record(z.string(), z.unknown()).default({}),
  })
  .refine(needsIdentity, identityRule);

/** Segment's alias: `previousId` (the anonymous id used before sign-up) now belongs to `userId`. */
export const aliasSchema = z.object({
  type: z.literal('alias').optional(),
  messageId: common.messageId,
  previousId: z.union([z.string().min(1).max(200), z.number().transform(String)]),
  userId: z.union([z.string().min(1).max(200), z.number().transform(String)]),
  timestamp: common.timestamp,
  sentAt: common.sentAt,
  context: common.context,
  integrations: common.integrations,
});

export const batchSchema = z.object({
  batch: z
    .array(z.object({ type: z.enum(['identify', 'track', 'alias']) }).loose())
    .min(1)
    .max(MAX_BATCH_MESSAGES),
  context: z.record(z.string(), z.unknown()).optional(),
});

export type IdentifyMessage = z.infer<typeof identifySchema>;
export type TrackMessage = z.infer<typeof trackSchema>;
export type TrackingMessage = ({ type: 'identify' } & IdentifyMessage) | ({ type: 'track' } & TrackMessage);
export type AliasMessage = { type: 'alias' } & z.infer<typeof aliasSchema>;
/** Everything the tracking API accepts: profile and event messages, and aliases that attach an anonymous id. */
export type IngestMessage = TrackingMessage | AliasMessage;

export type InputIssue = { path: (string | number)[]; message: string };

export class TrackingInputError extends Error {
  constructor(
    message: string,
    readonly issues: InputIssue[],
  ) {
    super(message);
  }
}

const schemas = { identify: identifySchema, track: trackSchema, alias: aliasSchema };

const parseOne = (type: 'identify' | 'track' | 'alias', raw: unknown, at: (string | number)[]): IngestMessage => {
  const size = Buffer.byteLength(JSON.stringify(raw) ?? '', 'utf8');
  if (size > MAX_MESSAGE_BYTES) {
    throw new TrackingInputError(`A message is larger than 32 KB (${size} bytes).`, [
      { path: at, message: `is ${size} bytes; the limit is ${MAX_MESSAGE_BYTES}` },
    ]);
  }
  const parsed = schemas[type].safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: [...at, ...(issue.path as (string | number)[])],
      message: issue.message,
    }));
    throw new TrackingInputError(
      `Invalid ${type} message: ${issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; ')}`,
      issues,
    );
  }
  return { ...parsed.data, type } as IngestMessage;
};

/** Validates a whole request up front, so a batch with one bad message stores nothing. */
export const parseTrackingRequest = (
  type: 'identify' | 'track' | 'alias' | 'batch',
  body: unknown,
): IngestMessage[] => {
  if (type !== 'batch') return [parseOne(type, body, [])];
  const parsed = batchSchema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path as (string | number)[],
      message: issue.message,
    }));
    throw new TrackingInputError(
      `Invalid batch: ${issues.map((i) => `${i.path.join('.') || 'body'} ${i.message}`).join('; ')}`,
      issues,
    );
  }
  const shared = parsed.data.context ?? {};
  return parsed.data.batch.map((message, index) => {
    const context = { ...shared, ...((message['context'] as Record<string, unknown> | undefined) ?? {}) };
    return parseOne(message.type, { ...message, context }, ['batch', index]);
  });
};
