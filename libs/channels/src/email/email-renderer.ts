import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import {
  createEmailHelpers,
  EMAIL_HELPER_NAMES,
  resolveLocale,
  resolveTimeZone,
  type EmailHelper,
} from './email-helpers';
import { htmlToText } from './html-to-text';
import { inlineCss } from './inline-css';
import { TemplateSyntaxError, type TemplateField, type TemplatePart } from './template-syntax.error';

export type EmailTemplate = { subject: string; html: string; text?: string | null };
export type RenderedEmail = { subject: string; html: string; text: string };
/** A shared frame around every template: `{{{body}}}` is where the rendered template goes. */
export type EmailLayout = { html: string; text?: string | null };
export type RenderEmailOptions = {
  /** Wraps the rendered html (and text, when the layout has a text part) via `{{{body}}}`. */
  layout?: EmailLayout | null;
  /** Partials for this render only (`{{> footer}}`), never registered in the environment. */
  partials?: Record<string, string> | null;
  /** The customer's BCP 47 locale for `date`, `money`, `upper`, `lower`; default en-US. */
  locale?: string | null;
  /** The customer's IANA zone for `date`; default UTC. */
  timeZone?: string | null;
};

type RuntimeOptions = { helpers: Record<string, EmailHelper>; partials: Record<string, CompiledTemplate> };
type CompiledTemplate = (context: Record<string, unknown>, options?: RuntimeOptions) => string;

/** How many compiled templates stay cached; a tenant rarely has more live templates than this. */
export const TEMPLATE_CACHE_SIZE = 500;

// An isolated environment: helpers or partials registered elsewhere in the process can never
// leak into marketer-authored templates. Prototype access stays at the Handlebars default (denied).
const handlebars = Handlebars.create();

// knownHelpersOnly turns `{{unknownHelper x}}` into a compile error instead of a runtime surprise.
// The custom helpers are known at compile time but only supplied per render, bound to the customer.
const COMPILE_OPTIONS = {
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(EMAIL_HELPER_NAMES.map((name) => [name, true])),
  strict: false,
} as const;

// Partial names are plain identifiers, so a caller's map can never reach `__proto__` and the like.
const PARTIAL_NAME = /^[A-Za-z][\w-]*$/;
// `{{> name}}`, `{{~> name}}` or `{{#> name}}`: the only ways to call a partial.
const USES_PARTIAL = /\{\{~?\s*#?\s*>/;

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
    compiled = handlebars.compile(ast, { ...COMPILE_OPTIONS, noEscape: field !== 'html' }) as CompiledTemplate;
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

/** What one template part is, for error messages: the template itself, the layout or a partial. */
type Part = { field: TemplateField; source: string; where?: TemplatePart };

const withPart = (part: Part, error: unknown): TemplateSyntaxError => {
  const wrapped = TemplateSyntaxError.fromHandlebars(part.field, error);
  return part.where ? wrapped.within(part.where) : wrapped;
};

const renderPart = (part: Part, context: Record<string, unknown>, runtime: RuntimeOptions): string => {
  let compiled: CompiledTemplate;
  try {
    compiled = compileOrThrow(part.field, part.source);
  } catch (error) {
    throw withPart(part, error);
  }
  try {
    return compiled(context, runtime);
  } catch (error) {
    // Handlebars compiles lazily on first call and the helpers throw only for bad literal
    // arguments, so anything thrown here (unknown helper, missing partial) is a template fault.
    throw withPart(part, error);
  }
};

/** Compiles the caller's partials for one field (escaping follows the field), through the cache. */
const compilePartials = (field: TemplateField, partials: Record<string, string>): Record<string, CompiledTemplate> => {
  const compiled: Record<string, CompiledTemplate> = Object.create(null) as Record<string, CompiledTemplate>;
  for (const [name, source] of Object.entries(partials)) {
    if (!PARTIAL_NAME.test(name))
      throw new TemplateSyntaxError(field, `Partial name "${name}" is not allowed`, null, 'partial-name', null, name);
    try {
      compiled[name] = compileOrThrow(field, source);
    } catch (error) {
      throw withPart({ field, source, where: { part: 'partial', name } }, error);
    }
  }
  return compiled;
};

type Renderer = (part: Part, context: Record<string, unknown>) => string;

const rendererFor = (options: RenderEmailOptions): Renderer => {
  const helpers = createEmailHelpers({
    locale: resolveLocale(options.locale),
    timeZone: resolveTimeZone(options.timeZone),
  });
  const partials = options.partials ?? {};
  const none: RuntimeOptions = { helpers, partials: Object.create(null) as Record<string, CompiledTemplate> };
  const byField = new Map<TemplateField, RuntimeOptions>();
  return (part, context) => {
    // Partials compile (cached) only for a part that can call one, so a broken partial is
    // reported against the field that uses it.
    let runtime = USES_PARTIAL.test(part.source) ? byField.get(part.field) : none;
    if (!runtime) {
      runtime = { helpers, partials: compilePartials(part.field, partials) };
      byField.set(part.field, runtime);
    }
    return renderPart(part, context, runtime);
  };
};

/**
 * Renders a template against a context. Preview, test send and real send all go through this one
 * function. A missing variable renders as empty text; publish-time checks use `missingVariables`.
 * The html is the template's html wrapped in the layout, then its `<style>` blocks inlined into
 * `style` attributes (media queries stay in a block). The text part is the template's text (wrapped
 * in the layout's text when it has one), else derived from the final html.
 * @throws TemplateSyntaxError when a field, the layout or a partial does not compile.
 */
export const renderEmail = (
  template: EmailTemplate,
  context: Record<string, unknown>,
  options: RenderEmailOptions = {},
): RenderedEmail => {
  const render = rendererFor(options);
  const layout = options.layout;
  // Subject is a header, not HTML: escaping it would show `&amp;` in the inbox.
  const subject = render({ field: 'subject', source: template.subject }, context).replace(/\s+/g, ' ').trim();
  const body = render({ field: 'html', source: template.html }, context);
  const html = layout
    ? render({ field: 'html', source: layout.html, where: { part: 'layout' } }, { ...context, body })
    : body;
  const bodyText = template.text?.trim() ? render({ field: 'text', source: template.text }, context) : null;
  let text: string;
  if (layout?.text?.trim()) {
    const textBody = bodyText ?? htmlToText(body);
    text = render({ field: 'text', source: layout.text, where: { part: 'layout' } }, { ...context, body: textBody });
  } else {
    text = bodyText ?? htmlToText(html);
  }
  return { subject, html: inlineCss(html), text };
};

/** Visible for tests and health output. */
export const templateCacheSize = (): number => cache.size;

/** The shared isolated Handlebars environment, for the template checks beside this file. */
export const templateEnvironment = (): typeof Handlebars => handlebars;
