// GSM 03.38 / 3GPP TS 23.038 default alphabet. Index = septet value; 0x1B is the escape to the
// extension table, not a character, so it is left out of the basic set.
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
// Extension table: each costs two septets (ESC + code) on the air.
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set([...GSM_BASIC].filter((c) => c !== '\u001b'));
const EXTENSION = new Set(GSM_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export type SmsMeasure = {
  encoding: SmsEncoding;
  /** Unicode code points in the body (an emoji is 1, even though UCS-2 spends 2 units on it). */
  characters: number;
  /** GSM-7 septets (extension characters count 2) or UCS-2 UTF-16 code units (a surrogate pair counts 2). */
  units: number;
  /** Parts the network carries and bills; 0 for an empty body. */
  segments: number;
  /** Units per segment at this length: 160 / 153 (GSM-7) or 70 / 67 (UCS-2), single / concatenated. */
  perSegment: number;
  /** Units that still fit in the last segment before one more segment is needed. */
  remaining: number;
};

const LIMITS: Record<SmsEncoding, { single: number; concatenated: number }> = {
  'GSM-7': { single: 160, concatenated: 153 },
  // Concatenated segments lose 6 octets to the user-data header: 7 septets for GSM-7, 3 UCS-2 units.
  'UCS-2': { single: 70, concatenated: 67 },
};

const isGsm7 = (chars: readonly string[]): boolean => chars.every((c) => BASIC.has(c) || EXTENSION.has(c));

/**
 * Length, encoding and segment count of an SMS body, as the carrier will split it.
 *
 * One character outside GSM-7 turns the whole message into UCS-2. In a concatenated message an
 * escape sequence (GSM-7 extension character) or a surrogate pair (UCS-2) never straddles two
 * segments, so the segment count is packed character by character rather than divided.
 */
export const measureSms = (body: string): SmsMeasure => {
  const chars = [...body]; // code points: a surrogate pair stays one entry
  const encoding: SmsEncoding = isGsm7(chars) ? 'GSM-7' : 'UCS-2';
  const sizes = chars.map((c) => (encoding === 'GSM-7' ? (EXTENSION.has(c) ? 2 : 1) : c.length));
  const units = sizes.reduce((sum, size) => sum + size, 0);
  const { single, concatenated } = LIMITS[encoding];

  if (units <= single) {
    return {
      encoding,
      characters: chars.length,
      units,
      segments: units === 0 ? 0 : 1,
      perSegment: single,
      remaining: single - units,
    };
  }
  let segments = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > concatenated) {
      segments += 1;
      used = 0;
    }
    used += size;
  }
  return {
    encoding,
    characters: chars.length,
    units,
    segments,
    perSegment: concatenated,
    remaining: concatenated - used,
  };
};
