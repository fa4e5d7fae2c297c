import { parseJsonKeepingBigIntegers } from './lossless-json';

describe('parseJsonKeepingBigIntegers', () => {
  it('should keep a Shopify id exact when it exceeds the safe integer range', () => {
    const sut = parseJsonKeepingBigIntegers('{"id":788032119674292922,"line_items":[{"product_id": 632910392}]}');

    expect(sut).toEqual({ id: '788032119674292922', line_items: [{ product_id: 632910392 }] });
  });

  it('should leave numbers inside strings, decimals and exponents as JSON parses them', () => {
    const text = '{"note":"call 788032119674292922 \\"now\\"","price":"19.99","total":404.95,"big":1.5e300,"neg":-12}';

    expect(parseJsonKeepingBigIntegers(text)).toEqual(JSON.parse(text));
  });

  it('should quote a negative big integer when it is an array element', () => {
    expect(parseJsonKeepingBigIntegers('[-12345678901234567, 1]')).toEqual(['-12345678901234567', 1]);
  });

  it('should throw like JSON.parse when the text is not JSON', () => {
    expect(() => parseJsonKeepingBigIntegers('{"id": 1234567890123456789')).toThrow(SyntaxError);
  });
});
