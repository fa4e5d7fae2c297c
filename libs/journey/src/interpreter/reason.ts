/** Why the engine did what it did; codes with parameters, rendered in the reader's language elsewhere. */
export type ReasonCode =
  | 'enrollment.entered'
  | 'enrollment.goal-reached'
  | 'enrollment.exit-condition'
  | 'enrollment.merged'
  | 'trigger.passed'
  | 'wait.scheduled'
  | 'wait.elapsed'
  | 'wait.not-yet-due'
  | 'condition.matched'
  | 'condition.not-matched'
  | 'email.requested'
  | 'attribute.update-requested'
  | 'coupon.requested'
  | 'sms.requested'
  | 'message.requested'
  | 'webhook.requested'
  | 'coupon.pool-empty'
  | 'coupon.pool-missing'
  | 'exit.reached'
  | 'output.unconnected'
  | 'node.missing'
  | 'step.limit-reached'
  | 'input.ignored'
  // waits
  | 'wait.until-date'
  | 'wait.date-passed'
  | 'wait.date-missing'
  | 'wait.until-time'
  | 'wait.for-event'
  | 'wait.event-received'
  | 'wait.event-timeout'
  | 'wait.inside-window'
  | 'wait.until-window'
  // end waits
  // triggers and branches
  | 'trigger.date-reached'
  | 'trigger.threshold-crossed'
  | 'trigger.attribute-changed'
  | 'trigger.audience-joined'
  | 'trigger.schedule-reached'
  | 'split.branch-matched'
  | 'split.no-branch-matched'
  | 'random-split.drawn'
  | 'holdout.assigned'
  | 'history.matched'
  | 'history.not-matched';

export type ReasonParams = Record<string, string | number | boolean | null>;

export type Reason = { nodeId: string; code: ReasonCode; params: ReasonParams };

const show = (value: ReasonParams[string] | undefined): string =>
  value === undefined || value === null ? 'nothing' : typeof value === 'string' ? `"${value}"` : String(value);

/** English sentences for the timeline; the editor's catalog can replace these per language. */
export const reasonMessages = {
  'enrollment.entered': (p) => `Entered the journey${p['event'] ? ` on ${show(p['event'])}` : ''}.`,
  'enrollment.goal-reached': () => 'Reached the goal, so left the journey.',
  'enrollment.exit-condition': () => "Now matches the journey's exit condition, so left the journey.",
  'enrollment.merged': () =>
    'Left: this visitor signed up as a known customer who is already in this journey, and their profiles were merged.',
  'trigger.passed': () => 'Started the journey.',
  'wait.scheduled': (p) => `Waiting ${p['amount']} ${p['unit']}, until ${p['until']}.`,
  'wait.elapsed': () => 'The wait is over.',
  'wait.not-yet-due': (p) => `Still waiting until ${p['until']}.`,
  'condition.matched': (p) =>
    `${p['source'] === 'event' ? 'Event' : 'Customer'} ${p['path']} is ${show(p['actual'])}, so "${p['operator']} ${show(p['expected'])}" holds: yes.`,
  'condition.not-matched': (p) =>
    `${p['source'] === 'event' ? 'Event' : 'Customer'} ${p['path']} is ${show(p['actual'])}, so "${p['operator']} ${show(p['expected'])}" does not hold: no.`,
  'email.requested': (p) => `Email "${p['template']}" queued for sending.`,
  'sms.requested': () => 'SMS queued for sending.',
  'message.requested': (p) => `Message "${p['template']}" queued on the customer's preferred channel.`,
  'webhook.requested': (p) => `Webhook "${p['topic']}" queued for ${p['url']}.`,
  'coupon.requested': (p) => `A coupon from "${p['pool']}" is given.`,
  'coupon.pool-empty': (p) =>
    `Coupon pool "${p['pool']}" has no codes left, so the journey stopped here (no message without its code).`,
  'coupon.pool-missing': (p) => `Coupon pool "${p['pool']}" does not exist, so the journey stopped here.`,
  'attribute.update-requested': (p) =>
    p['operation'] === 'unset'
      ? `Removed ${p['attribute']}.`
      : p['operation'] === 'increment'
        ? `Added ${show(p['value'])} to ${p['attribute']}.`
        : `Set ${p['attribute']} to ${show(p['value'])}.`,
  'exit.reached': () => 'Reached the end of the journey.',
  'output.unconnected': (p) => `Output "${p['output']}" leads nowhere, so the journey stopped here.`,
  'node.missing': () => 'This step no longer exists in the journey version.',
  'step.limit-reached': (p) => `Paused after ${p['steps']} steps in a row; continues right away.`,
  'input.ignored': (p) => `Nothing to do for ${p['input']} (${p['why']}).`,
  // waits
  'wait.until-date': (p) => `Waiting until ${p['until']}, counted from ${p['date']}.`,
  'wait.date-passed': (p) =>
    `The moment to wait for (${p['until']}) had already passed, so ${p['then'] === 'skip' ? 'left through "skipped"' : 'went on at once'}.`,
  'wait.date-missing': (p) =>
    `No usable date in ${p['source']} ${p['path']}${p['addDaysFrom'] ? ` plus days from ${p['addDaysFrom']}` : ''}, so ${p['then'] === 'skip' ? 'left through "skipped"' : 'went on at once'}.`,
  'wait.until-time': (p) => `Waiting until ${p['time']} ${p['days']} in ${p['zone']}: ${p['until']}.`,
  'wait.for-event': (p) => `Waiting for ${show(p['event'])} until ${p['until']} at the latest.`,
  'wait.event-received': (p) => `${show(p['event'])} arrived, so went on through "event".`,
  'wait.event-timeout': (p) => `${show(p['event'])} did not arrive in time, so went on through "timeout".`,
  'wait.inside-window': (p) => `Within ${p['from']}-${p['to']} ${p['days']} in ${p['zone']}, so went on.`,
  'wait.until-window': (p) =>
    `Outside ${p['from']}-${p['to']} ${p['days']} in ${p['zone']}, so waiting until it opens at ${p['until']}.`,
  // end waits
  // triggers and branches
  'trigger.date-reached': (p) => `Started the journey on the date in ${p['attribute']} (${show(p['date'])}).`,
  'trigger.threshold-crossed': (p) =>
    `Started the journey: ${p['attribute']} crossed ${p['threshold']} going ${p['direction']} (now ${show(p['after'])}).`,
  'trigger.attribute-changed': (p) => `Started the journey: ${p['attribute']} changed to ${show(p['after'])}.`,
  'trigger.audience-joined': (p) => `Started the journey on joining the audience ${show(p['audience'])}.`,
  'trigger.schedule-reached': (p) => `Started the journey on the schedule for the audience ${show(p['audience'])}.`,
  'split.branch-matched': (p) => `Took branch "${p['branch']}" because ${p['why']}.`,
  'split.no-branch-matched': (p) => `No branch matched (${p['why']}), so took "else".`,
  'random-split.drawn': (p) => `Drew ${p['draw']} out of 100, so took "${p['branch']}" (${p['percent']}%).`,
  'holdout.assigned': (p) =>
    `Drew ${p['draw']} out of 100, so joined the ${p['group']} group (control is ${p['controlPercent']}%).`,
  'history.matched': (p) => `Did ${show(p['event'])} ${p['count']} time(s), so "${p['expected']}" holds: yes.`,
  'history.not-matched': (p) =>
    `Did ${show(p['event'])} ${p['count']} time(s), so "${p['expected']}" does not hold: no.`,
} satisfies Record<ReasonCode, (params: ReasonParams) => string>;

export const describeReason = (reason: Reason): string => reasonMessages[reason.code](reason.params);
