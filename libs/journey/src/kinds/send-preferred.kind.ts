import { z } from 'zod';
import { defineNodeKind } from './node-kind';
import { checkTemplateExists, templateKeySchema } from './send-email.kind';

const schema = z.object({
  /** The email template, for customers reached by email. */
  template: templateKeySchema,
  /** The SMS text, for customers reached by SMS. */
  text: z.string().trim().min(1, 'field.sms.text-required').max(1600),
  transactional: z.boolean().default(false),
});

export type SendPreferredConfig = z.infer<typeof schema>;

/**
 * One message on the channel the customer prefers (`preferred_channel` on the profile) among those they can be
 * reached on and accept; otherwise the other one. The choice is made when the step runs, from profile and consent.
 */
export const sendPreferredKind = defineNodeKind({
  kind: 'send-preferred',
  category: 'action',
  title: 'Send on the preferred channel',
  schema,
  defaults: { template: 'welcome', text: 'Hi {{firstName}}!', transactional: false },
  outputs: () => ['next'],
  summary: (config) => ({ code: 'send-preferred', params: { template: config.template } }),
  check: checkTemplateExists,
  step: ({ nodeId, config, visit }) => ({
    type: 'next',
    output: 'next',
    effects: [
      {
        type: 'sendPreferred',
        nodeId,
        visit,
        template: config.template,
        text: config.text,
        ...(config.transactional ? { transactional: true } : {}),
      },
    ],
    reason: { nodeId, code: 'message.requested', params: { template: config.template } },
  }),
});
