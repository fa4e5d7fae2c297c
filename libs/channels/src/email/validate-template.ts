import { renderEmail, templateEnvironment, type EmailTemplate, type RenderEmailOptions } from './email-renderer';
import {
  TemplateSyntaxError,
  type TemplateFault,
  type TemplateField,
  type TemplatePart,
} from './template-syntax.error';

/** A failed check names the field, and carries the fault (its code, line and part) for the reader's words. */
export type TemplateValidation =
  { ok: true } | { ok: false; field: TemplateField; message: string; fault: TemplateSyntaxError };

export type ValidateTemplateOptions = Pick<RenderEmailOptions, 'layout' | 'partials'>;

// Decorators are never registered in the isolated environment, so they can only fail. Partials
// exist only when the caller passes them, by name; a dynamic partial `{{> (expr)}}` is refused.
const PARTIALS = new Set(['PartialStatement', 'PartialBlockStatement']);
const DECORATORS = new Set(['Decorator', 'DecoratorBlock']);

type Unsupported = { fault: TemplateFault; detail: string; partial: string | null; line: number | null };

const unsupportedNode = (
  node: { type: string; name?: unknown },
  partials: ReadonlySet<string> | null,
): Omit<Unsupported, 'line'> | null => {
  if (DECORATORS.has(node.type)) return { fault: 'decorators', detail: 'Decorators are not supported', partial: null };
  if (!PARTIALS.has(node.type)) return null;
  if (!partials) return { fault: 'partials-off', detail: 'Partials ({{> name}}) are not supported', partial: null };
  const name = node.name as { type?: string; original?: unknown } | undefined;
  if (name?.type !== 'PathExpression' || typeof name.original !== 'string')
    return { fault: 'dynamic-partial', detail: 'Dynamic partials are not supported', partial: null };
  return partials.has(name.original)
    ? null
    : { fault: 'unknown-partial', detail: `Partial "${name.original}" is not defined`, partial: name.original };
};

const findUnsupported = (node: unknown, partials: ReadonlySet<string> | null): Unsupported | null => {
  if (!node || typeof node !== 'object') return null;
  const n = node as { type?: unknown; name?: unknown; loc?: { start?: { line?: number } } };
  const found = typeof n.type === 'string' ? unsupportedNode({ type: n.type, name: n.name }, partials) : null;
  if (found) return { ...found, line: n.loc?.start?.line ?? null };
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc') continue;
    const children: unknown[] = Array.isArray(value) ? value : [value];
    for (const child of children) {
      const hit = findUnsupported(child, partials);
      if (hit) return hit;
    }
  }
  return null;
};

const checkField = (
  field: TemplateField,
  source: string,
  partials: ReadonlySet<string> | null,
): TemplateSyntaxError | null => {
  try {
    const ast = templateEnvironment().parse(source);
    const found = findUnsupported(ast, partials);
    if (found) return new TemplateSyntaxError(field, found.detail, found.line, found.fault, null, found.partial);
    return null;
  } catch (error) {
    return TemplateSyntaxError.fromHandlebars(field, error);
  }
};

const failure = (fault: TemplateSyntaxError): TemplateValidation => ({
  ok: false,
  field: fault.field,
  message: fault.message,
  fault,
});

/**
 * Checks that every field of a template compiles, reporting the first broken field with a
 * marketer-readable message (including the line). Used when saving and publishing templates.
 * With `partials`, `{{> name}}` may call those names (and the partials are checked too); without,
 * partials are refused. With a `layout`, the layout is checked with the html and text fields.
 */
export const validateTemplate = (
  template: EmailTemplate,
  options: ValidateTemplateOptions = {},
): TemplateValidation => {
  const partials = options.partials ? new Set(Object.keys(options.partials)) : null;
  const layout = options.layout ?? null;
  const partialSources = Object.entries(options.partials ?? {});
  const fields: [TemplateField, string | null | undefined, TemplatePart?][] = [
    ['subject', template.subject],
    ['html', template.html],
    ['text', template.text],
    ['html', layout?.html, { part: 'layout' }],
    ['text', layout?.text, { part: 'layout' }],
    ...partialSources.map(([name, source]): [TemplateField, string, TemplatePart] => [
      'html',
      source,
      { part: 'partial', name },
    ]),
  ];
  for (const [field, source, where] of fields) {
    if (source == null) continue;
    const error = checkField(field, source, partials);
    if (error) return failure(where ? error.within(where) : error);
  }
  try {
    // Handlebars reports some faults (unknown helpers) only when compiling, which it does on first
    // render; with an empty context the helpers render empty and throw only on bad literals.
    // Partials compile when called, so each is also rendered on its own.
    renderEmail(template, {}, { layout, partials: options.partials ?? null });
    for (const [name, source] of partialSources) {
      try {
        renderEmail({ subject: '', html: source }, {}, { partials: options.partials ?? null });
      } catch (error) {
        if (error instanceof TemplateSyntaxError) return failure(error.within({ part: 'partial', name }));
        throw error;
      }
    }
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return failure(error);
    throw error;
  }
  return { ok: true };
};
