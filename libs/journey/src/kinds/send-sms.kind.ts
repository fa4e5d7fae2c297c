import { z } from 'zod';
import { measureSms } from '../text/sms-segments';
import { defineNodeKind } from './node-kind';

const schema = z.object({
  /** The text, with Handlebars variables (`Hi {{firstName}}, your code is {{coupon.code}}`). */
  text: z.string().trim().min(1, 'field.sms.message-required').max(1600, 'field.sms.too-long'),
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
  summary: (config) => {
    // Measured on the template text: variables may make the sent message longer.
    const { segments, encoding } = measureSms(config.text);
    const preview = config.text.length > 40 ? `${config.text.slice(0, 37)}...` : config.text;
    return { code: 'send-sms', params: { preview, segments, encoding } };
  },
  step: ({ nodeId, config, visit }) => ({
    type: 'next',
    output: 'next',
    effects: [
      { type: 'sendSms', nodeId, visit, text: config.text, ...(config.transactional ? { transactional: true } : {}) },
    ],
    reason: { nodeId, code: 'sms.requested', params: {} },
  }),
});
