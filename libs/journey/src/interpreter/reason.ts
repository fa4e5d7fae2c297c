/**
 * Why the engine did what it did: codes with parameters. The core writes no sentences; @rapport/messages renders
 * `reason.<code>` in the reader's language.
 */
export const REASON_CODES = [
  'enrollment.entered',
  'enrollment.goal-reached',
  'enrollment.exit-condition',
  'enrollment.merged',
  'trigger.passed',
  'wait.scheduled',
  'wait.elapsed',
  'wait.not-yet-due',
  'condition.matched',
  'condition.not-matched',
  'email.requested',
  'attribute.update-requested',
  'coupon.requested',
  'sms.requested',
  'message.requested',
  'webhook.requested',
  'coupon.pool-empty',
  'coupon.pool-missing',
  'exit.reached',
  'output.unconnected',
  'node.missing',
  'step.limit-reached',
  'input.ignored',
  // waits
  'wait.until-date',
  'wait.date-passed',
  'wait.date-missing',
  'wait.until-time',
  'wait.for-event',
  'wait.event-received',
  'wait.event-timeout',
  'wait.inside-window',
  'wait.until-window',
  // end waits
  // triggers and branches
  'trigger.date-reached',
  'trigger.threshold-crossed',
  'trigger.attribute-changed',
  'trigger.audience-joined',
  'trigger.schedule-reached',
  'split.branch-matched',
  'split.no-branch-matched',
  'random-split.drawn',
  'holdout.assigned',
  'history.matched',
  'history.not-matched',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export type ReasonParams = Record<string, string | number | boolean | null>;

export type Reason = { nodeId: string; code: ReasonCode; params: ReasonParams };

export const isReasonCode = (code: string): code is ReasonCode => (REASON_CODES as readonly string[]).includes(code);
