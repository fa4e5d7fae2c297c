import type { Effect, EffectType } from '@rapport/journey';
import type { NewDelivery } from '@rapport/persistence';

export type EffectContext = { workspaceId: string; enrollmentId: string; customerId: string };

type EffectHandler<T extends EffectType> = (
  effect: Extract<Effect, { type: T }>,
  context: EffectContext,
) => NewDelivery;

/**
 * How each effect the interpreter asks for becomes an outbox row, written in the step's own transaction.
 * A new effect type fails to compile until it has an entry here.
 */
export const effectHandlers = {
  sendEmail: (effect, context) => ({
    ...context,
    nodeId: effect.nodeId,
    visit: effect.visit,
    channel: 'email',
    templateKey: effect.template,
  }),
} satisfies { [T in EffectType]: EffectHandler<T> };

export const toDelivery = (effect: Effect, context: EffectContext): NewDelivery =>
  (effectHandlers[effect.type] as EffectHandler<typeof effect.type>)(effect, context);
