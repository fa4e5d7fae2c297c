/**
 * Side effects are data: the interpreter asks, the worker performs them through its effect registry.
 * `visit` makes each request unique per enrollment + node + visit, which is what makes sends idempotent.
 */
export type SendEmailEffect = {
  type: 'sendEmail';
  nodeId: string;
  visit: number;
  template: string;
  /** Order confirmations and the like: exempt from frequency caps. */
  transactional?: boolean;
};

/** Changes the customer's profile in the step's own transaction (so a retry never applies it twice). */
export type UpdateAttributeEffect = {
  type: 'updateAttribute';
  nodeId: string;
  visit: number;
  attribute: string;
  operation: 'set' | 'increment' | 'unset';
  value?: string | number | boolean;
};

/** Takes one unique code from a pool for this enrollment step (templates after it read `coupon.code`). */
export type IssueCouponEffect = { type: 'issueCoupon'; nodeId: string; visit: number; pool: string };

export type SendSmsEffect = { type: 'sendSms'; nodeId: string; visit: number; text: string; transactional?: boolean };

export type CallWebhookEffect = { type: 'callWebhook'; nodeId: string; visit: number; url: string; topic: string };

/** Email or SMS, whichever the customer prefers and accepts (decided when the step runs). */
export type SendPreferredEffect = {
  type: 'sendPreferred';
  nodeId: string;
  visit: number;
  template: string;
  text: string;
  transactional?: boolean;
};

export type Effect =
  SendEmailEffect | SendSmsEffect | SendPreferredEffect | CallWebhookEffect | UpdateAttributeEffect | IssueCouponEffect;

export type EffectType = Effect['type'];
