import { renderEmail, templateEnvironment, type EmailTemplate, type RenderEmailOptions } from './email-renderer';
import { TemplateSyntaxError, type TemplateField } from './template-syntax.error';

export type TemplateValidation = { ok: true } | { ok: false; field: TemplateField; message: string };

export type ValidateTemplateOptions = Pick<RenderEmailOptions, 'layout' | 'partials'>;

// Decorators are never registered in the isolated environment, so they can only fail. Partials
// exist only when the caller passes them, by name; a dynamic partial `{{> (expr)}}` is refused.
const PARTIALS = new Set(['PartialStatement', 'PartialBlockStatement']);
const DECORATORS = new Set(['Decorator', 'DecoratorBlock']);

type Unsupported = { message: string; line: number | null };

const unsupportedNode = (
  node: { type: string; name?: unknown },
  partials: ReadonlySet<string> | null,
): string | null => {
  if (DECORATORS.has(node.type)) return 'Decorators are not supported';
  if (!PARTIALS.has(node.type)) return null;
  if (!partials) return 'Partials ({{> name}}) are not supported';
  const name = node.name as { type?: string; original?: unknown } | undefined;
  if (name?.type !== 'PathExpression' || typeof name.original !== 'string') return 'Dynamic partials are not supported';
  return partials.has(name.original) ? null : `Partial "${name.original}" is not defined`;
};

const findUnsupported = (node: unknown, partials: ReadonlySet<string> | null): Unsupported | null => {
  if (!node || typeof node !== 'object') return null;
  const n = node as { type?: unknown; name?: unknown; loc?: { start?: { line?: number } } };
  const message = typeof n.type === 'string' ? unsupportedNode({ type: n.type, name: n.name }, partials) : null;
  if (message) return { message, line: n.loc?.start?.line ?? null };
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
    const unsupported = findUnsupported(ast, partials);
    if (unsupported) return new TemplateSyntaxError(field, unsupported.message, unsupported.line);
    return null;
  } catch (error) {
    return TemplateSyntaxError.fromHandlebars(field, error);
  }
};

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
  const fields: [TemplateField, string | null | undefined, string?][] = [
    ['subject', template.subject],
    ['html', template.html],
    ['text', template.text],
    ['html', layout?.html, 'layout'],
    ['text', layout?.text, 'layout'],
    ...partialSources.map(([name, source]): [TemplateField, string, string] => ['html', source, `partial "${name}"`]),
  ];
  for (const [field, source, what] of fields) {
    if (source == null) continue;
    const error = checkField(field, source, partials);
    if (error) return { ok: false, field, message: what ? `${what}: ${error.message}` : error.message };
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
        if (error instanceof TemplateSyntaxError)
          return { ok: false, field: 'html', message: `partial "${name}": ${error.message}` };
        throw error;
      }
    }
  } catch (error) {
    if (error instanceof TemplateSyntaxError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
  return { ok: true };
};
