import { z } from 'zod';

/**
 * Every job Rapport runs: payloads carry ids only, and each job id is deterministic, so adding the same work
 * twice is one job. BullMQ forbids ':' in custom ids, hence the dots.
 */
export const jobCatalog = {
  advance: {
    queue: 'advance',
    schema: z.object({
      enrollmentId: z.string().uuid(),
      seq: z.number().int().min(0),
      /** An event that may wake a listening wait. */
      eventId: z.string().uuid().optional(),
      /** A reason to leave found outside the journey (goal reached with exitOnGoal, exit condition met). */
      leave: z.enum(['goal', 'exit-condition']).optional(),
    }),
    jobId: (payload: { enrollmentId: string; seq: number; eventId?: string; leave?: string }) =>
      `advance.${payload.enrollmentId}.${payload.seq}` +
      (payload.eventId ? `.${payload.eventId}` : '') +
      (payload.leave ? `.leave-${payload.leave}` : ''),
    attempts: 8,
    backoffMs: 500,
  },
  schedules: {
    queue: 'schedules',
    schema: z.object({ versionId: z.string().uuid() }),
    jobId: (payload: { versionId: string }) => `schedules.${payload.versionId}`,
    attempts: 5,
    backoffMs: 1000,
  },
  send: {
    queue: 'send',
    schema: z.object({ deliveryId: z.string().uuid(), round: z.number().int().min(0).default(0) }),
    // A deferred delivery comes back in a new round, so its job id never collides with the finished one.
    jobId: (payload: { deliveryId: string; round?: number }) => `send.${payload.deliveryId}.${payload.round ?? 0}`,
    attempts: 10,
    backoffMs: 1000,
  },
} as const;

export type JobName = keyof typeof jobCatalog;
export type JobPayload<Name extends JobName> = z.infer<(typeof jobCatalog)[Name]['schema']>;
