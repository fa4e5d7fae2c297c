import type { EmailTemplate } from './email-renderer';
import { sourceVariables } from './template-variables';
import { TemplateSyntaxError, type TemplateField } from './template-syntax.error';

/** What a template may read: whole roots (`customer`, `event`, `coupon`, `unsubscribeUrl`, attribute
 * names) and, optionally, exact paths under a root that is not listed whole (`event.properties.total`). */
export type KnownVariables = { roots: readonly string[]; paths?: readonly string[] };
export type MissingVariable = { field: TemplateField; variable: string };

const isKnown = (variable: string, roots: ReadonlySet<string>, paths: readonly string[]): boolean => {
  const root = variable.split('.')[0] ?? variable;
  if (roots.has(root)) return true;
  // A known path covers what is below it (`event.properties.total.value` is the caller's to know)
  // and what is above it (`{{#with event.properties}}` reads the object that holds it).
  return paths.some((path) => variable === path || variable.startsWith(`${path}.`) || path.startsWith(`${variable}.`));
};

/**
 * The variables a template reads that the context will not have, each with the field that uses it,
 * in field order (subject, html, text) then alphabetical. Publishing refuses a template with any:
 * a typo like `{{fristName}}` is a validation error, not a blank in the inbox. Check a layout the
 * same way, as `{ subject: '', html: layout.html, text: layout.text }` with `body` among the roots.
 * Variables inside partials depend on where the partial is called and are not followed.
 * @throws TemplateSyntaxError when a field does not parse (run `validateTemplate` first).
 */
export const missingVariables = (template: EmailTemplate, known: KnownVariables): MissingVariable[] => {
  const roots = new Set(known.roots);
  const paths = known.paths ?? [];
  const fields: [TemplateField, string | null | undefined][] = [
    ['subject', template.subject],
    ['html', template.html],
    ['text', template.text],
  ];
  const missing: MissingVariable[] = [];
  for (const [field, source] of fields) {
    if (!source) continue;
    let variables: string[];
    try {
      variables = sourceVariables(source);
    } catch (error) {
      throw TemplateSyntaxError.fromHandlebars(field, error);
    }
    for (const variable of variables) if (!isKnown(variable, roots, paths)) missing.push({ field, variable });
  }
  return missing;
};
