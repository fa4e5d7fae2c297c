import { measureSms, type SmsMeasure } from './sms-segments';

const a = (n: number) => 'a'.repeat(n);
type Row = [string, string, Omit<SmsMeasure, 'remaining'>];

describe('measureSms', () => {
  it.each<Row>([
    ['nothing', '', { encoding: 'GSM-7', characters: 0, units: 0, segments: 0, perSegment: 160 }],
    ['plain ASCII', 'Hello Ada!', { encoding: 'GSM-7', characters: 10, units: 10, segments: 1, perSegment: 160 }],
    [
      'a circumflex (not GSM-7)',
      'Ça coûte?',
      { encoding: 'UCS-2', characters: 9, units: 9, segments: 1, perSegment: 70 },
    ],
    [
      'basic-table letters only',
      'Ça vä ΩΔ £5 ¿ñ?',
      { encoding: 'GSM-7', characters: 15, units: 15, segments: 1, perSegment: 160 },
    ],
    ['the euro sign', '€', { encoding: 'GSM-7', characters: 1, units: 2, segments: 1, perSegment: 160 }],
    ['braces', '{}', { encoding: 'GSM-7', characters: 2, units: 4, segments: 1, perSegment: 160 }],
    [
      'every extension character',
      '\f^{}\\[~]|€',
      { encoding: 'GSM-7', characters: 10, units: 20, segments: 1, perSegment: 160 },
    ],
    ['exactly 160 septets', a(160), { encoding: 'GSM-7', characters: 160, units: 160, segments: 1, perSegment: 160 }],
    ['161 septets', a(161), { encoding: 'GSM-7', characters: 161, units: 161, segments: 2, perSegment: 153 }],
    [
      '159 letters and a euro (161 septets)',
      a(159) + '€',
      { encoding: 'GSM-7', characters: 160, units: 161, segments: 2, perSegment: 153 },
    ],
    ['exactly 306 septets', a(306), { encoding: 'GSM-7', characters: 306, units: 306, segments: 2, perSegment: 153 }],
    ['307 septets', a(307), { encoding: 'GSM-7', characters: 307, units: 307, segments: 3, perSegment: 153 }],
    // 306 septets would fit two segments, but the escape sequence may not straddle the boundary.
    [
      'a euro at a segment boundary',
      a(152) + '€' + a(152),
      { encoding: 'GSM-7', characters: 305, units: 306, segments: 3, perSegment: 153 },
    ],
    ['a backtick (not GSM-7)', 'a`b', { encoding: 'UCS-2', characters: 3, units: 3, segments: 1, perSegment: 70 }],
    ['an emoji', 'Hi 😀', { encoding: 'UCS-2', characters: 4, units: 5, segments: 1, perSegment: 70 }],
    ['Chinese text', '你好，世界', { encoding: 'UCS-2', characters: 5, units: 5, segments: 1, perSegment: 70 }],
    [
      'exactly 70 UCS-2 units',
      '中'.repeat(70),
      { encoding: 'UCS-2', characters: 70, units: 70, segments: 1, perSegment: 70 },
    ],
    ['71 UCS-2 units', '中'.repeat(71), { encoding: 'UCS-2', characters: 71, units: 71, segments: 2, perSegment: 67 }],
    [
      '35 emoji (70 units)',
      '😀'.repeat(35),
      { encoding: 'UCS-2', characters: 35, units: 70, segments: 1, perSegment: 70 },
    ],
    // 134 units would fit two segments, but the surrogate pair may not be split.
    [
      'an emoji at a segment boundary',
      '中'.repeat(66) + '😀' + '中'.repeat(66),
      { encoding: 'UCS-2', characters: 133, units: 134, segments: 3, perSegment: 67 },
    ],
    ['a euro in UCS-2 text', '€ 中', { encoding: 'UCS-2', characters: 3, units: 3, segments: 1, perSegment: 70 }],
  ])('should measure %s when the body is %j', (_name, body, expected) => {
    const sut = measureSms(body);

    expect(sut).toEqual({ ...expected, remaining: expect.any(Number) });
  });

  it.each([
    ['a short message', 'Hello', 155],
    ['a full single segment', a(160), 0],
    ['a two-segment message', a(200), 106],
    ['a euro pushed to the next segment', a(152) + '€', 6],
    ['two-segment UCS-2 text', '中'.repeat(71), 63],
  ])('should report the units left in the last segment when the body is %s', (_name, body, remaining) => {
    expect(measureSms(body).remaining).toBe(remaining);
  });
});
