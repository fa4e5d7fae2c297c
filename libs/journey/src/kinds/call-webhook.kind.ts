import { z } from 'zod';
import { defineNodeKind } from './node-kind';

const schema = z.object({
  url: z
    .string()
    .trim()
    .url('field.url.format')
    .max(2000)
    .refine((url) => /^https?:\/\//i.test(url), 'field.url.protocol'),
  /** A name the receiver can switch on (`win-back.alert`). */
  topic: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'field.topic.format')
    .default('journey.step'),
});

export type CallWebhookConfig = z.infer<typeof schema>;

/**
 * POSTs the customer and the journey step as signed JSON (Standard Webhooks) to a URL, for a team alert or another
 * system. Retries on 5xx/429 (honouring Retry-After), never on other 4xx; private addresses need workspace consent.
 */
export const callWebhookKind = defineNodeKind({
  kind: 'call-webhook',
  category: 'action',
  title: 'Call a webhook',
  schema,
  defaults: { url: 'https://example.com/hooks/rapport', topic: 'journey.step' },
  outputs: () => ['next'],
  summary: (config) => ({ code: 'call-webhook', params: { url: config.url.replace(/^https?:\/\//, '').slice(0, 50) } }),
  step: ({ nodeId, config, visit }) => ({
    type: 'next',
    output: 'next',
    effects: [{ type: 'callWebhook', nodeId, visit, url: config.url, topic: config.topic }],
    reason: { nodeId, code: 'webhook.requested', params: { url: config.url, topic: config.topic } },
  }),
});
