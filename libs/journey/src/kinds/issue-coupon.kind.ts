import { z } from 'zod';
import { defineNodeKind } from './node-kind';

const schema = z.object({
  /** The key of a workspace coupon pool (`birthday-15`). */
  pool: z
    .string()
    .trim()
    .min(1, 'field.coupon-pool.required')
    .max(100)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'field.coupon-pool.format'),
});

export type IssueCouponConfig = z.infer<typeof schema>;

/**
 * Gives the customer one unique code from a pool, for the messages after it (`{{coupon.code}}`). The code is taken
 * in the step's own transaction: a retry never burns a second one; an empty pool stops the journey here with the
 * reason rather than sending a message without a code.
 */
export const issueCouponKind = defineNodeKind({
  kind: 'issue-coupon',
  category: 'action',
  title: 'Give a unique coupon',
  schema,
  defaults: { pool: 'welcome' },
  outputs: () => ['next'],
  summary: (config) => ({ code: 'issue-coupon', params: { pool: config.pool } }),
  check: (config, context) =>
    context.couponPools && !context.couponPools.has(config.pool)
      ? [{ code: 'coupon-pool.unknown', path: ['config', 'pool'], params: { pool: config.pool } }]
      : [],
  step: ({ nodeId, config, visit }) => ({
    type: 'next',
    output: 'next',
    effects: [{ type: 'issueCoupon', nodeId, visit, pool: config.pool }],
    reason: { nodeId, code: 'coupon.requested', params: { pool: config.pool } },
  }),
});
