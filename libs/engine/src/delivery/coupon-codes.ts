import { randomInt } from 'node:crypto';

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: codes read aloud or typed from a phone are not mistaken. */
export const UNAMBIGUOUS_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';

/** `count` distinct random codes (`PREFIX-XXXXXXXX`); uniqueness in the pool is then enforced by the database. */
export const generateCouponCodes = (count: number, prefix: string | null, length = 8): string[] => {
  const codes = new Set<string>();
  while (codes.size < count) {
    let body = '';
    for (let i = 0; i < length; i += 1) body += UNAMBIGUOUS_ALPHABET[randomInt(UNAMBIGUOUS_ALPHABET.length)];
    codes.add(prefix ? `${prefix}-${body}` : body);
  }
  return [...codes];
};

/** Codes from a CSV: the first column of each line, a header line `code` skipped, blanks and duplicates dropped. */
export const parseCouponCsv = (csv: string): string[] => {
  const codes = new Set<string>();
  for (const line of csv.split(/\r?\n/)) {
    const first =
      line
        .split(',')[0]
        ?.trim()
        .replace(/^"(.*)"$/, '$1') ?? '';
    if (first && first.toLowerCase() !== 'code') codes.add(first);
  }
  return [...codes];
};
