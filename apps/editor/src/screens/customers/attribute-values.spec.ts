import type { Locale } from '@rapport/messages';
import { i18nFor } from '../../i18n';
import { formatAttributeValue, groupAttributes } from './attribute-values';

const contextFor = (locale: Locale, timeZone = 'UTC') => ({
  locale,
  format: i18nFor(locale).format,
  timeZone,
  words: locale === 'en' ? { yes: 'yes', no: 'no', empty: 'not set' } : { yes: '是', no: '否', empty: '未设置' },
});

describe('formatAttributeValue', () => {
  it.each<[string, Locale, unknown, string]>([
    ['a number grouped the English way', 'en', 1234.5, '1,234.5'],
    ['a calendar date as that day whatever the zone', 'en', '1990-04-21', 'Apr 21, 1990'],
    ['a calendar date the Chinese way', 'zh-CN', '1990-04-21', '1990年4月21日'],
    ['an instant with its zone named', 'en', '2026-11-25T18:57:36.036Z', 'Nov 25, 2026, 6:57 PM UTC'],
    ['a boolean as yes', 'en', true, 'yes'],
    ['a boolean as 否 in Chinese', 'zh-CN', false, '否'],
    ['a list joined the English way', 'en', ['mascara', 'eyeshadow', 'serum'], 'mascara, eyeshadow, and serum'],
    ['a list joined the Chinese way', 'zh-CN', ['mascara', 'serum'], 'mascara和serum'],
    ['nothing as not set', 'en', null, 'not set'],
    ['an empty list as not set', 'zh-CN', [], '未设置'],
    ['text as written', 'en', 'gold', 'gold'],
    [
      'a date per product one per line',
      'en',
      { serum: '2026-07-01T00:00:00.000Z', mascara: null },
      'serum: Jul 1, 2026, 12:00 AM UTC\nmascara: not set',
    ],
    ['an empty map as not set', 'en', {}, 'not set'],
    ['deeper data as JSON', 'en', [{ product_id: 'serum', price: 39 }], '[{"product_id":"serum","price":39}]'],
  ])('should write %s', (_case, locale, value, expected) => {
    expect(formatAttributeValue(value, contextFor(locale))).toBe(expected);
  });

  it('should write an instant in the zone it is given when the workspace is not in UTC', () => {
    expect(formatAttributeValue('2026-11-25T18:57:36Z', contextFor('zh-CN', 'Asia/Shanghai'))).toBe(
      '2026年11月26日 GMT+8 02:57',
    );
  });

  it('should leave a date-like text that is no real moment as written', () => {
    expect(formatAttributeValue('2026-13-45T99:99Z', contextFor('en'))).toBe('2026-13-45T99:99Z');
  });
});

describe('groupAttributes', () => {
  it('should put computed attributes apart, with their labels, when the API lists them as computed', () => {
    const sut = groupAttributes({ total_spent: 80, vip: true, firstName: 'Grace' }, [
      { name: 'total_spent', type: 'number', label: 'Total spent', source: 'computed' },
      { name: 'vip', type: 'boolean', label: null, source: 'declared' },
    ]);

    expect(sut).toEqual({
      own: [
        { name: 'firstName', label: null, value: 'Grace' },
        { name: 'vip', label: null, value: true },
      ],
      computed: [{ name: 'total_spent', label: 'Total spent', value: 80 }],
    });
  });

  it('should give two empty groups when the profile has no attributes', () => {
    expect(groupAttributes(null, [])).toEqual({ own: [], computed: [] });
  });
});
