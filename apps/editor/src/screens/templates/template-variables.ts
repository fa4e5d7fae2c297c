/** A variable a template reads, where, and whether the workspace's profiles have it. */
export type TemplateVariable = {
  path: string;
  fields: ('subject' | 'html' | 'text')[];
  status: 'known' | 'unknown' | 'context';
};

/** Handlebars keywords and Rapport's helpers (libs/channels EMAIL_HELPER_NAMES): not variables. */
const NOT_VARIABLES = new Set([
  'if',
  'unless',
  'each',
  'with',
  'else',
  'lookup',
  'log',
  'date',
  'money',
  'upper',
  'lower',
  'this',
]);
/** Filled in by the sender rather than read from the profile (see templateContext in libs/engine). */
const CONTEXT_ROOTS = new Set(['event', 'coupon', 'unsubscribeUrl', 'recommendations']);
/** What `customer` holds besides attributes. */
const CUSTOMER_FIELDS = new Set(['id', 'externalId', 'email', 'phone', 'timeZone', 'locale', 'attributes']);

const MUSTACHE = /\{\{\{?~?\s*([^}]*?)\s*~?\}?\}\}/g;
const TOKEN = /"[^"]*"|'[^']*'|[^\s()]+/g;

/** Paths named in one mustache's expression: the first word unless a helper, then its non-literal arguments. */
const pathsIn = (expression: string): string[] => {
  if (/^[!>/]/.test(expression) || expression.startsWith('else')) return [];
  const body = expression.replace(/^[#^]/, '');
  const tokens = body.match(TOKEN) ?? [];
  return tokens.filter((token) => {
    if (/^["']/.test(token) || /^-?\d/.test(token) || token.includes('=')) return false;
    if (token === 'true' || token === 'false' || token === 'null' || token.startsWith('@')) return false;
    if (NOT_VARIABLES.has(token)) return false;
    return true;
  });
};

/**
 * The variables a template's subject, HTML and text read, outside `{{#each}}` blocks (inside one, names are
 * relative to each item). Every profile attribute is at the root (`{{firstName}}`) and under `customer.`.
 */
export const templateVariables = (
  template: { subject: string; html: string; text: string | null },
  attributes: ReadonlySet<string>,
): TemplateVariable[] => {
  const found = new Map<string, TemplateVariable>();
  for (const field of ['subject', 'html', 'text'] as const) {
    const source = template[field] ?? '';
    let eachDepth = 0;
    for (const match of source.matchAll(MUSTACHE)) {
      const expression = (match[1] ?? '').trim();
      if (/^#each\b/.test(expression)) {
        if (eachDepth === 0) pathsIn(expression).forEach((path) => add(found, path, field, attributes));
        eachDepth += 1;
        continue;
      }
      if (/^\/each\b/.test(expression)) {
        eachDepth = Math.max(0, eachDepth - 1);
        continue;
      }
      if (eachDepth > 0) continue;
      for (const path of pathsIn(expression)) add(found, path, field, attributes);
    }
  }
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
};

const add = (
  found: Map<string, TemplateVariable>,
  path: string,
  field: TemplateVariable['fields'][number],
  attributes: ReadonlySet<string>,
) => {
  const existing = found.get(path);
  if (existing) {
    if (!existing.fields.includes(field)) existing.fields.push(field);
    return;
  }
  found.set(path, { path, fields: [field], status: statusOf(path, attributes) });
};

const statusOf = (path: string, attributes: ReadonlySet<string>): TemplateVariable['status'] => {
  const [root = '', second = ''] = path.split('.');
  if (CONTEXT_ROOTS.has(root)) return 'context';
  if (root === 'customer') {
    if (second === '' || CUSTOMER_FIELDS.has(second) || attributes.has(second)) return 'known';
    return 'unknown';
  }
  return attributes.has(root) ? 'known' : 'unknown';
};
