import { z } from 'zod';
import { defineNodeKind } from './node-kind';

const schema = z.object({
  /** The text, with Handlebars variables (`Hi {{firstName}}, your code is {{coupon.code}}`). */
  text: z.string().trim().min(1, 'write the message').max(1600, 'an SMS is at most 1,600 characters (10 segments)'),
  /** Exempt from frequency caps (consent and quiet hours still apply). */
  transactional: z.boolean().default(false),
});

export type SendSmsConfig = z.infer<typeof schema>;

/** Sends one SMS through the workspace's provider; the delivery id is the provider's idempotency key. */
export const sendSmsKind = defineNodeKind({
  kind: 'send-sms',
  category: 'action',
  title: 'Send an SMS',
  schema,
  defaults: { text: 'Hi {{firstName}}!', transactional: false },
  outputs: () => ['next'],
  summarize: (config) => `Send SMS "${config.text.length > 40 ? `${config.text.slice(0, 37)}...` : config.text}"`,
  step: ({ nodeId, config, visit }) => ({
    type: 'next',
    output: 'next',
    effects: [
      { type: 'sendSms', nodeId, visit, text: config.text, ...(config.transactional ? { transactional: true } : {}) },
    ],
    reason: { nodeId, code: 'sms.requested', params: {} },
  }),
});
