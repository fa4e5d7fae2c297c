import { z } from 'zod';
import { defineNodeKind, type ValidationContext } from './node-kind';

/** The key of a workspace email template (`thank-you`); shared by every kind that sends one. */
export const templateKeySchema = z
  .string()
  .trim()
  .min(1, 'field.template.required')
  .max(100)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'field.template.format');

/** The publish check every email-sending kind makes: its template exists in the workspace. */
export const checkTemplateExists = (config: { template: string }, context: ValidationContext) =>
  context.templates && !context.templates.has(config.template)
    ? [{ code: 'template.unknown' as const, path: ['config', 'template'], params: { template: config.template } }]
    : [];

const schema = z.object({
  template: templateKeySchema,
  /** An order confirmation and the like: exempt from frequency caps (consent and quiet hours still apply). */
  transactional: z.boolean().default(false),
});

export type SendEmailConfig = z.infer<typeof schema>;

/** Sends one email rendered from a template; the worker's delivery outbox makes it exactly once. */
export const sendEmailKind = defineNodeKind({
  kind: 'send-email',
  category: 'action',
  title: 'Send an email',
  schema,
  defaults: { template: 'welcome', transactional: false },
  outputs: () => ['next'],
  summary: (config) => ({ code: 'send-email', params: { template: config.template } }),
  check: checkTemplateExists,
  step: ({ nodeId, config, visit }) => ({
    type: 'next',
    output: 'next',
    effects: [
      {
        type: 'sendEmail',
        nodeId,
        visit,
        template: config.template,
        ...(config.transactional ? { transactional: true } : {}),
      },
    ],
    reason: { nodeId, code: 'email.requested', params: { template: config.template } },
  }),
});
