import type { MessageKey } from './catalog.en';
import { editorZhCN } from './catalog-editor.zh-CN';
import { formZhCN } from './catalog-form.zh-CN';
import { fieldsZhCN } from './catalog-fields.zh-CN';
import { appZhCN } from './catalog-app.zh-CN';
import { screensZhCN } from './catalog-screens.zh-CN';
import { apiFieldsZhCN, apiZhCN, attributeWordsZhCN } from './catalog-api.zh-CN';
import { publishZhCN } from './catalog-publish.zh-CN';
import { audienceWordsZhCN } from './catalog-audience-words.zh-CN';
import { importsZhCN } from './catalog-imports.zh-CN';
import { customersZhCN } from './catalog-customers.zh-CN';

/**
 * 简体中文 catalog: every key of the English catalog (the compiler insists), with the same parameters (the catalog
 * test insists). Quotes are full-width “…”; numbers and dates come from Intl, so write `{n, number}` or
 * `{until, datetime}` rather than a format of your own.
 */
const waited = '{amount, number}{unit, select, minutes {分钟} hours {小时} days {天} weeks {周} other {{unit}}}';
const operatorWords =
  '{operator, select, eq {等于} neq {不等于} gt {大于} gte {至少为} lt {小于} lte {至多为} contains {包含}' +
  ' exists {已设置} not_exists {未设置} other {{operator}}}' +
  '{operator, select, exists {} not_exists {} other { {expected, value}}}';
const subject = '{source, select, event {事件} other {客户}}的 {path}';
const historyTest =
  '{withinDays, select, none {} other {在最近 {withinDays, number} 天内}}' +
  '{comparison, select, none {没有做过} at-least {至少做过 {times, number} 次} other {至多做过 {times, number} 次}}';
// Why a delivery failed: our own reason as a code, else the channel's error as the receiver wrote it.
const failedWhy =
  '{rule, select, customer-gone {该客户已不存在} channel-not-configured {该渠道尚未配置} other {{error}}}';
const channelWord = '{channel, select, sms {短信} other {邮件}}';
const ruleWords =
  `{rule, select, quiet-hours {免打扰时段} frequency-cap {频率上限：{days, number} 天内已发送 {sent, number} 条${channelWord}}` +
  ` consent-withdrawn {客户已撤回${channelWord}同意（{source, select, unsubscribe-link {退订链接} api {API} import {导入} identify {身份识别} other {{source}}}）}` +
  ` no-consent {没有${channelWord}同意} no-recipient {客户没有{channel, select, sms {手机号码} other {邮箱地址}}} retry-after {接收方要求稍后重试：{why}} other {{why}}}`;
const what =
  '{channel, select, sms {短信} webhook {Webhook} other {邮件}}{template, select, none {} other {“{template}”}}';

export const zhCN = {
  'value.nothing': '空值',
  'value.true': '是',
  'value.false': '否',
  'value.quoted': '“{text}”',

  'problem.journey.no-trigger': '请添加一个触发器：没有触发器，任何人都无法进入此旅程。',
  'problem.journey.malformed': '旅程文档在“{field}”处的格式不正确：{detail}。',
  'problem.node.duplicate-id': '有两个步骤使用了相同的 ID“{id}”；每个步骤都需要自己的 ID。',
  'problem.node.unknown-kind': '此步骤的类型“{kind}”不是 Rapport 支持的类型。',
  'problem.node.invalid-config': '此步骤的设置“{field}”无效：{detail}。',
  'problem.node.unreachable': '没有客户能到达此步骤：请把它连接到从触发器出发的路径上。',
  'problem.edge.unknown-node': '有一条连线指向不存在的步骤“{id}”。',
  'problem.edge.unknown-output': '此步骤没有可供连线的出口“{output}”。',
  'problem.edge.duplicate-output': '出口“{output}”被连接了两次；请只保留一条连线。',
  'problem.edge.into-trigger': '触发器是旅程的起点；不能有连线指向它。',
  'problem.output.dangling': '出口“{output}”尚未连接：请指定客户接下来去哪里。',
  'problem.graph.loop-without-wait': '这些步骤构成了没有任何等待的循环（{cycle}）：客户会无限循环下去。',
  'problem.template.unknown': '此工作区中没有邮件模板“{template}”。',
  'problem.template.missing-variable':
    "{template, select, none {短信内容} other {邮件模板“{template}”}}{field, select, none {} other {的{field}}}使用了 '{{'{variable}'}}'，" +
    '但发送时客户不会有这个值：请声明该属性，或修正名称。',
  'problem.coupon-pool.unknown': '此工作区中没有优惠券池“{pool}”。',
  'problem.audience.unknown': '此工作区中没有已保存的受众“{audience}”。',
  'problems.publish-refused': '发布前还需修复此旅程中的 {count, number} 个问题。',

  'reason.enrollment.entered': '{event, select, none {} other {因 {event, value} }}进入了旅程。',
  'reason.enrollment.goal-reached': '已达成目标，因此离开了旅程。',
  'reason.enrollment.exit-condition': '现在符合旅程的退出条件，因此离开了旅程。',
  'reason.enrollment.merged': '已离开：该访客注册成为已在此旅程中的已知客户，两份资料已合并。',
  'reason.trigger.passed': '开始了旅程。',
  'reason.wait.scheduled': `等待 ${waited}，直到 {until, datetime}。`,
  'reason.wait.elapsed': '等待结束。',
  'reason.wait.not-yet-due': '仍在等待，直到 {until, datetime}。',
  'reason.condition.matched': `${subject} 为 {actual, value}，因此“${operatorWords}”成立：是。`,
  'reason.condition.not-matched': `${subject} 为 {actual, value}，因此“${operatorWords}”不成立：否。`,
  'reason.email.requested': '邮件“{template}”已排队等待发送。',
  'reason.sms.requested': '短信已排队等待发送。',
  'reason.message.requested': '消息“{template}”已通过客户偏好的渠道排队等待发送。',
  'reason.webhook.requested': 'Webhook“{topic}”已排队，将发送到 {url}。',
  'reason.coupon.requested': '已从“{pool}”发放一张优惠券。',
  'reason.coupon.pool-empty': '优惠券池“{pool}”已没有可用的券码，因此旅程在此停止（没有券码就不发送消息）。',
  'reason.coupon.pool-missing': '优惠券池“{pool}”不存在，因此旅程在此停止。',
  'reason.attribute.update-requested':
    '{operation, select, unset {已删除 {attribute}。} increment {已将 {attribute} 增加 {value, value}。} other {已将 {attribute} 设为 {value, value}。}}',
  'reason.exit.reached': '已到达旅程的终点。',
  'reason.output.unconnected': '出口“{output}”没有连接任何步骤，因此旅程在此停止。',
  'reason.node.missing': '此步骤在该旅程版本中已不存在。',
  'reason.step.limit-reached': '连续执行 {steps, number} 个步骤后暂停；会立即继续。',
  'reason.input.ignored':
    '{input, select, entry {进入} timer {定时器} event {事件} other {{input}}}无需处理（' +
    '{why, select, ended {该客户的旅程已结束：{status, select, completed {已完成} exited {已离开} failed {已失败} other {{status}}}}' +
    ' already-entered {已在旅程中} no-timer {没有在等待某个时间} not-due {尚未到时间}' +
    ' not-waiting-for-event {没有在等待这个事件} other {{why}}}）。',
  'reason.wait.until-date':
    '等待直到 {until, datetime}，从{date, select, none {{source, select, event {{path, select, timestamp {事件时间}' +
    ' other {事件的 {path} }}} other {客户的 {path} }}{addDaysFrom, select, none {} other {加上 {addDaysFrom} 中的天数}}}' +
    ' other { {date} }}起算。',
  'reason.wait.date-passed':
    '要等待的时刻（{until, datetime}）已经过去，因此{then, select, skip {从“跳过”出口离开} other {立即继续}}。',
  'reason.wait.date-missing':
    '{source} {path}{addDaysFrom, select, none {} other {加上 {addDaysFrom} 中的天数}}中没有可用的日期，因此{then, select, skip {从“跳过”出口离开} other {立即继续}}。',
  'reason.wait.until-time':
    '等待直到 {zone} 时区 {days, select, every {每天} weekdays {工作日} weekends {周末} other {{days, weekdays}}} 的 {time}：{until, datetime}。',
  'reason.wait.for-event': '等待 {event, value}，最晚到 {until, datetime}。',
  'reason.wait.event-received': '{event, value} 已到达，因此从“事件”出口继续。',
  'reason.wait.event-timeout': '{event, value} 未按时到达，因此从“超时”出口继续。',
  'reason.wait.inside-window':
    '处于 {zone} 时区 {days, select, every {每天} weekdays {工作日} weekends {周末} other {{days, weekdays}}} 的 {from}-{to} 时段内，因此继续。',
  'reason.wait.until-window':
    '不在 {zone} 时区 {days, select, every {每天} weekdays {工作日} weekends {周末} other {{days, weekdays}}} 的 {from}-{to} 时段内，因此等待到 {until, datetime} 时段开始。',
  'reason.trigger.date-reached': '在 {attribute} 中的日期（{date, value}）开始了旅程。',
  'reason.trigger.threshold-crossed':
    '开始了旅程：{attribute} {direction, select, up {向上} down {向下} other {{direction}}}越过了 {threshold}（现在为 {after, value}）。',
  'reason.trigger.attribute-changed': '开始了旅程：{attribute} 变为 {after, value}。',
  'reason.trigger.audience-joined': '加入受众 {audience, value} 时开始了旅程。',
  'reason.trigger.schedule-reached': '按受众 {audience, value} 的计划开始了旅程。',
  'reason.split.branch-matched': '进入分支“{branch}”：{checks, number} 个条件全部成立。',
  'reason.split.no-branch-matched':
    '{branches, number} 个分支都不匹配，因此进入“其他”' +
    `（在“{branch}”中，${subject} 为 {actual, value}，不满足“${operatorWords}”）。`,
  'reason.random-split.drawn': '抽到 {draw}（满分 100），因此进入“{branch}”（{percent}%）。',
  'reason.holdout.assigned':
    '抽到 {draw}（满分 100），因此加入{group, select, control {对照} treatment {实验} other {{group}}}组（对照组占 {controlPercent}%）。',
  'reason.history.matched':
    '{event, value} 发生了 {count, number} 次{filters, plural, =0 {} other {（只计满足其属性条件的）}}，' +
    `因此“${historyTest}”成立：是。`,
  'reason.history.not-matched':
    '{event, value} 发生了 {count, number} 次{filters, plural, =0 {} other {（只计满足其属性条件的）}}，' +
    `因此“${historyTest}”不成立：否。`,

  'outcome.email.sent': '邮件“{template}”已发送至 {to}。',
  'outcome.email.failed': `邮件“{template}”无法发送：${failedWhy}。`,
  'outcome.sms.sent': `${what}已发送至 {to}。`,
  'outcome.sms.failed': `${what}无法发送：${failedWhy}。`,
  'outcome.webhook.sent': `${what}已送达 {to}。`,
  'outcome.webhook.failed': `${what}无法送达：${failedWhy}。`,
  'outcome.delivery.suppressed': `${what}未发送：${ruleWords}。`,
  'outcome.delivery.deferred': `${what}暂缓发送（${ruleWords}），直到 {until, datetime}。`,
  'outcome.delivery.unknown': `${what}可能已发出，也可能没有：{error}。`,

  'unsubscribe.title': '退订',
  'unsubscribe.question': '不再接收这些邮件？',
  'unsubscribe.button': '退订',
  'unsubscribe.invalid.title': '此链接无效',
  'unsubscribe.invalid.hint': '链接可能不完整。请使用最新一封邮件中的链接。',
  'unsubscribe.invalid.unchanged': '没有做任何更改。',
  'unsubscribe.done.title': '您已退订',
  'unsubscribe.done.body': '您将不会再收到这些邮件。',

  'editor.language.label': '语言',
  'editor.error.network': '无法连接到 Rapport API（{detail}）。',
  'editor.error.http': 'API 返回了 {status} {statusText}。',
  'editor.error.upload-broke': '文件还没有全部发送，上传就中断了。',
  'editor.loading': '加载中…',

  ...editorZhCN,
  ...formZhCN,
  ...fieldsZhCN,
  ...appZhCN,
  ...screensZhCN,
  ...apiZhCN,
  ...apiFieldsZhCN,
  ...attributeWordsZhCN,
  ...publishZhCN,
  ...audienceWordsZhCN,
  ...importsZhCN,
  ...customersZhCN,
} satisfies Record<MessageKey, string>;
