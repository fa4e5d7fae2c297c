import type { editorEn } from './catalog-editor.en';

/** 编辑器的文字：与 catalog-editor.en.ts 一一对应（编译器检查键，目录测试检查参数）。 */
const units = '{unit, select, minutes {分钟} hours {小时} days {天} weeks {周} months {个月} other {{unit}}}';
const dayWords = '{days, select, every {每天} weekdays {工作日} weekends {周末} other {{days, weekdays}}}';
const operatorWords =
  '{operator, select, eq {等于} neq {不等于} gt {大于} gte {至少为} lt {小于} lte {至多为} contains {包含}' +
  ' exists {已设置} not_exists {未设置} other {{operator}}}';

export const editorZhCN = {
  'kind.event-trigger.title': '当客户触发某个事件',
  'kind.date-trigger.title': '在资料中的某个日期',
  'kind.threshold-trigger.title': '当数值越过阈值',
  'kind.attribute-change-trigger.title': '当资料中的值发生变化',
  'kind.audience-trigger.title': '当客户加入某个受众',
  'kind.schedule-trigger.title': '按计划，面向某个受众',
  'kind.wait-delay.title': '等待一段时间',
  'kind.wait-until-date.title': '等待到某个日期',
  'kind.wait-time-of-day.title': '等待到一天中的某个时间',
  'kind.wait-for-event.title': '等待某个事件，有时限',
  'kind.time-window.title': '仅在指定时段内继续',
  'kind.attribute-condition.title': '如果属性符合条件',
  'kind.multi-split.title': '拆分为多个分支',
  'kind.random-split.title': '随机拆分',
  'kind.holdout.title': '留出对照组',
  'kind.event-history-condition.title': '如果客户以前做过某个事件',
  'kind.send-email.title': '发送邮件',
  'kind.send-sms.title': '发送短信',
  'kind.send-preferred.title': '通过首选渠道发送',
  'kind.call-webhook.title': '调用 Webhook',
  'kind.issue-coupon.title': '发放唯一优惠券',
  'kind.update-attribute.title': '更新属性',
  'kind.exit.title': '退出旅程',
  'kind.unknown.title': '未知步骤“{kind}”',
  'kind.category.trigger': '触发器',
  'kind.category.wait': '等待',
  'kind.category.condition': '条件',
  'kind.category.action': '动作',
  'kind.category.exit': '退出',
  'kind.category.unknown': '未知',

  'summary.unknown-kind': 'Rapport 不认识这种步骤',
  'summary.needs-settings': '需要设置',
  'summary.event-trigger': '当 {event} 发生时{filters, plural, =0 {} other {，且满足 # 个属性条件}}',
  'summary.date-trigger':
    `{attribute} {direction, select, on {当天} before {前 {amount, number} ${units}} other {后 {amount, number} ${units}}}` +
    ' {atTime}{repeat, select, yearly {，每年} run-now {，一次（若已过则立即执行）} other {，一次（若已过则跳过）}}',
  'summary.threshold-trigger':
    '{direction, select, up {当 {attribute} 达到 {threshold} 时} other {当 {attribute} 低于 {threshold} 时}}',
  'summary.attribute-change-trigger':
    '当 {attribute} 变化时{from, select, none {} other {，从 {from}}}{to, select, none {} other {，变为 {to}}}',
  'summary.audience-trigger': '当客户加入 {audience} 时',
  'summary.wait-delay': `等待 {amount, number} ${units}`,
  'summary.attribute-condition': `如果{source, select, event {事件} other {客户}}的 {path} ${operatorWords}{value, select, none {} other { {value}}}`,
  'summary.wait-until-date':
    '等待到{source, select, event-time {事件时间} event {事件的 {path}} other {客户的 {path}}}' +
    '{addDaysFrom, select, none {} other {加上 {addDaysFrom} 中的天数}}' +
    `{direction, select, on {} before {之前 {amount, number} ${units}} other {之后 {amount, number} ${units}}}` +
    '{atTime, select, none {} other {的 {atTime}}}（{ifPast, select, skip {若已过则跳过} other {若已过则继续}}）',
  'summary.wait-time-of-day': `等待到下一个 {time}（${dayWords}，客户当地时间）`,
  'summary.wait-for-event':
    `最多等待 {amount, number} ${units}，等待 {event}` +
    '{filters, plural, =0 {} other {（满足 # 个属性条件）}}{same, select, none {} other {，且 {same} 与起始事件相同}}',
  'summary.time-window': `仅在客户当地时间${dayWords}的 {from} 至{overnight, select, true {次日 } other { }}{to} 之间继续`,
  'summary.schedule-trigger':
    '{kind, select, once {{date, date} {time}} other {{days, select, every {每天} other {每{days, weekdays}}} {time}}}' +
    '（客户当地时间），面向 {audience}',
  'summary.multi-split': '{count, number} 个分支：{branches}；其余客户走否则分支',
  'summary.event-history-condition':
    '如果客户{withinDays, select, none {} other {在最近 {withinDays, number} 天内}}' +
    '{comparison, select, none {没有做过 {event}} at-least {做过 {event} 至少 {count, number} 次} other {做过 {event} 至多 {count, number} 次}}' +
    '{filters, plural, =0 {} other {（满足 # 个属性条件）}}',
  'summary.random-split': '随机拆分：{branches}',
  'summary.holdout': '留出 {controlPercent}% 作为对照组',
  'summary.send-email': '发送邮件“{template}”',
  'summary.send-sms': '发送短信“{preview}”（{segments, number} 条，{encoding}）',
  'summary.send-preferred': '按客户偏好，通过邮件或短信发送“{template}”',
  'summary.call-webhook': '调用 {url}',
  'summary.issue-coupon': '从“{pool}”发放一张优惠券',
  'summary.update-attribute':
    '{operation, select, unset {移除 {attribute}} increment {给 {attribute} 加上 {value}} other {将 {attribute} 设为 {value}}}',
  'summary.exit': '退出',

  'canvas.node.input': '输入',
  'canvas.node.output': '输出 {name}',
  'canvas.node.problems': '{count, number} 个问题',
  'canvas.edge.insert': '在 {from} 和 {to} 之间插入一个步骤',
  'canvas.edge.menu': '要插入的步骤',
  'canvas.edge.close': '关闭',
  'canvas.label': '旅程画布：{name}',
  'canvas.overview': '旅程概览',
  'canvas.tools.group': '画布工具',
  'canvas.tools.undo': '撤销',
  'canvas.tools.undo-hint': '撤销（Ctrl+Z）',
  'canvas.tools.redo': '重做',
  'canvas.tools.redo-hint': '重做（Shift+Ctrl+Z）',
  'canvas.tools.layout-lr': '从左到右排列',
  'canvas.tools.layout-lr-hint': '将步骤从左到右排列（L）',
  'canvas.tools.layout-tb': '从上到下排列',
  'canvas.tools.layout-tb-hint': '将步骤从上到下排列（Shift+L）',
  'canvas.tools.fit': '缩放以适应',
  'canvas.tools.fit-hint': '显示整个旅程（F）',
  'canvas.toolbar.back': '← 所有旅程',
  'canvas.toolbar.saved': '已保存',
  'canvas.toolbar.unsaved': '有未保存的更改',
  'canvas.toolbar.saving': '正在保存…',
  'canvas.toolbar.failed': '未保存',
  'canvas.toolbar.save': '保存',
  'canvas.toolbar.publish': '发布',
  'canvas.toolbar.published': '已发布版本 {version}：新进入的客户按此版本进行；已在旅程中的客户按其进入时的版本走完。',
  'canvas.toolbar.fix-first': '请先解决下面列出的问题再发布',
  'canvas.toolbar.next-version': '发布将为新进入的客户生成版本 {version}；已在旅程中的客户仍按其进入时的版本进行。',
  'canvas.editor.back': '返回所有旅程',
  'canvas.editor.loading': '正在加载旅程…',
  'canvas.editor.leave': '您最近的更改无法保存。仍要离开并放弃这些更改吗？',
  'canvas.editor.side': '步骤、设置和问题',

  'palette.title': '添加步骤',
  'palette.hint': '拖到画布上，或按回车键添加。',
  'palette.group.trigger': '触发器',
  'palette.group.wait': '等待',
  'palette.group.condition': '分支',
  'palette.group.action': '动作',
  'palette.group.exit': '退出',
  'problems.none': '没有问题',
  'problems.some': '问题（{count, number}）',
  'problems.ready': '此旅程可以发布了。',
  'problems.refused': '服务器拒绝发布',
  'problems.step': '步骤 {id}',
} satisfies Record<keyof typeof editorEn, string>;
