import { describeHistory, describeProblem, translate } from './translate';
import { formatMessage, MessageSyntaxError } from './message-format';

const words = { nothing: 'nothing', yes: 'true', no: 'false', quote: (text: string) => `"${text}"` };

describe('translate', () => {
  it('fills named parameters in the reader’s language', () => {
    expect(translate('en', 'problem.template.unknown', { template: 'welcome' })).toBe(
      'There is no email template "welcome" in this workspace.',
    );
    expect(translate('zh-CN', 'problem.template.unknown', { template: 'welcome' })).toBe(
      '此工作区中没有邮件模板“welcome”。',
    );
  });

  it('picks the plural form with Intl.PluralRules', () => {
    expect(translate('en', 'problems.publish-refused', { count: 1 })).toBe(
      'The journey has 1 problem to fix before publishing.',
    );
    expect(translate('en', 'problems.publish-refused', { count: 3 })).toBe(
      'The journey has 3 problems to fix before publishing.',
    );
    expect(translate('en', 'reason.wait.scheduled', { amount: 1, unit: 'days', until: '2026-11-23T02:00:00Z' })).toBe(
      'Waiting 1 day, until Nov 23, 2026, 2:00 AM UTC.',
    );
    expect(translate('en', 'reason.wait.scheduled', { amount: 3, unit: 'hours', until: '2026-11-23T02:00:00Z' })).toBe(
      'Waiting 3 hours, until Nov 23, 2026, 2:00 AM UTC.',
    );
  });

  it('shows instants in the zone it is given, in the locale’s own format', () => {
    const params = { amount: 3, unit: 'days', until: '2026-11-23T02:00:00Z' };
    expect(translate('zh-CN', 'reason.wait.scheduled', params, { timeZone: 'Asia/Shanghai' })).toBe(
      '等待 3天，直到 2026年11月23日 GMT+8 10:00。',
    );
  });

  it('chooses among options by a parameter, with "none" for a missing one', () => {
    const sms = translate('en', 'problem.template.missing-variable', { variable: 'first_name' });
    expect(sms).toContain('The SMS text uses {{first_name}}, which');
    const email = translate('zh-CN', 'problem.template.missing-variable', {
      template: 'welcome',
      field: 'subject',
      variable: 'first_name',
    });
    expect(email).toBe(
      '邮件模板“welcome”的subject使用了 {{first_name}}，但发送时客户不会有这个值：请声明该属性，或修正名称。',
    );
  });

  it('shows customer values quoted, numbers as numbers and a missing value as nothing', () => {
    const base = { source: 'profile', path: 'tier', operator: 'eq' };
    expect(translate('en', 'reason.condition.matched', { ...base, actual: 'gold', expected: 'gold' })).toBe(
      'Customer tier is "gold", so "equals "gold"" holds: yes.',
    );
    expect(translate('zh-CN', 'reason.condition.not-matched', { ...base, actual: null, expected: 1200 })).toBe(
      '客户的 tier 为 空值，因此“等于 1,200”不成立：否。',
    );
  });

  it('renders problems and timeline lines from their codes, and a code it does not know as itself', () => {
    expect(describeProblem('zh-CN', { code: 'journey.no-trigger', params: {} })).toBe(
      '请添加一个触发器：没有触发器，任何人都无法进入此旅程。',
    );
    expect(describeHistory('zh-CN', { code: 'email.sent', params: { template: 'welcome', to: 'li@shop.cn' } })).toBe(
      '邮件“welcome”已发送至 li@shop.cn。',
    );
    expect(
      describeHistory('en', {
        code: 'delivery.deferred',
        params: { channel: 'sms', template: null, why: 'quiet hours', until: '2026-11-23T13:00:00.000Z' },
      }),
    ).toBe('SMS held back (quiet hours) until Nov 23, 2026, 1:00 PM UTC.');
    expect(describeHistory('en', { code: 'exit.reached', params: {} })).toBe('Reached the end of the journey.');
    expect(describeHistory('en', { code: 'something.new', params: {} })).toBe('something.new');
    expect(describeProblem('en', { code: 'node.invalid-config', params: { field: 'amount', detail: { a: 1 } } })).toBe(
      'This step\'s setting "amount" is not valid: {"a":1}.',
    );
  });

  it('words where a refill wait counts from in the reader’s language, and keeps an older line as it was written', () => {
    const until = '2026-11-27T02:00:00.000Z';
    const refill = { source: 'event', path: 'timestamp', addDaysFrom: 'products.0.refill_days', date: null, until };
    const birthday = { source: 'profile', path: 'birthday', addDaysFrom: null, date: null, until };

    expect(describeHistory('en', { code: 'wait.until-date', params: refill })).toBe(
      'Waiting until Nov 27, 2026, 2:00 AM UTC, counted from the event time plus the days in products.0.refill_days.',
    );
    expect(describeHistory('zh-CN', { code: 'wait.until-date', params: refill })).toMatch(
      /从事件时间加上 products\.0\.refill_days 中的天数起算。$/,
    );
    expect(describeHistory('zh-CN', { code: 'wait.until-date', params: birthday })).toMatch(/从客户的 birthday 起算。$/);
    const stored = { source: 'event', path: 'timestamp', date: 'the event time plus refill_days days', until };
    expect(describeHistory('en', { code: 'wait.until-date', params: stored })).toBe(
      'Waiting until Nov 27, 2026, 2:00 AM UTC, counted from the event time plus refill_days days.',
    );
  });
});

describe('decision reasons and delivery outcomes from codes and raw values', () => {
  const line = (locale: 'en' | 'zh-CN', code: string, params: Record<string, unknown>): string =>
    describeHistory(locale, { code, params }, { timeZone: 'Asia/Shanghai' });

  it('words a split by its branch and its first failing check', () => {
    const miss = { branches: 3, branch: 'vip', source: 'profile', path: 'value_tier', operator: 'eq' };
    expect(line('en', 'split.no-branch-matched', { ...miss, expected: 'most-valuable', actual: 'below-zero' })).toBe(
      'None of the 3 branches matched, so took "else" (in "vip", Customer value_tier is "below-zero", not "equals "most-valuable"").',
    );
    expect(
      line('zh-CN', 'split.no-branch-matched', { ...miss, operator: 'exists', expected: null, actual: null }),
    ).toBe('3 个分支都不匹配，因此进入“其他”（在“vip”中，客户的 value_tier 为 空值，不满足“已设置”）。');
    expect(line('en', 'split.branch-matched', { branch: 'vip', checks: 2 })).toBe(
      'Took branch "vip": all 2 of its conditions hold.',
    );
    expect(line('zh-CN', 'split.branch-matched', { branch: 'vip', checks: 2 })).toBe(
      '进入分支“vip”：2 个条件全部成立。',
    );
  });

  it('words an event-history test from its comparison, count and window', () => {
    const test = { event: 'Order Completed', count: 0, comparison: 'at-least', times: 2, withinDays: 30, filters: 0 };
    expect(line('en', 'history.not-matched', test)).toBe(
      'Did "Order Completed" 0 times, so "did it at least 2 times in the last 30 days" does not hold: no.',
    );
    expect(
      line('zh-CN', 'history.matched', { ...test, count: 0, comparison: 'none', withinDays: '', filters: 1 }),
    ).toBe('“Order Completed” 发生了 0 次（只计满足其属性条件的），因此“没有做过”成立：是。');
  });

  it('words an ignored input and a failed delivery from their codes, and a receiver’s error as it is', () => {
    expect(line('zh-CN', 'input.ignored', { input: 'event', why: 'ended', status: 'completed' })).toBe(
      '事件无需处理（该客户的旅程已结束：已完成）。',
    );
    expect(line('en', 'input.ignored', { input: 'timer', why: 'not-due', status: 'waiting' })).toBe(
      'Nothing to do for the timer (not due yet).',
    );
    const email = { channel: 'email', template: 'welcome' };
    expect(
      line('zh-CN', 'email.failed', { ...email, error: 'the customer no longer exists', rule: 'customer-gone' }),
    ).toBe('邮件“welcome”无法发送：该客户已不存在。');
    expect(line('zh-CN', 'email.failed', { ...email, error: '550 mailbox unavailable' })).toBe(
      '邮件“welcome”无法发送：550 mailbox unavailable。',
    );
  });

  it('words a held-back or stopped delivery from the rule that said no', () => {
    const email = { channel: 'email', template: 'welcome' };
    expect(
      line('zh-CN', 'delivery.suppressed', { ...email, rule: 'consent-withdrawn', source: 'unsubscribe-link' }),
    ).toBe('邮件“welcome”未发送：客户已撤回邮件同意（退订链接）。');
    expect(line('en', 'delivery.suppressed', { ...email, rule: 'frequency-cap', sent: 3, max: 3, days: 7 })).toBe(
      'Email "welcome" not sent: frequency cap: 3 email messages in 7 days.',
    );
    expect(
      line('zh-CN', 'delivery.deferred', { ...email, rule: 'quiet-hours', until: '2026-11-23T00:00:00.000Z' }),
    ).toBe('邮件“welcome”暂缓发送（免打扰时段），直到 2026年11月23日 GMT+8 08:00。');
    expect(line('zh-CN', 'delivery.suppressed', { channel: 'sms', template: null, rule: 'no-recipient' })).toBe(
      '短信未发送：客户没有手机号码。',
    );
  });
});

describe('formatMessage', () => {
  const format = (source: string, params = {}) => formatMessage(source, params, { locale: 'en', words });

  it('writes quoted braces and apostrophes literally', () => {
    expect(format("It's '{'{name}'}' and ''quoted''", { name: 'x' })).toBe("It's {x} and 'quoted'");
  });

  it('prefers an exact =N option over the plural category', () => {
    expect(format('{n, plural, =0 {none} one {# item} other {# items}}', { n: 0 })).toBe('none');
    expect(format('{n, plural, =0 {none} one {# item} other {# items}}', { n: 1200 })).toBe('1,200 items');
  });

  it('refuses a malformed message, naming it', () => {
    expect(() => format('{name')).toThrow(MessageSyntaxError);
    expect(() => format('{n, plural, one {x}}')).toThrow(/needs an "other" option/);
    expect(() => format('{n, money}')).toThrow(/unknown format "money"/);
    expect(() => format('a } b')).toThrow(/unexpected }/);
  });
});
