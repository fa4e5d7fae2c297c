import { editorEn } from './catalog-editor.en';
import { formEn } from './catalog-form.en';
import { fieldsEn } from './catalog-fields.en';
import { appEn } from './catalog-app.en';
import { screensEn } from './catalog-screens.en';
import { apiEn, apiFieldsEn, attributeWordsEn } from './catalog-api.en';
import { publishEn } from './catalog-publish.en';
import { audienceWordsEn } from './catalog-audience-words.en';
import { importsEn } from './catalog-imports.en';
import { customersEn } from './catalog-customers.en';

/**
 * Every marketer-facing and customer-facing sentence Rapport writes, in English: the reference catalog. Keys are
 * `<area>.<code>`; messages use the syntax in message-format.ts. The Chinese catalog must have every key here.
 */
// Shared pieces, spelled out in each message that uses them (a translator sees whole sentences).
const waited =
  '{amount, plural, one {# {unit, select, minutes {minute} hours {hour} days {day} weeks {week} other {{unit}}}}' +
  ' other {# {unit, select, minutes {minutes} hours {hours} days {days} weeks {weeks} other {{unit}}}}}';
const what =
  '{channel, select, sms {SMS} webhook {Webhook} other {Email}}{template, select, none {} other { "{template}"}}';

const operatorWords =
  '{operator, select, eq {equals} neq {differs from} gt {is more than} gte {is at least} lt {is less than}' +
  ' lte {is at most} contains {contains} exists {is set} not_exists {is not set} other {{operator}}}' +
  '{operator, select, exists {} not_exists {} other { {expected, value}}}';
const subject = '{source, select, event {Event} other {Customer}} {path}';
const historyTest =
  '{comparison, select, none {did not do it} at-least {did it at least {times, plural, one {once} other {# times}}}' +
  ' other {did it at most {times, plural, one {once} other {# times}}}}' +
  '{withinDays, select, none {} other { in the last {withinDays, plural, one {# day} other {# days}}}}';
// Why a delivery failed: our own reason as a code, else the channel's error as the receiver wrote it.
const failedWhy =
  '{rule, select, customer-gone {the customer no longer exists} channel-not-configured {the channel is not configured} other {{error}}}';
// Why a delivery rule held a message back or stopped it; `why` is the receiver's own words (retry-after).
const ruleWords =
  '{rule, select, quiet-hours {quiet hours} frequency-cap {frequency cap: {sent, number} {channel, select, sms {SMS} other {email}} ' +
  'messages in {days, plural, one {# day} other {# days}}} consent-withdrawn {the customer withdrew ' +
  '{channel, select, sms {SMS} other {email}} consent ({source, select, unsubscribe-link {unsubscribe link} api {API} import {import} identify {identify call} other {{source}}})}' +
  ' no-consent {no {channel, select, sms {SMS} other {email}} consent} no-recipient {the customer has no ' +
  '{channel, select, sms {phone number} other {email address}}} retry-after {the receiver asked to try again later: {why}} other {{why}}}';

export const en = {
  // Words the formatter itself uses for `{x, value}`.
  'value.nothing': 'nothing',
  'value.true': 'true',
  'value.false': 'false',
  'value.quoted': '"{text}"',

  // Validation problems: what stops a journey from being published (libs/journey validation/problem.ts).
  'problem.journey.no-trigger': 'Add a trigger: without one, nobody can enter this journey.',
  'problem.journey.malformed': 'The journey document is not in the expected shape at "{field}": {detail}.',
  'problem.node.duplicate-id': 'Two steps share the id "{id}"; each step needs its own.',
  'problem.node.unknown-kind': 'This step\'s kind "{kind}" is not one Rapport knows.',
  'problem.node.invalid-config': 'This step\'s setting "{field}" is not valid: {detail}.',
  'problem.node.unreachable': 'No customer can reach this step: connect it to the path from a trigger.',
  'problem.edge.unknown-node': 'A connection points to a step "{id}" that does not exist.',
  'problem.edge.unknown-output': 'This step has no output "{output}" to connect from.',
  'problem.edge.duplicate-output': 'Output "{output}" is connected twice; keep one connection.',
  'problem.edge.into-trigger': 'A trigger starts the journey; nothing can lead into it.',
  'problem.output.dangling': 'Output "{output}" is not connected: say where customers go next.',
  'problem.graph.loop-without-wait':
    'These steps loop back without any wait ({cycle}): customers would go round forever.',
  'problem.template.unknown': 'There is no email template "{template}" in this workspace.',
  'problem.template.missing-variable':
    "{template, select, none {The SMS text} other {Email template \"{template}\"}} uses '{{'{variable}'}}'" +
    '{field, select, none {} other { in its {field}}}, which customers will not have when it is sent:' +
    ' declare the attribute, or fix the name.',
  'problem.coupon-pool.unknown': 'There is no coupon pool "{pool}" in this workspace.',
  'problem.audience.unknown': 'There is no saved audience "{audience}" in this workspace.',
  'problems.publish-refused':
    '{count, plural, one {The journey has # problem to fix before publishing.} other {The journey has # problems to fix before publishing.}}',

  // Decision reasons: why the engine did what it did, shown in the customer's timeline (interpreter/reason.ts).
  'reason.enrollment.entered': 'Entered the journey{event, select, none {} other { on {event, value}}}.',
  'reason.enrollment.goal-reached': 'Reached the goal, so left the journey.',
  'reason.enrollment.exit-condition': "Now matches the journey's exit condition, so left the journey.",
  'reason.enrollment.merged':
    'Left: this visitor signed up as a known customer who is already in this journey, and their profiles were merged.',
  'reason.trigger.passed': 'Started the journey.',
  'reason.wait.scheduled': `Waiting ${waited}, until {until, datetime}.`,
  'reason.wait.elapsed': 'The wait is over.',
  'reason.wait.not-yet-due': 'Still waiting until {until, datetime}.',
  'reason.condition.matched': `${subject} is {actual, value}, so "${operatorWords}" holds: yes.`,
  'reason.condition.not-matched': `${subject} is {actual, value}, so "${operatorWords}" does not hold: no.`,
  'reason.email.requested': 'Email "{template}" queued for sending.',
  'reason.sms.requested': 'SMS queued for sending.',
  'reason.message.requested': 'Message "{template}" queued on the customer\'s preferred channel.',
  'reason.webhook.requested': 'Webhook "{topic}" queued for {url}.',
  'reason.coupon.requested': 'A coupon from "{pool}" is given.',
  'reason.coupon.pool-empty':
    'Coupon pool "{pool}" has no codes left, so the journey stopped here (no message without its code).',
  'reason.coupon.pool-missing': 'Coupon pool "{pool}" does not exist, so the journey stopped here.',
  'reason.attribute.update-requested':
    '{operation, select, unset {Removed {attribute}.} increment {Added {value, value} to {attribute}.} other {Set {attribute} to {value, value}.}}',
  'reason.exit.reached': 'Reached the end of the journey.',
  'reason.output.unconnected': 'Output "{output}" leads nowhere, so the journey stopped here.',
  'reason.node.missing': 'This step no longer exists in the journey version.',
  'reason.step.limit-reached': 'Paused after {steps, number} steps in a row; continues right away.',
  'reason.input.ignored':
    'Nothing to do for {input, select, entry {the entry} timer {the timer} event {the event} other {{input}}} (' +
    '{why, select, ended {the journey is over for this customer: {status, select, completed {completed} exited {left} failed {failed} other {{status}}}}' +
    ' already-entered {already in the journey} no-timer {not waiting for a time} not-due {not due yet}' +
    ' not-waiting-for-event {not waiting for this event} other {{why}}}).',
  'reason.wait.until-date':
    'Waiting until {until, datetime}, counted from {date, select, none {{source, select, event {{path, select,' +
    " timestamp {the event time} other {the event's {path}}}} other {the customer's {path}}}" +
    '{addDaysFrom, select, none {} other { plus the days in {addDaysFrom}}}} other {{date}}}.',
  'reason.wait.date-passed':
    'The moment to wait for ({until, datetime}) had already passed, so {then, select, skip {left through "skipped"} other {went on at once}}.',
  'reason.wait.date-missing':
    'No usable date in {source} {path}{addDaysFrom, select, none {} other { plus days from {addDaysFrom}}}, so {then, select, skip {left through "skipped"} other {went on at once}}.',
  'reason.wait.until-time':
    'Waiting until {time} {days, select, every {every day} weekdays {on weekdays} weekends {on weekends} other {on {days, weekdays}}} in {zone}: {until, datetime}.',
  'reason.wait.for-event': 'Waiting for {event, value} until {until, datetime} at the latest.',
  'reason.wait.event-received': '{event, value} arrived, so went on through "event".',
  'reason.wait.event-timeout': '{event, value} did not arrive in time, so went on through "timeout".',
  'reason.wait.inside-window':
    'Within {from}-{to} {days, select, every {every day} weekdays {on weekdays} weekends {on weekends} other {on {days, weekdays}}} in {zone}, so went on.',
  'reason.wait.until-window':
    'Outside {from}-{to} {days, select, every {every day} weekdays {on weekdays} weekends {on weekends} other {on {days, weekdays}}} in {zone}, so waiting until it opens at {until, datetime}.',
  'reason.trigger.date-reached': 'Started the journey on the date in {attribute} ({date, value}).',
  'reason.trigger.threshold-crossed':
    'Started the journey: {attribute} crossed {threshold} going {direction, select, up {up} down {down} other {{direction}}} (now {after, value}).',
  'reason.trigger.attribute-changed': 'Started the journey: {attribute} changed to {after, value}.',
  'reason.trigger.audience-joined': 'Started the journey on joining the audience {audience, value}.',
  'reason.trigger.schedule-reached': 'Started the journey on the schedule for the audience {audience, value}.',
  'reason.split.branch-matched':
    'Took branch "{branch}": {checks, plural, one {its condition holds} other {all # of its conditions hold}}.',
  'reason.split.no-branch-matched':
    '{branches, plural, one {The branch did not match} other {None of the # branches matched}}, so took "else"' +
    ` (in "{branch}", ${subject} is {actual, value}, not "${operatorWords}").`,
  'reason.random-split.drawn': 'Drew {draw} out of 100, so took "{branch}" ({percent}%).',
  'reason.holdout.assigned':
    'Drew {draw} out of 100, so joined the {group, select, control {control} treatment {treatment} other {{group}}} group (control is {controlPercent}%).',
  'reason.history.matched':
    'Did {event, value} {count, plural, one {# time} other {# times}}{filters, plural, =0 {} other { (counting matches of its filters)}},' +
    ` so "${historyTest}" holds: yes.`,
  'reason.history.not-matched':
    'Did {event, value} {count, plural, one {# time} other {# times}}{filters, plural, =0 {} other { (counting matches of its filters)}},' +
    ` so "${historyTest}" does not hold: no.`,

  // Delivery outcomes the worker appends to the timeline (libs/engine delivery.sender.ts).
  'outcome.email.sent': 'Email "{template}" sent to {to}.',
  'outcome.email.failed': `Email "{template}" could not be sent: ${failedWhy}.`,
  'outcome.sms.sent': `${what} sent to {to}.`,
  'outcome.sms.failed': `${what} could not be sent: ${failedWhy}.`,
  'outcome.webhook.sent': `${what} delivered to {to}.`,
  'outcome.webhook.failed': `${what} could not be delivered: ${failedWhy}.`,
  'outcome.delivery.suppressed': `${what} not sent: ${ruleWords}.`,
  'outcome.delivery.deferred': `${what} held back (${ruleWords}) until {until, datetime}.`,
  'outcome.delivery.unknown': `${what} may or may not have gone out: {error}.`,

  // The unsubscribe page a customer reaches from an email's link (apps/api unsubscribe).
  'unsubscribe.title': 'Unsubscribe',
  'unsubscribe.question': 'Stop receiving these emails?',
  'unsubscribe.button': 'Unsubscribe',
  'unsubscribe.invalid.title': 'This link is not valid',
  'unsubscribe.invalid.hint': 'It may have been cut short. Use the link from the newest message.',
  'unsubscribe.invalid.unchanged': 'Nothing was changed.',
  'unsubscribe.done.title': 'You are unsubscribed',
  'unsubscribe.done.body': 'You will not receive these emails any more.',

  // The editor's shared chrome (apps/editor outside the canvas and screens).
  'editor.language.label': 'Language',
  'editor.error.network': 'Could not reach the Rapport API ({detail}).',
  'editor.error.http': 'The API answered {status} {statusText}.',
  'editor.error.upload-broke': 'The upload broke off before the whole file was sent.',
  'editor.loading': 'Loading…',

  ...editorEn,
  ...formEn,
  ...fieldsEn,
  ...appEn,
  ...screensEn,
  ...apiEn,
  ...apiFieldsEn,
  ...attributeWordsEn,
  ...publishEn,
  ...audienceWordsEn,
  ...importsEn,
  ...customersEn,
} as const;

export type MessageKey = keyof typeof en;
