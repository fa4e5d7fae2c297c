import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NODE_KINDS, PROBLEM_CODES, PROBLEM_PARAMS, REASON_CODES, nodeKinds } from '@rapport/journey';
import { en, type MessageKey } from './catalog.en';
import { zhCN } from './catalog.zh-CN';
import { messageParamNames, messageText } from './message-format';
import { catalogs, translate } from './translate';
import { LOCALES } from './locale';

const root = join(__dirname, '../../..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });

const engineSources = sourceFiles(join(root, 'libs/engine/src')).map((path) => readFileSync(path, 'utf8'));
const coreSources = sourceFiles(join(root, 'libs/journey/src')).map((path) => readFileSync(path, 'utf8'));
// The API's own request rules (and the engine's profile and settings rules) name their words by key too.
const apiSources = sourceFiles(join(root, 'apps/api/src')).map((path) => readFileSync(path, 'utf8'));

/**
 * Every code the engine appends to enrollment_history besides the interpreter's reasons: literal `code: '…'`
 * and the per-channel `${delivery.channel}.sent` / `.failed`, read from the engine's source so a new one cannot
 * slip past the catalog.
 */
const engineHistoryCodes = (): string[] => {
  const codes = new Set<string>();
  for (const text of engineSources) {
    for (const [, code] of text.matchAll(/code: '([a-z-]+\.[a-z-]+)'/g)) codes.add(code ?? '');
    for (const [, suffix] of text.matchAll(/code: `\$\{delivery\.channel\}\.([a-z-]+)`/g))
      for (const channel of ['email', 'sms', 'webhook']) codes.add(`${channel}.${suffix}`);
  }
  return [...codes].filter((code) => !(PROBLEM_CODES as readonly string[]).includes(code));
};

/** The parameter names given at every emission site of a reason code, or null when one site passes a variable. */
const emittedParams = (code: string): Set<string> | null => {
  const names = new Set<string>();
  let sites = 0;
  for (const text of [...coreSources, ...engineSources]) {
    for (const match of text.matchAll(new RegExp(`code: '${code.replace('.', '\\.')}',?\\s*params: ([^\\n]*)`, 'g'))) {
      sites += 1;
      const literal = /^\{([^}]*)\}/.exec(match[1] ?? '');
      // A variable or a spread (`params`, `{ ...params, until }`) cannot be read from the source: not checked.
      if (!literal || literal[1]?.includes('...')) return null;
      for (const [, name] of (literal[1] ?? '').matchAll(/(?:^|,)\s*(\w+)/g)) names.add(name ?? '');
    }
  }
  return sites > 0 ? names : null;
};

const keys = Object.keys(en) as MessageKey[];

describe('the message catalog', () => {
  it('has a message for every validation problem code in both languages', () => {
    for (const code of PROBLEM_CODES) {
      expect(en).toHaveProperty([`problem.${code}`]);
      expect(zhCN).toHaveProperty([`problem.${code}`]);
    }
  });

  it('has a message for every decision reason code in both languages', () => {
    for (const code of REASON_CODES) {
      expect(en).toHaveProperty([`reason.${code}`]);
      expect(zhCN).toHaveProperty([`reason.${code}`]);
    }
  });

  it('has a message for every delivery outcome the engine writes to a timeline', () => {
    const codes = engineHistoryCodes();
    // The scan must find the outcomes it is there to guard, or it guards nothing.
    expect(codes).toEqual(expect.arrayContaining(['email.sent', 'sms.failed', 'delivery.deferred']));
    for (const code of codes) {
      const key = (REASON_CODES as readonly string[]).includes(code) ? `reason.${code}` : `outcome.${code}`;
      expect({ code, en: key in en, zh: key in zhCN }).toEqual({ code, en: true, zh: true });
    }
  });

  it('has no Chinese key the English catalog lacks', () => {
    expect(Object.keys(zhCN).sort()).toEqual([...keys].sort());
  });

  it('parses every message in every language', () => {
    for (const locale of LOCALES) for (const key of keys) expect(() => translate(locale, key, {})).not.toThrow();
  });

  it('uses the same parameters in Chinese as in English', () => {
    for (const key of keys) {
      expect({ key, params: [...messageParamNames(zhCN[key])].sort() }).toEqual({
        key,
        params: [...messageParamNames(en[key])].sort(),
      });
    }
  });

  it('uses only parameters a problem carries (the core declares them per code)', () => {
    for (const code of PROBLEM_CODES) {
      const carried = new Set<string>(PROBLEM_PARAMS[code]);
      // describeProblem words a settings rule's key (`message: 'field.wait.min'`) into `detail`.
      if (carried.has('message')) carried.add('detail');
      for (const name of messageParamNames(en[`problem.${code}`]))
        expect({ code, name, given: carried.has(name) }).toEqual({ code, name, given: true });
    }
  });

  it('uses only parameters a reason is given where every emission site spells them out', () => {
    let checked = 0;
    for (const code of REASON_CODES) {
      const given = emittedParams(code);
      if (!given) continue;
      checked += 1;
      for (const name of messageParamNames(en[`reason.${code}`]))
        expect({ code, name, given: given.has(name) }).toEqual({ code, name, given: true });
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('words every settings rule a node kind names by key, and every generic zod check, in both languages', () => {
    // The kinds' zod messages are keys (`'field.wait.min'`): read them from the core's source so none slips past.
    const ruleKeys = new Set<string>();
    for (const text of [...coreSources, ...engineSources, ...apiSources]) {
      for (const [, key] of text.matchAll(/'(field\.[a-z0-9-]+(?:\.[a-z0-9-]+)*)'/g)) ruleKeys.add(key ?? '');
    }
    const generic = ['invalid-type', 'too-small', 'too-big', 'invalid-value', 'invalid-format', 'invalid-union'];
    const keys = [...ruleKeys, ...generic.map((code) => `field.${code}`), 'field.invalid'];

    expect(ruleKeys.size).toBeGreaterThan(40);
    expect(keys.filter((key) => !(key in en))).toEqual([]);
    expect(keys.filter((key) => !(key in zhCN))).toEqual([]);
  });

  it('has a title for every node kind and words for every summary code a kind returns', () => {
    for (const kind of NODE_KINDS) {
      expect({ kind, title: `kind.${kind}.title` in en }).toEqual({ kind, title: true });
      // Every kind has a summary (the registry type requires it): no kind can reach the canvas without words.
      const definition = nodeKinds[kind] as { summary(config: unknown): { code: string; params: object } };
      const summary = definition.summary(nodeKinds[kind].defaults);
      const key = `summary.${summary.code}` as MessageKey;
      expect({ kind, key, known: key in en }).toEqual({ kind, key, known: true });
      for (const name of messageParamNames(en[key]))
        expect({ kind, name, given: name in summary.params }).toEqual({ kind, name, given: true });
    }
  });

  it('leaves no Chinese message in English', () => {
    // Words that stay as they are in Chinese text: product, protocol and file-format names, and keyboard keys.
    const kept = new Set([
      'Rapport',
      'API',
      'ID',
      'Webhook',
      'Ctrl',
      'Shift',
      'JSON',
      'HTML',
      'CSS',
      'CSV',
      'Handlebars',
      'TLS',
      'SMTP',
      'PUT',
      'KB',
      'Basic',
      'Shopify',
      'Standard',
      'Webhooks',
      'IANA',
      'BCP',
      'ISO',
      'base',
    ]);
    // Handlebars code (`{{{body}}}`) and quoted examples (“Asia/Shanghai”) are typed as they are, in any language.
    const asTyped = /\{\{[^}]*\}\}\}?|“[^”]*”/g;
    for (const key of keys) {
      const text = messageText(zhCN[key]).replace(asTyped, ' ');
      const englishWords = (text.match(/[A-Za-z]{2,}/g) ?? []).filter((word) => !kept.has(word));
      expect({ key, englishWords }).toEqual({ key, englishWords: [] });
      if (key !== 'value.quoted')
        expect({ key, chinese: /[\u4e00-\u9fff]/.test(text) }).toEqual({ key, chinese: true });
      expect({ key, same: zhCN[key] === en[key] && key !== 'value.quoted' }).toEqual({ key, same: false });
    }
  });

  it('keeps both catalogs reachable by locale', () => {
    expect(catalogs.en).toBe(en);
    expect(catalogs['zh-CN']).toBe(zhCN);
  });
});
