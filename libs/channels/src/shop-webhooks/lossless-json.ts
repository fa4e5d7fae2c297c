/**
 * JSON.parse that keeps integers too large for a double as strings. Shopify ids (788032119674292922) exceed
 * Number.MAX_SAFE_INTEGER and would silently change when parsed as numbers; Node 20 has no source-text reviver,
 * so integer literals of 16 digits or more outside strings are quoted before parsing.
 */
export const parseJsonKeepingBigIntegers = (text: string): unknown => {
  let out = '';
  let from = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      continue;
    }
    if (char !== '-' && (char === undefined || char < '0' || char > '9')) continue;
    let end = i + 1;
    while (end < text.length && /[0-9.eE+-]/.test(text[end] as string)) end += 1;
    const literal = text.slice(i, end);
    if (/^-?\d{16,}$/.test(literal)) {
      out += `${text.slice(from, i)}"${literal}"`;
      from = end;
    }
    i = end - 1;
  }
  return JSON.parse(out + text.slice(from));
};
