import { z } from 'zod';
import { defineNodeKind } from './node-kind';

const schema = z.object({
  audience: z.string().trim().min(1, 'field.audience.new-members-required').max(200),
});

export type AudienceTriggerConfig = z.infer<typeof schema>;

/** Enrolls a customer when they join an audience (for example the customers at risk of churning). */
export const audienceTriggerKind = defineNodeKind({
  kind: 'audience-trigger',
  category: 'trigger',
  title: 'When a customer joins an audience',
  schema,
  defaults: { audience: 'at-risk' },
  outputs: () => ['next'],
  check: (config, context) =>
    context.audiences && !context.audiences.has(config.audience)
      ? [{ code: 'audience.unknown', path: ['config', 'audience'], params: { audience: config.audience } }]
      : [],
  summary: (config) => ({ code: 'audience-trigger', params: { audience: config.audience } }),
  trigger: {
    keys: (config) => [`audience:${config.audience}`],
    matchesAudience: (config, audienceId) => audienceId === config.audience,
  },
  step: ({ nodeId, config }) => ({
    type: 'next',
    output: 'next',
    reason: { nodeId, code: 'trigger.audience-joined', params: { audience: config.audience } },
  }),
});
