/**
 * A saved audience's definition in words (`describeAudience`, audience-words.ts), from the core's language-free
 * `audienceDescription`: a group of parts, a test on the profile, a test on what the customer did and its filters.
 */
const operatorWords =
  '{operator, select, eq {equals} neq {differs from} gt {is more than} gte {is at least} lt {is less than}' +
  ' lte {is at most} contains {contains} exists {is set} not_exists {is not set} other {{operator}}}' +
  '{operator, select, exists {} not_exists {} other { {value, value}}}';
const where = '{filters, select, none {} other { where {filters}}}';
const times = '{count, plural, one {once} other {# times}}';

export const audienceWordsEn = {
  'audience.all': 'all of ({parts})',
  'audience.any': 'any of ({parts})',
  'audience.all.join': '{before}; {after}',
  'audience.any.join': '{before} | {after}',
  'audience.attribute': `{path} ${operatorWords}`,
  'audience.history':
    `{comparison, select, none {has not done {event}${where}} at-least {has done {event}${where} at least ${times}}` +
    ` other {has done {event}${where} at most ${times}}}` +
    '{withinDays, select, none {} other { in the last {withinDays, plural, one {# day} other {# days}}}}',
  'audience.filter': `{path} ${operatorWords}`,
  'audience.filter.join': '{before} and {after}',
} as const;
