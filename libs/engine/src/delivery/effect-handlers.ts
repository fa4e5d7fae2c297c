import type { EntityManager } from 'typeorm';
import type { Effect, EffectType } from '@rapport/journey';
import {
  ConsentRepository,
  CouponRepository,
  toCustomerFacts,
  type CustomerRow,
  type NewDelivery,
} from '@rapport/persistence';
import { deliveryRulesOf } from './delivery-rules';
import type { ProfileChangeService } from '../entry/profile-change.service';
import type { JobPayload } from '../queue/job-catalog';

/** Where an effect runs: inside the step's own transaction, so a step that is replayed applies nothing twice. */
export type EffectContext = {
  manager: EntityManager;
  workspaceId: string;
  enrollmentId: string;
  customerId: string;
  now: Date;
  profiles: ProfileChangeService;
};

/**
 * Outbox rows to write, and jobs to queue once the step commits; or a failure that stops the journey at this
 * node with a reason (an empty coupon pool: better no message than one without its code).
 */
export type EffectOutcome = {
  deliveries: NewDelivery[];
  jobs: JobPayload<'advance'>[];
  failure?: { nodeId: string; code: string; params: Record<string, unknown> };
};

type EffectHandler<T extends EffectType> = (
  effect: Extract<Effect, { type: T }>,
  context: EffectContext,
) => Promise<EffectOutcome>;

/**
 * The customer's preferred channel (`preferred_channel`: "sms" or "email") if they can be reached on it and accept
 * it, else the other one if that works, else the preferred one (the send then records why it could not go).
 */
const preferredChannel = async (context: EffectContext): Promise<'email' | 'sms'> => {
  const rows: { email: string | null; phone: string | null; attributes: Record<string, unknown>; rules: unknown }[] =
    await context.manager.query(
      `SELECT c.email, c.phone, c.attributes, w.delivery_rules AS rules
         FROM customers c JOIN workspaces w ON w.id = c.workspace_id WHERE c.id = $1`,
      [context.customerId],
    );
  const row = rows[0];
  const order: ('email' | 'sms')[] =
    row?.attributes['preferred_channel'] === 'sms' ? ['sms', 'email'] : ['email', 'sms'];
  if (!row) return order[0] as 'email' | 'sms';
  const consents = await new ConsentRepository(context.manager).forCustomer(context.customerId);
  const defaults = deliveryRulesOf(row.rules).consentDefaults;
  const usable = (channel: 'email' | 'sms') =>
    Boolean(channel === 'email' ? row.email : row.phone) &&
    (consents[channel]?.granted ?? defaults[channel] === 'granted');
  return order.find(usable) ?? (order[0] as 'email' | 'sms');
};

const outbox = (
  context: EffectContext,
  delivery: Omit<NewDelivery, 'workspaceId' | 'enrollmentId' | 'customerId'>,
) => ({
  deliveries: [
    {
      workspaceId: context.workspaceId,
      enrollmentId: context.enrollmentId,
      customerId: context.customerId,
      ...delivery,
    },
  ],
  jobs: [],
});

/**
 * The worker's effect registry: how each effect the interpreter asks for is carried out. A new effect type fails
 * to compile until it has an entry here.
 */
export const effectHandlers = {
  sendEmail: async (effect, context) =>
    outbox(context, {
      nodeId: effect.nodeId,
      visit: effect.visit,
      channel: 'email',
      templateKey: effect.template,
      transactional: effect.transactional ?? false,
    }),
  sendSms: async (effect, context) =>
    outbox(context, {
      nodeId: effect.nodeId,
      visit: effect.visit,
      channel: 'sms',
      templateKey: null,
      payload: { text: effect.text },
      transactional: effect.transactional ?? false,
    }),
  sendPreferred: async (effect, context) => {
    const channel = await preferredChannel(context);
    return outbox(context, {
      nodeId: effect.nodeId,
      visit: effect.visit,
      channel,
      templateKey: channel === 'email' ? effect.template : null,
      payload: channel === 'sms' ? { text: effect.text } : {},
      transactional: effect.transactional ?? false,
    });
  },
  callWebhook: async (effect, context) =>
    outbox(context, {
      nodeId: effect.nodeId,
      visit: effect.visit,
      channel: 'webhook',
      templateKey: null,
      payload: { url: effect.url, topic: effect.topic },
      // Team alerts and system calls are not marketing: no caps.
      transactional: true,
    }),
  issueCoupon: async (effect, context) => {
    const coupons = new CouponRepository(context.manager);
    const pool = await coupons.findPool(context.workspaceId, effect.pool);
    const issued = pool
      ? await coupons.issue(
          pool,
          { enrollmentId: context.enrollmentId, nodeId: effect.nodeId, visit: effect.visit },
          context.now,
        )
      : null;
    if (issued) return { deliveries: [], jobs: [] };
    return {
      deliveries: [],
      jobs: [],
      failure: {
        nodeId: effect.nodeId,
        code: pool ? 'coupon.pool-empty' : 'coupon.pool-missing',
        params: { pool: effect.pool },
      },
    };
  },
  updateAttribute: async (effect, context) => {
    const rows: CustomerRow[] = await context.manager.query('SELECT * FROM customers WHERE id = $1 FOR UPDATE', [
      context.customerId,
    ]);
    const before = rows[0];
    if (!before) return { deliveries: [], jobs: [] };
    const attributes = { ...before.attributes };
    if (effect.operation === 'unset') delete attributes[effect.attribute];
    else if (effect.operation === 'increment') {
      const current = Number(attributes[effect.attribute] ?? 0);
      attributes[effect.attribute] = (Number.isFinite(current) ? current : 0) + Number(effect.value ?? 0);
    } else attributes[effect.attribute] = effect.value;
    await context.manager.query('UPDATE customers SET attributes = $2, updated_at = $3 WHERE id = $1', [
      context.customerId,
      JSON.stringify(attributes),
      context.now,
    ]);
    // Like a shop's own update: thresholds it crosses start journeys, exit conditions apply.
    const zones: { time_zone: string }[] = await context.manager.query(
      'SELECT time_zone FROM workspaces WHERE id = $1',
      [context.workspaceId],
    );
    const change = await context.profiles.onChange(context.manager, {
      workspaceId: context.workspaceId,
      workspaceZone: zones[0]?.time_zone ?? null,
      before: toCustomerFacts(before),
      after: toCustomerFacts({ ...before, attributes }),
      now: context.now,
    });
    return {
      deliveries: [],
      jobs: [...change.due.map((row) => ({ enrollmentId: row.id, seq: row.seq })), ...change.jobs],
    };
  },
} satisfies { [T in EffectType]: EffectHandler<T> };

export const performEffect = (effect: Effect, context: EffectContext): Promise<EffectOutcome> =>
  (effectHandlers[effect.type] as EffectHandler<typeof effect.type>)(effect as never, context);
