import { formatDate, formatDateTime, formatMoney, formatNumber, formatTime } from './intl-format';
import { pickLocale } from './locale';

describe('formatting for the locale', () => {
  const instant = new Date('2026-11-23T02:00:00Z');

  it('writes dates the Chinese way in zh-CN and the English way in en', () => {
    expect(formatDate('zh-CN', instant, 'Asia/Shanghai')).toBe('2026年11月23日');
    expect(formatDate('en', instant, 'Asia/Shanghai')).toBe('Nov 23, 2026');
  });

  it('keeps a calendar date on its day whatever the zone', () => {
    expect(formatDate('zh-CN', '2026-11-23', 'America/Los_Angeles')).toBe('2026年11月23日');
  });

  it('names the zone of a date and time, and shows the time in that zone', () => {
    expect(formatDateTime('zh-CN', instant, 'Asia/Shanghai')).toBe('2026年11月23日 GMT+8 10:00');
    expect(formatDateTime('en', instant.toISOString(), 'UTC')).toBe('Nov 23, 2026, 2:00 AM UTC');
    expect(formatTime('zh-CN', instant, 'Asia/Shanghai')).toBe('10:00');
  });

  it('writes yuan as ¥ in Chinese and CN¥ in English', () => {
    expect(formatMoney('zh-CN', 1234.5, 'CNY')).toBe('¥1,234.50');
    expect(formatMoney('en', 1234.5, 'CNY')).toBe('CN¥1,234.50');
    expect(formatMoney('zh-CN', 20, 'USD')).toBe('US$20.00');
    expect(formatNumber('zh-CN', 12000)).toBe('12,000');
  });
});

describe('pickLocale', () => {
  it('takes the first candidate that names a language we have', () => {
    expect(pickLocale('zh-CN')).toBe('zh-CN');
    expect(pickLocale(null, undefined, 'fr-FR,zh;q=0.8,en;q=0.5')).toBe('zh-CN');
    expect(pickLocale('zh_CN')).toBe('zh-CN');
    expect(pickLocale('zh-Hans-CN')).toBe('zh-CN');
    expect(pickLocale('fr', 'en-GB,en;q=0.9')).toBe('en');
  });

  it('follows q-values, not only the order', () => {
    expect(pickLocale('en;q=0.4, zh-CN;q=0.9')).toBe('zh-CN');
    expect(pickLocale('zh-CN;q=0, en')).toBe('en');
  });

  it('falls back to English, also for traditional Chinese and nonsense', () => {
    expect(pickLocale()).toBe('en');
    expect(pickLocale('zh-TW')).toBe('en');
    expect(pickLocale('', '*', ';;;q=x')).toBe('en');
  });
});
