/**
 * The editor's words (apps/editor): node kinds, the canvas, the settings form, problems, sign-in and the journey
 * list. Spread into the English catalog (catalog.en.ts); keys are `<where>.<what>`.
 */
const unitWords = '{unit, select, minutes {minute} hours {hour} days {day} weeks {week} months {month} other {{unit}}}';
const unitsWords =
  '{unit, select, minutes {minutes} hours {hours} days {days} weeks {weeks} months {months} other {{unit}}}';
const dayWords =
  '{days, select, every {every day} weekdays {on weekdays} weekends {on weekends} other {on {days, weekdays}}}';
const operatorWords =
  '{operator, select, eq {equals} neq {differs from} gt {is more than} gte {is at least} lt {is less than}' +
  ' lte {is at most} contains {contains} exists {is set} not_exists {is not set} other {{operator}}}';

export const editorEn = {
  // Node kinds: titles (palette, settings heading, a step without a name) and categories (the card's header).
  'kind.event-trigger.title': 'When a customer does an event',
  'kind.date-trigger.title': 'On a date from the profile',
  'kind.threshold-trigger.title': 'When a number crosses a threshold',
  'kind.attribute-change-trigger.title': 'When a profile value changes',
  'kind.audience-trigger.title': 'When a customer joins an audience',
  'kind.schedule-trigger.title': 'On a schedule, for an audience',
  'kind.wait-delay.title': 'Wait for a while',
  'kind.wait-until-date.title': 'Wait until a date',
  'kind.wait-time-of-day.title': 'Wait until a time of day',
  'kind.wait-for-event.title': 'Wait for an event, up to a time',
  'kind.time-window.title': 'Continue only within hours',
  'kind.attribute-condition.title': 'If an attribute matches',
  'kind.multi-split.title': 'Split into branches',
  'kind.random-split.title': 'Split at random',
  'kind.holdout.title': 'Hold out a control group',
  'kind.event-history-condition.title': 'If the customer did an event before',
  'kind.send-email.title': 'Send an email',
  'kind.send-sms.title': 'Send an SMS',
  'kind.send-preferred.title': 'Send on the preferred channel',
  'kind.call-webhook.title': 'Call a webhook',
  'kind.issue-coupon.title': 'Give a unique coupon',
  'kind.update-attribute.title': 'Update an attribute',
  'kind.exit.title': 'Exit the journey',
  'kind.unknown.title': 'Unknown step "{kind}"',
  'kind.category.trigger': 'Trigger',
  'kind.category.wait': 'Wait',
  'kind.category.condition': 'Condition',
  'kind.category.action': 'Action',
  'kind.category.exit': 'Exit',
  'kind.category.unknown': 'Unknown',

  // Node summaries on the canvas: the core's `summary` code with its parameters (libs/journey kinds).
  'summary.unknown-kind': 'Rapport does not know this kind',
  'summary.needs-settings': 'Needs settings',
  'summary.event-trigger':
    'When {event} happens{filters, plural, =0 {} one { where # property test holds} other { where # property tests hold}}',
  'summary.date-trigger':
    `{direction, select, on {On} before {{amount, plural, one {# ${unitWords}} other {# ${unitsWords}}} before}` +
    ` other {{amount, plural, one {# ${unitWords}} other {# ${unitsWords}}} after}} {attribute} at {atTime}` +
    '{repeat, select, yearly {, every year} run-now {, once (right away if already past)} other {, once (skipped if already past)}}',
  'summary.threshold-trigger':
    '{direction, select, up {When {attribute} reaches {threshold}} other {When {attribute} drops below {threshold}}}',
  'summary.attribute-change-trigger':
    'When {attribute} changes{from, select, none {} other { from {from}}}{to, select, none {} other { to {to}}}',
  'summary.audience-trigger': 'When a customer joins {audience}',
  'summary.wait-delay': `Wait {amount, plural, one {# ${unitWords}} other {# ${unitsWords}}}`,
  'summary.attribute-condition': `If {source, select, event {event} other {customer}} {path} ${operatorWords}{value, select, none {} other { {value}}}`,
  'summary.wait-until-date':
    `Wait until {direction, select, on {} before {{amount, plural, one {# ${unitWords}} other {# ${unitsWords}}} before }` +
    ` other {{amount, plural, one {# ${unitWords}} other {# ${unitsWords}}} after }}` +
    '{source, select, event-time {the event time} event {event {path}} other {customer {path}}}' +
    '{addDaysFrom, select, none {} other { plus {addDaysFrom} days}}{atTime, select, none {} other {, at {atTime}}}' +
    ' ({ifPast, select, skip {skip if past} other {go on if past}})',
  'summary.wait-time-of-day': `Wait until the next {time} ${dayWords}, in the customer's time`,
  'summary.wait-for-event':
    `Wait up to {amount, plural, one {# ${unitWords}} other {# ${unitsWords}}} for {event}` +
    '{filters, plural, =0 {} one { where # property test holds} other { where # property tests hold}}' +
    '{same, select, none {} other { with the same {same}}}',
  'summary.time-window':
    'Continue only between {from} and {to}{overnight, select, true { (next day)} other {}} ' +
    `${dayWords}, in the customer's time`,
  'summary.schedule-trigger':
    '{kind, select, once {On {date, date} at {time}}' +
    ' other {{days, select, every {Every day} other {Every {days, weekdays}}} at {time}}}, their local time, for {audience}',
  'summary.multi-split': '{count, plural, one {Branch} other {Branches}} {branches}; otherwise else',
  'summary.event-history-condition':
    'If {comparison, select, none {has not done {event}} at-least {has done {event} at least {count, plural, one {once} other {# times}}}' +
    ' other {has done {event} at most {count, plural, one {once} other {# times}}}}' +
    '{filters, plural, =0 {} one {, where # property test holds} other {, where # property tests hold}}' +
    '{withinDays, select, none {} other { in the last {withinDays, plural, one {# day} other {# days}}}}',
  'summary.random-split': 'Split at random: {branches}',
  'summary.holdout': 'Hold back {controlPercent}% as a control group',
  'summary.send-email': 'Send email "{template}"',
  'summary.send-sms': 'Send SMS "{preview}" ({segments, plural, one {# segment} other {# segments}}, {encoding})',
  'summary.send-preferred': 'Send "{template}" by email or SMS, as the customer prefers',
  'summary.call-webhook': 'Call {url}',
  'summary.issue-coupon': 'Give a coupon from "{pool}"',
  'summary.update-attribute':
    '{operation, select, unset {Remove {attribute}} increment {Add {value} to {attribute}} other {Set {attribute} to {value}}}',
  'summary.exit': 'Exit',

  // The canvas: cards, edges, tools, toolbar and editor frame (apps/editor/src/nodes, editor).
  'canvas.node.input': 'Input',
  'canvas.node.output': 'Output {name}',
  'canvas.node.problems': '{count, plural, one {# problem} other {# problems}}',
  'canvas.edge.insert': 'Insert a step between {from} and {to}',
  'canvas.edge.menu': 'Step to insert',
  'canvas.edge.close': 'Close',
  'canvas.label': 'Journey canvas: {name}',
  'canvas.overview': 'Journey overview',
  'canvas.tools.group': 'Canvas tools',
  'canvas.tools.undo': 'Undo',
  'canvas.tools.undo-hint': 'Undo (Ctrl+Z)',
  'canvas.tools.redo': 'Redo',
  'canvas.tools.redo-hint': 'Redo (Shift+Ctrl+Z)',
  'canvas.tools.layout-lr': 'Arrange left to right',
  'canvas.tools.layout-lr-hint': 'Arrange the steps left to right (L)',
  'canvas.tools.layout-tb': 'Arrange top down',
  'canvas.tools.layout-tb-hint': 'Arrange the steps top down (Shift+L)',
  'canvas.tools.fit': 'Zoom to fit',
  'canvas.tools.fit-hint': 'Show the whole journey (F)',
  'canvas.toolbar.back': '← All journeys',
  'canvas.toolbar.saved': 'Saved',
  'canvas.toolbar.unsaved': 'Unsaved changes',
  'canvas.toolbar.saving': 'Saving…',
  'canvas.toolbar.failed': 'Not saved',
  'canvas.toolbar.save': 'Save',
  'canvas.toolbar.publish': 'Publish',
  'canvas.toolbar.published':
    'Published version {version}: new entrants follow it; customers already in the journey finish on the version they entered.',
  'canvas.toolbar.fix-first': 'Fix the problems listed below before publishing',
  'canvas.toolbar.next-version':
    'Publishing makes version {version} for new entrants; customers already in the journey stay on the version they entered.',
  'canvas.editor.back': 'Back to all journeys',
  'canvas.editor.loading': 'Loading journey…',
  'canvas.editor.leave': 'Your latest changes could not be saved. Leave and lose them?',
  'canvas.editor.side': 'Steps, settings and problems',

  // The palette and the problems panel (apps/editor/src/panels).
  'palette.title': 'Add a step',
  'palette.hint': 'Drag onto the canvas, or press Enter to add.',
  'palette.group.trigger': 'Triggers',
  'palette.group.wait': 'Waits',
  'palette.group.condition': 'Branches',
  'palette.group.action': 'Actions',
  'palette.group.exit': 'Exit',
  'problems.none': 'No problems',
  'problems.some': 'Problems ({count, number})',
  'problems.ready': 'This journey is ready to publish.',
  'problems.refused': 'The server refused to publish',
  'problems.step': 'Step {id}',
} as const;
