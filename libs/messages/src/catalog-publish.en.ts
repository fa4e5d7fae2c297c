/**
 * The publish summary's words (libs/messages publish-words.ts): what publishing a draft does to customers already in
 * the journey, what changed on a step, and a journey setting's value in words ("Once per 1 year", never JSON).
 */
// A period's unit, spelled out in each message that uses it (the same units the entry rule's form offers).
const periodUnit =
  '{amount, plural, one {# {unit, select, days {day} weeks {week} months {month} years {year} other {{unit}}}}' +
  ' other {# {unit, select, days {days} weeks {weeks} months {months} years {years} other {{unit}}}}}';
// Said of every journey setting: customers already inside keep their version's, new entrants get the new one.
const newEntries = 'Applies to new entries from now on (passages through every version count towards it).';

export const publishEn = {
  'publish.outcome.step.removed':
    '{waiting, plural, =0 {Nobody is here now. New entrants will not reach this step.}' +
    ' one {# customer here now stays on the version they entered and carries on along its steps; new entrants will not reach this step.}' +
    ' other {# customers here now stay on the version they entered and carry on along its steps; new entrants will not reach this step.}}',
  'publish.outcome.step.changed':
    '{waiting, plural, =0 {New entrants get the new settings.}' +
    ' one {# customer here now keeps the settings of the version they entered; new entrants get the new ones.}' +
    ' other {# customers here now keep the settings of the version they entered; new entrants get the new ones.}}',
  'publish.outcome.setting.entry': newEntries,
  'publish.outcome.setting.entryLimit': newEntries,
  'publish.outcome.setting.goal':
    "Customers already in the journey are measured against their version's goal; new entrants against this one.",
  'publish.outcome.setting.exitWhen':
    "Customers already in the journey leave by their version's exit condition; new entrants by this one.",
  'publish.outcome.setting.timeZone':
    "Customers already in the journey keep their version's fallback time zone; new entrants get this one.",
  // A step's or a setting's change: its name, and the value before and after when it can be said in a few words.
  'publish.change.values': '{name} ({before} → {after})',
  'publish.change.no-label': 'no name',
  'publish.connection': '{from}{output, select, next {} other { ("{output}")}} → {to}',
  'publish.setting.entryLimit': 'Entry limit',
  'publish.entry.once-per-period': `Once per ${periodUnit}`,
  'publish.entry.any-time-max':
    'Every time the trigger fires, at most {max, plural, one {# passage} other {# passages}} at once',
  'publish.entry-limit.none': 'No limit',
  'publish.entry-limit.total': '{limit, plural, one {# entry} other {# entries}} in total',
  'publish.goal.none': 'No goal',
  'publish.goal.event':
    '{event, value} within {withinDays, plural, one {# day} other {# days}} of entry' +
    '{filters, plural, =0 {} one {, where # property test holds} other {, where # property tests hold}}' +
    '{same, select, none {} other {, with the same {same}}}{exitOnGoal, select, yes {, then leave the journey} other {}}',
  'publish.exit.none': 'None',
  'publish.exit.test': 'Customer {path} {operator}{shown, select, yes { {value, value}} other {}}',
  'publish.time-zone.workspace': "The workspace's time zone",
} as const;
