import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NODE_KINDS, nodeKinds } from './registry';

// Stands in for zod's own English: a per-parse error map only fills issues the schema left without words.
const ZOD_OWN = 'zod-own-words';
const FIELD_KEY = /^field\.[a-z0-9.-]+$/;

// Values that break most settings: empty, blank, too long, not a slug, the reserved branch name, out of range,
// not whole, left out, empty, the wrong type.
const BREAKERS: unknown[] = [
  '',
  '  ',
  'x'.repeat(5000),
  'Not A Slug!',
  'else',
  -1,
  0,
  1.5,
  1e9,
  undefined,
  null,
  true,
  [],
  {},
];

/**
 * Every value one change away from `value`: it replaced, one part of it broken or set to a sibling's value (a
 * window that opens when it closes), a list repeated or grown.
 */
const oneChangeFrom = (value: unknown): unknown[] => {
  const changes = [...BREAKERS];
  if (Array.isArray(value)) {
    value.forEach((item, index) =>
      oneChangeFrom(item).forEach((broken) => changes.push(value.map((old, at) => (at === index ? broken : old)))),
    );
    if (value.length > 0)
      changes.push(
        [...value, value[0]],
        Array.from({ length: 30 }, () => value[0]),
      );
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const [name, part] of Object.entries(record)) {
      for (const broken of oneChangeFrom(part)) changes.push({ ...record, [name]: broken });
      for (const sibling of Object.values(record)) changes.push({ ...record, [name]: sibling });
    }
    changes.push({ ...record, surprise: 1 });
  }
  return changes;
};

const settingsMessages = (): { kind: string; message: string }[] =>
  NODE_KINDS.flatMap((kind) => {
    const { schema, defaults } = nodeKinds[kind];
    return oneChangeFrom(defaults).flatMap(
      (config) =>
        schema.safeParse(config, { error: () => ZOD_OWN }).error?.issues.map(({ message }) => ({ kind, message })) ??
        [],
    );
  });

const coreSources = (dir: string): { path: string; text: string }[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return coreSources(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });

// A zod message written in place: `message: '…'`, `error: '…'`, or a check's last argument (`.min(1, '…')`).
const WRITTEN_MESSAGE = [
  /\b(?:message|error):\s*(['"`])(?!field\.)(?:(?!\1)[^\n])*\1/g,
  /\.(?:min|max|length|int|finite|positive|nonnegative|gt|gte|lt|lte|regex|refine|email|url)\([^;\n]*?,\s*(['"`])(?!field\.)(?:(?!\1)[^\n])*\1\s*\)/g,
];

describe('node kinds name their settings rules by key', () => {
  it('gives every broken setting of every kind a field.* key or zod’s own check, never an English sentence', () => {
    const sut = settingsMessages();
    const keys = new Set(sut.map(({ message }) => message).filter((message) => FIELD_KEY.test(message)));

    expect(sut.filter(({ message }) => message !== ZOD_OWN && !FIELD_KEY.test(message))).toEqual([]);
    // The broken inputs must reach the rules written by hand (refinements, reserved and repeated names, totals),
    // or this test guards nothing.
    const handWritten = [
      'field.branch.name-required',
      'field.branch.name-max',
      'field.branch.name-format',
      'field.branch.name-reserved',
      'field.branch.name-repeated',
      'field.split.percent-total',
      'field.window.same-times',
      'field.value.required',
    ];
    expect(handWritten.filter((key) => !keys.has(key))).toEqual([]);
  });

  it('writes no zod message in words anywhere in the core’s sources', () => {
    const written = coreSources(join(__dirname, '..')).flatMap(({ path, text }) =>
      WRITTEN_MESSAGE.flatMap((pattern) =>
        [...text.matchAll(pattern)].map((match) => `${relative(__dirname, path)}: ${match[0]}`),
      ),
    );

    expect(written).toEqual([]);
  });
});
