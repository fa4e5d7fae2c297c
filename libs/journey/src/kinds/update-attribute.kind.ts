import { z } from 'zod';
import { defineNodeKind } from './node-kind';

const PROFILE_FIELDS = ['id', 'externalId', 'email', 'phone', 'timeZone', 'locale'];

const schema = z
  .object({
    attribute: z
      .string()
      .trim()
      .min(1, 'field.attribute.change-required')
      .max(200)
      .regex(/^[A-Za-z0-9_-]+$/, 'field.attribute.name-format')
      .refine((name) => !PROFILE_FIELDS.includes(name), 'field.attribute.profile-field'),
    operation: z.enum(['set', 'increment', 'unset']),
    value: z.union([z.string().max(500), z.number(), z.boolean()]).optional(),
  })
  .refine((config) => config.operation === 'unset' || config.value !== undefined, {
    message: 'field.value.required',
    path: ['value'],
  })
  .refine((config) => config.operation !== 'increment' || typeof config.value === 'number', {
    message: 'field.value.number',
    path: ['value'],
  });

export type UpdateAttributeConfig = z.infer<typeof schema>;

/** Sets, increments or removes a profile attribute (`tier = "gold"`); other journeys may react (thresholds). */
export const updateAttributeKind = defineNodeKind({
  kind: 'update-attribute',
  category: 'action',
  title: 'Update an attribute',
  schema,
  defaults: { attribute: 'tier', operation: 'set', value: 'gold' },
  outputs: () => ['next'],
  summary: (config) => ({
    code: 'update-attribute',
    params: {
      attribute: config.attribute,
      operation: config.operation,
      value: config.operation === 'increment' ? String(config.value) : JSON.stringify(config.value ?? null),
    },
  }),
  step: ({ nodeId, config, visit }) => ({
    type: 'next',
    output: 'next',
    effects: [
      {
        type: 'updateAttribute',
        nodeId,
        visit,
        attribute: config.attribute,
        operation: config.operation,
        ...(config.value === undefined ? {} : { value: config.value }),
      },
    ],
    reason: {
      nodeId,
      code: 'attribute.update-requested',
      params: { attribute: config.attribute, operation: config.operation, value: config.value ?? null },
    },
  }),
});
