import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { htmlToText } from './html-to-text';
import { TemplateSyntaxError, type TemplateField } from './template-syntax.error';

export type EmailTemplate = { subject: string; html: string; text?: string | null };
export type RenderedEmail = { subject: string; html: string; text: string };

type CompiledTemplate = (context: Record<string, unknown>) => string;

/** How many compiled templates stay cached; a tenant rarely has more live templates than this. */
export const TEMPLATE_CACHE_SIZE = 500;

// An isolated environment: helpers or partials registered elsewhere in the process can never
// leak into marketer-authored templates. Prototype access stays at the Handlebars default (denied).
const handlebars = Handlebars.create();

// knownHelpersOnly turns `{{unknownHelper x}}` into a compile error instead of a runtime surprise.
const COMPILE_OPTIONS = { knownHelpersOnly: true, strict: false } as const;

const cache = new Map<string, CompiledTemplate>();

const cacheKey = (field: TemplateField, source: string): string =>
  // The field decides escaping (html escapes, subject/text do not), so it is part of the key.
  createHash('sha256').update(field).update('\0').update(source).digest('base64url');

const compileOrThrow = (field: TemplateField, source: string): CompiledTemplate => {
  const key = cacheKey(field, source);
  const hit = cache.get(key);
  if (hit) {
    // Re-insert so the Map's insertion order doubles as least-recently-used order.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  let compiled: CompiledTemplate;
  try {
    const ast = handlebars.parse(source);
    compiled = handlebars.compile(ast, { ...COMPILE_OPTIONS, noEscape: field !== 'html' });
  } catch (error) {
    throw TemplateSyntaxError.fromHandlebars(field, error);
  }
  cache.set(key, compiled);
  if (cache.size > TEMPLATE_CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return compiled;
};

const renderField = (field: TemplateField, source: string, context: Record<string, unknown>): string => {
  const compiled = compileOrThrow(field, source);
  try {
    return compiled(context);
  } catch (error) {
    // Handlebars compiles lazily on first call, and no custom helpers are registered, so anything
    // thrown here (unknown helper, missing partial) is a fault of the template itself.
    throw TemplateSyntaxError.fromHandlebars(field, error);
  }
};

/**
 * Renders a template against a context. Preview, test send and real send all go through this one
 * function. A missing variable renders as empty text; publish-time checks use `templateVariables`.
 * @throws TemplateSyntaxError when a field does not compile.
 */
export const renderEmail = (template: EmailTemplate, context: Record<string, unknown>): RenderedEmail => {
  // Subject is a header, not HTML: escaping it would show `&amp;` in the inbox.
  const subject = renderField('subject', template.subject, context).replace(/\s+/g, ' ').trim();
  const html = renderField('html', template.html, context);
  const text = template.text?.trim() ? renderField('text', template.text, context) : htmlToText(html);
  return { subject, html, text };
};

/** Visible for tests and health output. */
export const templateCacheSize = (): number => cache.size;

/** The shared isolated Handlebars environment, for the template checks beside this file. */
export const templateEnvironment = (): typeof Handlebars => handlebars;
