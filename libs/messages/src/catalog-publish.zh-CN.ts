import type { publishEn } from './catalog-publish.en';

const periodUnit = '{amount, number} {unit, select, days {天} weeks {周} months {个月} years {年} other {{unit}}}';
const newEntries = '从现在起适用于新的进入（所有版本的经过次数都计算在内）。';

export const publishZhCN = {
  'publish.outcome.step.removed':
    '{waiting, plural, =0 {此处现在没有客户。新进入的客户不会到达此步骤。}' +
    ' other {此处现有 # 位客户，他们留在进入时的版本上，沿该版本的步骤继续；新进入的客户不会到达此步骤。}}',
  'publish.outcome.step.changed':
    '{waiting, plural, =0 {新进入的客户使用新的设置。}' +
    ' other {此处现有 # 位客户，他们保留进入时版本的设置；新进入的客户使用新的设置。}}',
  'publish.outcome.setting.entry': newEntries,
  'publish.outcome.setting.entryLimit': newEntries,
  'publish.outcome.setting.goal': '已在旅程中的客户按其版本的目标衡量；新进入的客户按此目标衡量。',
  'publish.outcome.setting.exitWhen': '已在旅程中的客户按其版本的退出条件离开；新进入的客户按此条件离开。',
  'publish.outcome.setting.timeZone': '已在旅程中的客户保留其版本的备用时区；新进入的客户使用此时区。',
  'publish.change.values': '{name}（由 {before} 改为 {after}）',
  'publish.change.no-label': '无名称',
  'publish.connection': '{from}{output, select, next {} other {（“{output}”出口）}} → {to}',
  'publish.setting.entryLimit': '进入次数上限',
  'publish.entry.once-per-period': `每 ${periodUnit}一次`,
  'publish.entry.any-time-max': '每次触发都可进入，同时最多 {max, number} 次经过',
  'publish.entry-limit.none': '不限',
  'publish.entry-limit.total': '总共 {limit, number} 次进入',
  'publish.goal.none': '无目标',
  'publish.goal.event':
    '进入后 {withinDays, number} 天内发生 {event, value}' +
    '{filters, plural, =0 {} other {，且满足 # 项属性测试}}' +
    '{same, select, none {} other {，{same} 相同}}{exitOnGoal, select, yes {，然后离开旅程} other {}}',
  'publish.exit.none': '无',
  'publish.exit.test': '客户 {path} {operator}{shown, select, yes { {value, value}} other {}}',
  'publish.time-zone.workspace': '工作区的时区',
} satisfies Record<keyof typeof publishEn, string>;
