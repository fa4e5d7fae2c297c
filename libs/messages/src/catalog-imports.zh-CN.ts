import type { importsEn } from './catalog-imports.en';

/** CSV 导入的说明：某行或某个单元格为何没有导入、表头或整个导入为何被拒绝，以及资料的值为何不符合属性声明的类型。 */
export const importsZhCN = {
  'import.row.cell-count': '有 {cells, number} 个单元格，而表头有 {columns, number} 列',
  'import.row.unreadable':
    '不是有效的 CSV：{reason, select, closing-quote {带引号的单元格在右引号之后还有内容}' +
    ' opening-quote {引号出现在单元格中间} quote-not-closed {带引号的单元格没有闭合}' +
    ' too-long {这一行太长} other {{detail}}}',
  'import.row.order-not-imported': '订单 {order} 未导入：该订单的第 {line} 行有错误',
  'import.row.not-saved': '无法保存：{detail}',

  'import.cell.required': '必须填写',
  'import.cell.other-customer': '与该订单第一行的用户（{userId}）不同',
  'import.cell.email': '{value, value} 不是有效的邮箱地址',
  'import.cell.phone': '{value, value} 不是 E.164 格式的电话号码（例如 +8613812345678）',
  'import.cell.time-zone': '{value, value} 不是 IANA 时区（例如“Asia/Shanghai”）',
  'import.cell.locale': '{value, value} 不是 BCP 47 语言标记（例如“zh-CN”）',
  'import.cell.timestamp': '{value, value} 不是 ISO 8601 时间（例如“2026-03-01T10:15:00Z”）',
  'import.cell.currency': '{value, value} 不是 ISO 4217 货币代码（例如“CNY”）',
  'import.cell.quantity': '必须是大于或等于 1 的整数',
  'import.cell.refill-days': '必须是天数，且为大于或等于 1 的整数',

  'import.failed.interrupted': '上传中断了',
  'import.failed.stalled': '上传停滞：{seconds, number} 秒内没有收到数据',
  'import.failed.other': '我们这边出了问题（{detail}）',

  'field.import.empty-file': '是空的：第一行应写明各列的名称',
  'field.import.column-required': '是必需的列',
  'field.import.column-twice': '出现了两次',
  'field.import.order-column': '不是订单文件的列（可用的列：{columns}）',

  'field.value.not-number': '{value, value} 不是数字',
  'field.value.not-boolean': '{value, value} 不是“true”或“false”（也可以写“yes”/“no”、“1”/“0”）',
  'field.value.not-date': '{value, value} 不是日期（例如“1990-04-21”）',
  'field.value.declared-type':
    '{type, select, number {已声明为数字，请填写数字} boolean {已声明为是或否，请填写“true”或“false”}' +
    ' date {已声明为日期，请填写“YYYY-MM-DD”或 ISO 8601 时间} other {已声明为文本，请填写文本}}',
  'field.profile.unknown-fields': '不是客户资料的字段：{keys}',
} satisfies Record<keyof typeof importsEn, string>;
