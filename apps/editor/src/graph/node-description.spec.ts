import { NODE_KINDS, nodeKinds, type NodeKind } from '@rapport/journey';
import { i18nFor } from '../i18n/i18n-context';
import { describeNode } from './node-description';

describe('describeNode', () => {
  it('should summarize from the registry when the config is valid', () => {
    expect(describeNode('wait-delay', { amount: 2, unit: 'days' })).toEqual({
      title: 'Wait for a while',
      summary: 'Wait 2 days',
      category: 'wait',
      outputs: ['next'],
      isConfigValid: true,
    });
  });

  it('should keep the outputs and say it needs settings when the config is invalid', () => {
    const sut = describeNode('attribute-condition', { source: 'profile', path: '' });
    expect(sut).toMatchObject({ summary: 'Needs settings', outputs: ['yes', 'no'], isConfigValid: false });
  });

  it('should give no outputs when the kind is unknown', () => {
    expect(describeNode('send-fax', {})).toMatchObject({ category: null, outputs: [], isConfigValid: false });
  });
});

describe('describeNode in the reader’s language', () => {
  const chinese = i18nFor('zh-CN').t;

  it('words the core’s summary code in Chinese, with the kind’s title and no English left', () => {
    expect(describeNode('wait-delay', { amount: 3, unit: 'days' }, chinese)).toMatchObject({
      title: '等待一段时间',
      summary: '等待 3 天',
    });
    expect(
      describeNode('attribute-condition', { source: 'profile', path: 'tier', operator: 'eq', value: 'vip' }, chinese)
        .summary,
    ).toBe('如果客户的 tier 等于 "vip"');
    expect(describeNode('send-fax', {}, chinese).summary).toBe('Rapport 不认识这种步骤');
  });

  it('names the weekdays in the reader’s language', () => {
    const window = { from: '21:00', to: '09:00', days: [1, 3] };
    expect(describeNode('time-window', window, chinese).summary).toBe(
      '仅在客户当地时间星期一和星期三的 21:00 至次日 09:00 之间继续',
    );
    expect(describeNode('time-window', window).summary).toBe(
      "Continue only between 21:00 and 09:00 (next day) on Monday and Wednesday, in the customer's time",
    );
    expect(describeNode('wait-time-of-day', { time: '10:00', days: [1, 2, 3, 4, 5] }, chinese).summary).toBe(
      '等待到下一个 10:00（工作日，客户当地时间）',
    );
  });

  // Each kind's defaults as the canvas reads them. The English is the core's former English summary, word for word
  // (the multi-split names its branches rather than each branch's conditions).
  const DEFAULT_SUMMARIES: Record<NodeKind, [string, string]> = {
    'event-trigger': ['When Order Completed happens', '当 Order Completed 发生时'],
    'date-trigger': ['On birthday at 10:00, every year', 'birthday 当天 10:00，每年'],
    'threshold-trigger': ['When loyalty_points reaches 1000', '当 loyalty_points 达到 1000 时'],
    'attribute-change-trigger': [
      'When value_tier changes to most-valuable',
      '当 value_tier 变化时，变为 most-valuable',
    ],
    'audience-trigger': ['When a customer joins at-risk', '当客户加入 at-risk 时'],
    'schedule-trigger': [
      'Every Monday at 09:00, their local time, for newsletter',
      '每星期一 09:00（客户当地时间），面向 newsletter',
    ],
    'wait-delay': ['Wait 1 day', '等待 1 天'],
    'wait-until-date': [
      'Wait until 1 day after the event time (go on if past)',
      '等待到事件时间之后 1 天（若已过则继续）',
    ],
    'wait-time-of-day': [
      "Wait until the next 10:00 every day, in the customer's time",
      '等待到下一个 10:00（每天，客户当地时间）',
    ],
    'wait-for-event': ['Wait up to 7 days for Order Completed', '最多等待 7 天，等待 Order Completed'],
    'time-window': [
      "Continue only between 09:00 and 20:00 every day, in the customer's time",
      '仅在客户当地时间每天的 09:00 至 20:00 之间继续',
    ],
    'attribute-condition': ['If customer email is set', '如果客户的 email 已设置'],
    'multi-split': ['Branch most-valuable; otherwise else', '1 个分支：most-valuable；其余客户走否则分支'],
    'random-split': ['Split at random: 50% a, 50% b', '随机拆分：50% a, 50% b'],
    holdout: ['Hold back 10% as a control group', '留出 10% 作为对照组'],
    'event-history-condition': [
      'If has done Order Completed at least once in the last 30 days',
      '如果客户在最近 30 天内做过 Order Completed 至少 1 次',
    ],
    'send-email': ['Send email "welcome"', '发送邮件“welcome”'],
    'send-sms': ['Send SMS "Hi {{firstName}}!" (1 segment, GSM-7)', '发送短信“Hi {{firstName}}!”（1 条，GSM-7）'],
    'send-preferred': [
      'Send "welcome" by email or SMS, as the customer prefers',
      '按客户偏好，通过邮件或短信发送“welcome”',
    ],
    'call-webhook': ['Call example.com/hooks/rapport', '调用 example.com/hooks/rapport'],
    'issue-coupon': ['Give a coupon from "welcome"', '从“welcome”发放一张优惠券'],
    'update-attribute': ['Set tier to "gold"', '将 tier 设为 "gold"'],
    exit: ['Exit', '退出'],
  };

  it.each(NODE_KINDS.map((kind) => [kind, ...DEFAULT_SUMMARIES[kind]] as const))(
    'words the %s summary code in English and Chinese',
    (kind, inEnglish, inChinese) => {
      const config = nodeKinds[kind].schema.parse(nodeKinds[kind].defaults) as Record<string, unknown>;

      expect(describeNode(kind, config).summary).toBe(inEnglish);
      expect(describeNode(kind, config, chinese).summary).toBe(inChinese);
    },
  );
});
