import type { apiEn, apiFieldsEn, attributeWordsEn } from './catalog-api.en';

/** 管理接口拒绝请求时的说明（apps/api 的 `ApiError`），按读者的语言呈现。请求头名称和路径是参数，不翻译。 */
const subjects =
  '{what, select, journey {旅程} template {模板} template-key {模板键} layout {版式} partial {片段} part-name {名称}' +
  ' test-send {测试发送} preview {预览请求} audience {受众} audience-preview {受众预览} coupon-pool {优惠券池}' +
  ' coupon-codes {优惠券码} member {新成员} role-change {角色变更} sign-in {登录信息} workspace-switch {工作区切换}' +
  ' language {语言} delivery-rules {发送规则} value-tiers {价值分层设置} shop-source {商店来源} secret {密钥}' +
  ' query {查询} clock-change {时钟调整} attribute {属性} profile {客户资料} csv-header {表头} csv {文件} other {请求}}';
const roles = (name: string) => `{${name}, select, admin {管理员} marketer {营销人员} other {查看者}}`;

export const apiZhCN = {
  'api.invalid': `${subjects}无效：{issues}。`,
  'api.not-found':
    '找不到{what, select, journey {旅程 {id}} version {旅程 {id} 的第 {version} 版} customer {客户 {id}}' +
    ' template {模板“{id}”} layout {版式“{id}”} partial {片段“{id}”} attribute {属性 {id}} audience {受众 {id}}' +
    ' coupon-pool {优惠券池“{id}”} import {导入 {id}} product {商品 {id}} member {该成员} shop-source {该商店来源}' +
    ' secret {该密钥} other {{id}}}。',
  'api.no-route': '接口中没有 {method} {path}。',
  'api.email-part-kind': '这里没有“{kind}”：邮件组件只有版式和片段两种。',
  'api.internal': '我们这边出了问题，已记录下来。',
  'api.body.too-large': '请求内容超过 {kilobytes, number} KB。',
  'api.body.not-json': '请求内容不是有效的 JSON：{detail}。',
  'api.body.unreadable': '无法读取请求内容。',
  'api.rate-limited': '此密钥的请求过多，请在 {seconds, number} 秒后重试。',

  'api.auth.sign-in-needed': '请先登录，或以“{header}”发送工作区的 API 密钥。',
  'api.auth.session-ended': '您的会话已结束，请重新登录。',
  'api.auth.csrf': '此修改需要带上登录时返回的 {header} 请求头。',
  'api.auth.forbidden': `此操作需要${roles('needed')}角色；你在此处是${roles('role')}。`,
  'api.auth.write-key-missing': '请把工作区的写入密钥作为 Basic 认证的用户名发送。',
  'api.auth.write-key-unknown': '此写入密钥不属于任何工作区。',
  'api.auth.api-key-unknown': '此 API 密钥不属于任何工作区。',
  'api.auth.sign-in-not-json': '请以 JSON 格式发送登录信息（{header}）。',
  'api.auth.too-many-sign-ins': '登录失败次数过多，请在 {minutes, number} 分钟后重试。',
  'api.account.bad-credentials': '邮箱或密码错误。',
  'api.account.no-workspace':
    '{chosen, select, yes {您不是该工作区的成员。} other {您的账号还不属于任何工作区，请联系工作区管理员添加您。}}',
  'api.account.already-member': '{email} 已经是此工作区的成员。',
  'api.account.password-required': '{email} 还没有 Rapport 账号：请为其设置初始密码。',
  'api.account.existing-account':
    '{email} 已有 Rapport 账号{field, select, password {并使用自己的密码；请不设密码添加} other {；请重新添加}}。',
  'api.account.last-admin': '这是工作区的最后一位管理员：请先让其他人成为管理员。',

  'api.journey.archived-edit': '此旅程已归档；如需编辑，请复制一份。',
  'api.journey.archived-publish': '已归档的旅程不能发布。',
  'api.journey.cannot-change-status':
    '{status, select, draft {草稿} live {进行中的} paused {已暂停的} other {已归档的}}旅程不能' +
    '{to, select, live {恢复} paused {暂停} other {归档}}。',
  'api.version.immutable': '已发布的版本不能修改；请编辑草稿后重新发布。',

  'api.template.syntax':
    '{part, select, layout {版式的} partial {片段“{name}”的} other {}}{field, select, subject {主题} text {纯文本}' +
    ' other {HTML}}{line, select, none {} other {（第 {line} 行）}}' +
    '{reason, select, decorators {使用了装饰器，目前不支持}' +
    " partials-off {调用了片段（'{{'> 片段名'}}'），此处不支持}" +
    ' dynamic-partial {通过计算出的名称调用片段，目前不支持}' +
    ' unknown-partial {调用了不存在的片段“{partial}”}' +
    ' partial-name {使用了不允许的片段名称“{partial}”}' +
    ' css {中的 CSS 无法内联：{detail}}' +
    ' other {无法编译：{detail}}}。',
  'api.template.no-layout': '没有名为“{layout}”的版式；请先创建它（PUT {path}）。',
  'api.template.test-subject': '[测试] {subject}',
  'api.template.test-send-failed': '邮件服务器没有接收测试邮件：{detail}',
  'api.email-part.in-use':
    '{kind, select, layout {版式} other {片段}}“{name}”仍被 {count, number} 个模板或邮件组件使用（{users}）；请先修改它们。',
  'api.audience.exists': '受众“{key}”已存在。',
  'api.audience.in-use': '进行中的旅程 {names} 使用了受众“{key}”；请先暂停它们。',
  'api.coupon-pool.exists': '优惠券池“{key}”已存在。',
  'api.attribute.computed': '{name} 由 Rapport 计算得出，不能删除。',
  'api.import.not-csv': '请把文件作为请求内容发送，并带上 {header}。',
  'api.shop-source.invalid-secret':
    '{scheme, select, shopify {Shopify 密钥为 8 到 500 个字符，不含空格。} other {Standard Webhooks 密钥以“whsec_”开头，后接 base64 编码。}}',
  'api.shop-source.secret-limit': '此来源已有 {limit, number} 个密钥：请先删除一个不再使用的。',
  'api.shop-webhook.refused': '商店 Webhook 被拒绝：{detail}',
  'api.sms.no-provider': '尚未配置短信服务商。',
  'api.sms.bad-signature': '{header} 与此请求不符。',
  'api.sms.missing-fields': '状态回调需要 {fields}。',
  'api.test-clock.off': '测试时钟未开启（请设置 {setting}）。',
  'api.test-clock.out-of-range': '这样会让时钟超出范围。',
} satisfies Record<keyof typeof apiEn, string>;

/** 接口请求内容的规则（apps/api 与 libs/engine 中的 zod 消息），显示在对应字段旁。 */
export const apiFieldsZhCN = {
  'field.template.subject-required': '请填写主题',
  'field.template.body-required': '请填写邮件正文',
  'field.template.key-format': '模板键只能包含小写字母、数字、“-”或“_”',
  'field.template.test-address': '请填写接收测试邮件的地址',
  'field.email-part.name-format': '名称只能包含小写字母、数字、“-”或“_”',
  'field.layout.body-required': "版式需要用 '{{{'body'}}}' 放置邮件内容",
  'field.audience.name-required': '请为受众命名',
  'field.audience.key-fixed': '标识不能更改（旅程通过它引用受众）',
  'field.coupon-pool.prefix-format': '前缀最多 12 个大写字母或数字',
  'field.coupon-pool.expiry-required': '请设置固定的到期日期或券码的有效天数（二选一）',
  'field.coupon-pool.count-required': '请填写要生成的券码数量',
  'field.sign-in.email-required': '请填写邮箱地址',
  'field.sign-in.password-required': '请填写密码',
  'field.workspace.id-format': '不是有效的工作区 ID',
  'field.password.too-short': '至少需要 {minimum, number} 个字符',
  'field.email.format': '不是有效的邮箱地址',
  'field.phone.format': '不是 E.164 格式的电话号码（例如 +8613812345678）',
  'field.time-zone.format': '不是 IANA 时区（例如“Asia/Shanghai”）',
  'field.locale.format': '不是 BCP 47 语言标记（例如“zh-CN”）',
  'field.role.choice': '请选择管理员、营销人员或查看者',
  'field.quiet-hours.same': '免打扰时段的开始和结束时间不能相同',
  'field.tier.score': '请填写 1 到 5 的整数分数',
  'field.tier.range-order': '最低分高于最高分',
  'field.tier.name-required': '请为分层命名',
  'field.tier.name-format': '分层名称只能包含小写字母、数字和连字符',
  'field.tier.cost-attribute-required': '请填写成本属性',
  'field.tier.rule-empty': '请至少设置最近购买、购买频次、消费金额或成本中的一项',
  'field.tier.rules-max': '最多 {maximum, number} 条规则',
  'field.tier.rescore-hours': '重新评分的间隔须为整小时，从每小时到每 31 天',
  'field.attribute.declared-name-format': '属性名以字母或“_”开头，只能包含字母、数字和“_”（最多 64 个字符）',
  'field.attribute.reserved-name': '此名称是客户资料字段或模板变量，不能用作属性',
  'field.attribute.computed-name': '此属性由订单计算得出，不能声明或设置',
  'field.attribute.type-choice': '请选择类型：文本、数字、是或否、日期',
  'field.import.content-type': '请以 {type} 格式发送文件',
} satisfies Record<keyof typeof apiFieldsEn, string>;

/** Rapport 自带的客户资料字段和计算属性在属性选择器中的名称，以及属性类型。 */
export const attributeWordsZhCN = {
  'attribute.label.externalId': '用户 ID',
  'attribute.label.email': '邮箱',
  'attribute.label.phone': '电话',
  'attribute.label.timeZone': '时区',
  'attribute.label.locale': '语言',
  'attribute.label.orders_count': '订单数',
  'attribute.label.total_spent': '消费总额',
  'attribute.label.first_order_at': '首次下单',
  'attribute.label.last_order_at': '最近下单',
  'attribute.label.average_order_interval_days': '平均下单间隔天数',
  'attribute.label.churn_risk_at': '流失风险起始日',
  'attribute.label.products_bought': '已购商品',
  'attribute.label.value_tier': '价值分层',
  'attribute.label.rfm_recency': '最近购买得分（1-5）',
  'attribute.label.rfm_frequency': '购买频次得分（1-5）',
  'attribute.label.rfm_monetary': '消费金额得分（1-5）',
  'attribute.label.next_refill_due_at': '下次补货日',
  'attribute.label.refill_due_at': '各商品补货日',
  'attribute.label.last_ordered_at': '各商品最近下单',
  'attribute.label.recommendations': '推荐商品',
  'attribute.label.recommended_categories': '推荐品类',
  'attribute.type.string': '文本',
  'attribute.type.number': '数字',
  'attribute.type.boolean': '是或否',
  'attribute.type.date': '日期',
  'attribute.type.list': '列表',
  'attribute.type.map': '按商品',
  'attribute.type.unknown': '类型未知',
} satisfies Record<keyof typeof attributeWordsEn, string>;
