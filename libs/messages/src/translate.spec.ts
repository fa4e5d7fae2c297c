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
    const base = { source: 'profile', path: 'tier', operator: 'equals' };
    expect(translate('en', 'reason.condition.matched', { ...base, actual: 'gold', expected: 'gold' })).toBe(
      'Customer tier is "gold", so "equals "gold"" holds: yes.',
    );
    expect(translate('zh-CN', 'reason.condition.not-matched', { ...base, actual: null, expected: 1200 })).toBe(
      '客户的 tier 为 空值，因此“equals 1,200”不成立：否。',
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
