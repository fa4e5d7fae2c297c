import { translate } from '@rapport/messages';
import { checkValue, parseCell, type AttributeType } from './attribute-types';

describe('attribute values against their declared type', () => {
  it.each([
    ['number', ' 12.5 ', 12.5],
    ['boolean', 'Yes', true],
    ['boolean', '0', false],
    ['date', '1990-04-21', '1990-04-21'],
    ['date', '2026-03-01T10:15:00+01:00', '2026-03-01T09:15:00.000Z'],
    ['string', ' as typed ', ' as typed '],
  ] as [AttributeType, string, unknown][])('should read a %s cell "%s"', (type, raw, value) => {
    expect(parseCell(type, raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['number', 'ten', 'field.value.not-number'],
    ['number', '1,5', 'field.value.not-number'],
    ['boolean', 'maybe', 'field.value.not-boolean'],
    ['date', '1990-13-01', 'field.value.not-date'],
  ] as [AttributeType, string, string][])(
    'should refuse a %s cell "%s" by key, quoting the cell as written',
    (type, raw, key) => {
      expect(parseCell(type, raw)).toEqual({ ok: false, key, params: { value: raw } });
    },
  );

  it.each([
    ['string', 4],
    ['number', '4'],
    ['number', Number.NaN],
    ['boolean', 'true'],
    ['date', 'next tuesday'],
    ['date', 19900421],
  ] as [AttributeType, unknown][])(
    'should refuse a %s attribute set to %p, naming the declared type',
    (type, value) => {
      expect(checkValue(type, value)).toEqual({ ok: false, key: 'field.value.declared-type', params: { type } });
    },
  );

  it('should accept any value for an undeclared attribute and normalize a declared date', () => {
    expect(checkValue(null, { nested: [1] })).toEqual({ ok: true, value: { nested: [1] } });
    expect(checkValue('date', '2026-03-01T10:15:00+01:00')).toEqual({ ok: true, value: '2026-03-01T09:15:00.000Z' });
  });

  it.each([
    ['en', 'number', 'is declared as a number'],
    ['en', 'date', 'is declared as a date (YYYY-MM-DD or an ISO 8601 time)'],
    ['zh-CN', 'number', '已声明为数字，请填写数字'],
    ['zh-CN', 'string', '已声明为文本，请填写文本'],
  ] as const)('should word the declared-type refusal in %s for a %s attribute', (locale, type, words) => {
    const checked = checkValue(type, false);
    expect(checked.ok ? null : translate(locale, checked.key, checked.params)).toBe(words);
  });
});
