import type { audienceWordsEn } from './catalog-audience-words.en';

/** 受众定义的文字：与 catalog-audience-words.en.ts 一一对应。 */
const operatorWords =
  '{operator, select, eq {等于} neq {不等于} gt {大于} gte {至少为} lt {小于} lte {至多为} contains {包含}' +
  ' exists {已设置} not_exists {未设置} other {{operator}}}' +
  '{operator, select, exists {} not_exists {} other { {value, value}}}';
const where = '{filters, select, none {} other {（条件：{filters}）}}';
// Before a count: a space after the event name, none after the closing bracket.
const whereThen = '{filters, select, none { } other {（条件：{filters}）}}';

export const audienceWordsZhCN = {
  'audience.all': '以下全部满足（{parts}）',
  'audience.any': '以下任一满足（{parts}）',
  'audience.all.join': '{before}；并且 {after}',
  'audience.any.join': '{before}；或者 {after}',
  'audience.attribute': `{path} ${operatorWords}`,
  'audience.history':
    '{withinDays, select, none {} other {在最近 {withinDays, number} 天内}}' +
    `{comparison, select, none {没有做过 {event}${where}} at-least {做过 {event}${whereThen}至少 {count, number} 次}` +
    ` other {做过 {event}${whereThen}至多 {count, number} 次}}`,
  'audience.filter': `{path} ${operatorWords}`,
  'audience.filter.join': '{before}，且 {after}',
} satisfies Record<keyof typeof audienceWordsEn, string>;
