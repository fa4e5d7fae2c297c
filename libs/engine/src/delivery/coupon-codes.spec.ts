import { generateCouponCodes, parseCouponCsv, UNAMBIGUOUS_ALPHABET } from './coupon-codes';

describe('generateCouponCodes', () => {
  it('should make distinct codes from the unambiguous alphabet with the prefix when asked for many', () => {
    const sut = generateCouponCodes(5000, 'BDAY');

    expect(new Set(sut).size).toBe(5000);
    for (const code of sut) expect(code).toMatch(new RegExp(`^BDAY-[${UNAMBIGUOUS_ALPHABET}]{8}$`));
  });

  it('should leave out characters people confuse when reading a code aloud', () => {
    for (const confusing of ['0', 'O', '1', 'I', 'L', '2', 'Z', '5', 'S', '8', 'B']) {
      expect(UNAMBIGUOUS_ALPHABET).not.toContain(confusing);
    }
  });
});

describe('parseCouponCsv', () => {
  it.each([
    ['code\nA1\nA2\n', ['A1', 'A2']],
    ['A1,2026-12-31\r\n"A2",x\n\nA1\n', ['A1', 'A2']],
    ['', []],
  ])('should read the first column of %j without header, blanks or repeats', (csv, expected) => {
    expect(parseCouponCsv(csv)).toEqual(expected);
  });
});
