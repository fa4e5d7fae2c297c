import { renderEmail, templateEnvironment, type EmailTemplate } from './email-renderer';
import { TemplateSyntaxError, type TemplateField } from './template-syntax.error';

export type TemplateValidation = { ok: true } | { ok: false; field: TemplateField; message: string };

// Partials and decorators are never registered in the isolated environment, so they can only fail.
const UNSUPPORTED = new Set(['PartialStatement', 'PartialBlockStatement', 'Decorator', 'DecoratorBlock']);

const findUnsupported = (node: unknown): { type: string; line: number | null } | null => {
  if (!node || typeof node !== 'object') return null;
  const n = node as { type?: unknown; loc?: { start?: { line?: number } } };
  if (typeof n.type === 'string' && UNSUPPORTED.has(n.type)) return { type: n.type, line: n.loc?.start?.line ?? null };
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    const children: unknown[] = Array.isArray(value) ? value : [value];
    for (const child of children) {
      const hit = findUnsupported(child);
      if (hit) return hit;
    }
  }
  return null;
};

const checkField = (field: TemplateField, source: string): TemplateSyntaxError | null => {
  try {
    const ast = templateEnvironment().parse(source);
    const unsupported = findUnsupported(ast);
    if (unsupported) {
      const what = unsupported.type.startsWith('Partial') ? 'Partials ({{> name}})' : 'Decorators';
      return new TemplateSyntaxError(field, `${what} are not supported`, unsupported.line);
    }
    return null;
  } catch (error) {
    return TemplateSyntaxError.fromHandlebars(field, error);
  }
};

/**
 * Checks that every field of a template compiles, reporting the first broken field with a
 * marketer-readable message (including the line). Used when saving and publishing templates.
 */
export const validateTemplate = (template: EmailTemplate): TemplateValidation => {
  const fields: [TemplateField, string | null | undefined][] = [
    ['subject', template.subject],
    ['html', template.html],
    ['text', template.text],
  ];
  for (const [field, source] of fields) {
    if (source == null) continue;
    const error = checkField(field, source);
    if (error) return { ok: false, field, message: error.message };
  }
  try {
    // Handlebars reports some faults (unknown helpers) only when compiling, which it does on first
    // render; an empty context is harmless because no custom helpers exist to run.
    renderEmail(template, {});
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
  return { ok: true };
};
