import { renderEmail } from './email-renderer';
import { resolveLocale, resolveTimeZone } from './email-helpers';
import { TemplateSyntaxError } from './template-syntax.error';

// 20:30 UTC is already the next day in Shanghai and still the afternoon in New York (EST, before DST).
const AT = '2025-03-05T20:30:00Z';

const html = (source: string, context: Record<string, unknown>, locale?: string, timeZone?: string): string =>
  renderEmail({ subject: '', html: source }, context, { locale, timeZone }).html;

describe('email helpers', () => {
  it.each([
    ['fr-FR', 'Asia/Shanghai', '6 mars 2025 à 4:30|06/03/2025 04:30|6 mars 2025|04:30'],
    ['zh-CN', 'Asia/Shanghai', '2025年3月6日 4:30|2025/3/6 04:30|2025年3月6日|04:30'],
    ['en-US', 'America/New_York', 'March 5, 2025 at 3:30 PM|3/5/2025, 3:30 PM|March 5, 2025|3:30 PM'],
    ['fr-FR', 'America/New_York', '5 mars 2025 à 15:30|05/03/2025 15:30|5 mars 2025|15:30'],
  ])('should format a date in %s and %s when the template uses each format', (locale, timeZone, expected) => {
    const sut = html(
      '{{date at format="long"}}|{{date at format="short"}}|{{date at format="date"}}|{{date at format="time"}}',
      { at: AT },
      locale,
      timeZone,
    );

    expect(sut).toBe(expected);
  });

  it('should format a Date like its ISO string when the context holds a Date', () => {
    const sut = html('{{date at format="short"}}', { at: new Date(AT) }, 'zh-CN', 'Asia/Shanghai');

    expect(sut).toBe('2025/3/6 04:30');
  });

  it('should keep a bare date on its day when the value has no time or offset', () => {
    const sut = html('{{date birthday}}', { birthday: '1990-03-05' }, 'en-US', 'Asia/Shanghai');

    expect(sut).toBe('March 5, 1990');
  });

  it.each([['not a date'], [''], [42], [null], [{ toString: () => AT }], ['2025-02-30']])(
    'should render an empty date when the value is %p',
    (value) => {
      expect(html('[{{date at}}]', { at: value }, 'en-US', 'UTC')).toBe('[]');
    },
  );

  it.each([
    ['fr-FR', '1\u202f234,50\u00a0€|-3,00\u00a0$US|1\u202f234,50\u00a0CNY'],
    ['zh-CN', '€1,234.50|-US$3.00|¥1,234.50'],
    ['en-US', '€1,234.50|-$3.00|CN¥1,234.50'],
  ])('should format money in %s when given a number, a negative and a numeric string', (locale, expected) => {
    const sut = html(
      '{{money total currency="EUR"}}|{{money refund currency="USD"}}|{{money "1234.5" currency=cur}}',
      { total: 1234.5, refund: -3, cur: 'cny' },
      locale,
    );

    expect(sut).toBe(expected);
  });

  it.each([
    ['an amount that is not a number', { total: 'lots', cur: 'EUR' }],
    ['an infinite amount', { total: Infinity, cur: 'EUR' }],
    ['a currency that is not a code', { total: 1, cur: 'EURO' }],
    ['a missing currency value', { total: 1 }],
  ])('should render empty money when the context has %s', (_case, context) => {
    expect(html('[{{money total currency=cur}}]', context, 'en-US')).toBe('[]');
  });

  it('should upper- and lower-case with the locale rules when a locale is given', () => {
    expect(html('{{upper city}} {{lower word}}', { city: 'istanbul', word: 'ISTANBUL' }, 'tr-TR')).toBe(
      'İSTANBUL ıstanbul',
    );
    expect(
      html('{{upper city}} {{upper n}} [{{upper obj}}] [{{upper}}]', { city: 'istanbul', n: 7, obj: {} }, 'en-US'),
    ).toBe('ISTANBUL 7 [] []');
  });

  it('should escape helper output in html but not in subject or text when a value contains markup', () => {
    const sut = renderEmail(
      { subject: '{{upper name}}', html: '<p>{{upper name}} {{lower name}}</p>', text: '{{lower name}}' },
      { name: '<img src=x onerror=alert(1)> & co' },
    );

    expect(sut.html).toBe(
      '<p>&lt;IMG SRC&#x3D;X ONERROR&#x3D;ALERT(1)&gt; &amp; CO &lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; &amp; co</p>',
    );
    expect(sut.subject).toBe('<IMG SRC=X ONERROR=ALERT(1)> & CO');
    expect(sut.text).toBe('<img src=x onerror=alert(1)> & co');
  });

  it('should fall back to en-US and UTC when the customer locale and zone are malformed', () => {
    const sut = html(
      '{{date at format="long"}} {{money 1 currency="USD"}}',
      { at: AT },
      'not_a_locale!!',
      'Mars/Olympus',
    );

    expect(sut).toBe('March 5, 2025 at 8:30 PM $1.00');
    expect(resolveLocale('en_us')).toBe('en-US');
    expect(resolveLocale('zh-cn')).toBe('zh-CN');
    expect(resolveTimeZone(undefined)).toBe('UTC');
  });

  it.each([
    ['{{date at format="medium"}}', /date: unknown format "medium"/],
    ['{{money total}}', /money: a currency is required/],
  ])('should throw TemplateSyntaxError when %s is written', (source, message) => {
    const act = () => html(source, { at: AT, total: 1 });

    expect(act).toThrow(TemplateSyntaxError);
    expect(act).toThrow(message);
  });

  it('should keep prototypes out of reach when a helper is given a prototype path', () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);

    const sut = html('[{{upper constructor.name}}][{{lower __proto__}}][{{date constructor}}]', { x: 1 });

    expect(sut).toBe('[][][]');
    log.mockRestore();
  });
});
