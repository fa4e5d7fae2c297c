import { audienceDefinitionSchema, audienceDescription } from '@rapport/journey';
import { describeAudience } from './audience-words';
import type { Locale } from './locale';

const wordsOf = (locale: Locale, definition: unknown): string =>
  describeAudience(locale, audienceDescription(audienceDefinitionSchema.parse(definition)));

const loyalBuyers = {
  all: [
    { attribute: { path: 'value_tier', operator: 'eq', value: 'most-valuable' } },
    {
      any: [
        { history: { event: 'Order Completed', comparison: 'at-least', count: 2, withinDays: 90 } },
        { attribute: { path: 'orders_count', operator: 'gte', value: 10 } },
      ],
    },
    { history: { event: 'Refund Requested', comparison: 'none', withinDays: null } },
  ],
};

describe('describeAudience', () => {
  it('should word nested groups in English as the audiences screen always showed them', () => {
    expect(wordsOf('en', loyalBuyers)).toBe(
      'all of (value_tier equals "most-valuable"; any of (has done Order Completed at least 2 times in the last 90 days' +
        ' | orders_count is at least 10); has not done Refund Requested)',
    );
  });

  it('should word nested groups in Chinese with no English but the names the marketer typed', () => {
    expect(wordsOf('zh-CN', loyalBuyers)).toBe(
      '以下全部满足（value_tier 等于 “most-valuable”；并且 以下任一满足（在最近 90 天内做过 Order Completed 至少 2 次' +
        '；或者 orders_count 至少为 10）；并且 没有做过 Refund Requested）',
    );
  });

  it.each<[string, unknown, string, string]>([
    [
      'a history test with filters',
      {
        history: {
          event: 'Order Completed',
          where: [
            { path: 'products.name', operator: 'contains', value: 'mascara' },
            { path: 'coupon', operator: 'exists' },
          ],
          comparison: 'at-least',
          count: 1,
          withinDays: 30,
        },
      },
      'has done Order Completed where products.name contains "mascara" and coupon is set at least once in the last 30 days',
      '在最近 30 天内做过 Order Completed（条件：products.name 包含 “mascara”，且 coupon 已设置）至少 1 次',
    ],
    [
      'an "at most" test over one day',
      { history: { event: 'Order Completed', comparison: 'at-most', count: 3, withinDays: 1 } },
      'has done Order Completed at most 3 times in the last 1 day',
      '在最近 1 天内做过 Order Completed 至多 3 次',
    ],
    [
      'a group of one, as its only condition',
      { any: [{ attribute: { path: 'email', operator: 'not_exists' } }] },
      'email is not set',
      'email 未设置',
    ],
    [
      'a number compared',
      { attribute: { path: 'lifetime_value', operator: 'gt', value: 1500 } },
      'lifetime_value is more than 1,500',
      'lifetime_value 大于 1,500',
    ],
  ])('should word %s in English and Chinese', (_what, definition, english, chinese) => {
    expect(wordsOf('en', definition)).toBe(english);
    expect(wordsOf('zh-CN', definition)).toBe(chinese);
  });

  it('should word an unreadable stored definition as nothing rather than an empty group', () => {
    expect(describeAudience('zh-CN', { code: 'all', params: {}, parts: [] })).toBe('');
  });
});
