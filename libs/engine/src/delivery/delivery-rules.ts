import { z } from 'zod';
import { ALL_WEEKDAYS, CLOCK_TIME_PATTERN, isInsideWindow, nextInsideWindow } from '@rapport/journey';

export const CHANNELS = ['email', 'sms', 'webhook'] as const;
export type Channel = (typeof CHANNELS)[number];
export type PersonalChannel = Exclude<Channel, 'webhook'>;

const clockTime = z.string().regex(CLOCK_TIME_PATTERN, 'field.time.format');

const quietHoursSchema = z.object({ from: clockTime, to: clockTime }).refine((hours) => hours.from !== hours.to, {
  message: 'field.quiet-hours.same',
  path: ['to'],
});

const capSchema = z.object({
  max: z.number().int().min(1).max(1000),
  days: z.number().int().min(1).max(365),
  /** Over the cap: drop the message (recorded as suppressed) or send it once the window allows. */
  overCap: z.enum(['suppress', 'defer']).default('suppress'),
});

/**
 * A workspace's rules for every send, checked at send time. Email consent defaults to granted (customers of the
 * shop may be emailed until they unsubscribe), SMS to required (an explicit yes first), as is usual practice.
 */
export const deliveryRulesSchema = z.object({
  consentDefaults: z
    .object({
      email: z.enum(['granted', 'required']).default('granted'),
      sms: z.enum(['granted', 'required']).default('required'),
    })
    .default({ email: 'granted', sms: 'required' }),
  quietHours: z.object({ email: quietHoursSchema.optional(), sms: quietHoursSchema.optional() }).default({}),
  frequencyCaps: z.object({ email: capSchema.optional(), sms: capSchema.optional() }).default({}),
  /** Let outgoing webhooks reach private and loopback addresses (off: the engine cannot be aimed at its own network). */
  allowPrivateWebhooks: z.boolean().default(false),
});

export type DeliveryRules = z.infer<typeof deliveryRulesSchema>;

/** Stored rules are parsed leniently: a bad stored document means the defaults, never a crash at send time. */
export const deliveryRulesOf = (stored: unknown): DeliveryRules => {
  const parsed = deliveryRulesSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : deliveryRulesSchema.parse({});
};

/** When quiet hours allow a send: `at` itself outside them, else their end (in the customer's zone). */
export const afterQuietHours = (
  rules: DeliveryRules,
  channel: Channel,
  at: Date,
  zone: string,
): { allowed: true } | { allowed: false; until: Date } => {
  const quiet = channel === 'webhook' ? undefined : rules.quietHours[channel];
  if (!quiet) return { allowed: true };
  // The allowed window is the complement of quiet hours: from their end to their start.
  const open = { days: ALL_WEEKDAYS, from: quiet.to, to: quiet.from };
  return isInsideWindow(at, open, zone)
    ? { allowed: true }
    : { allowed: false, until: nextInsideWindow(at, open, zone) };
};
