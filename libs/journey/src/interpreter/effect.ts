/**
 * Side effects are data: the interpreter asks, the worker performs them through its effect registry.
 * `visit` makes each request unique per enrollment + node + visit, which is what makes sends idempotent.
 */
export type SendEmailEffect = { type: 'sendEmail'; nodeId: string; visit: number; template: string };

export type Effect = SendEmailEffect;

export type EffectType = Effect['type'];
