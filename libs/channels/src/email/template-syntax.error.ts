export type TemplateField = 'subject' | 'html' | 'text';

/** Why a template part cannot be used: a code the API words in the marketer's language (`detail` stays technical). */
export type TemplateFault =
  'compile' | 'decorators' | 'partials-off' | 'dynamic-partial' | 'unknown-partial' | 'partial-name' | 'css';

/** Which piece of the email design failed when it is not the template itself. */
export type TemplatePart = { part: 'layout' } | { part: 'partial'; name: string };

const partWords = (where: TemplatePart): string => (where.part === 'layout' ? 'layout' : `partial "${where.name}"`);

/** Thrown when an email template cannot be compiled or rendered; `line` is 1-based when Handlebars reports it. */
export class TemplateSyntaxError extends Error {
  override readonly name = 'TemplateSyntaxError';

  constructor(
    readonly field: TemplateField,
    readonly detail: string,
    readonly line: number | null,
    readonly fault: TemplateFault = 'compile',
    readonly where: TemplatePart | null = null,
    /** The partial a `unknown-partial` or `partial-name` fault is about. */
    readonly partial: string | null = null,
  ) {
    super(
      `Template ${field}${line === null ? '' : ` (line ${line})`}: ${where ? `${partWords(where)}: ` : ''}` +
        `${fault === 'css' ? 'CSS could not be inlined: ' : ''}${detail}`,
    );
  }

  /** The same fault, found inside the layout or a partial. */
  within(where: TemplatePart): TemplateSyntaxError {
    return new TemplateSyntaxError(this.field, this.detail, this.line, this.fault, where, this.partial);
  }

  /** Wraps whatever Handlebars threw, pulling out the line from its error or its message. */
  static fromHandlebars(field: TemplateField, error: unknown): TemplateSyntaxError {
    if (error instanceof TemplateSyntaxError) return error;
    const raw = error instanceof Error ? error.message : String(error);
    const lineNumber = (error as { lineNumber?: unknown } | null)?.lineNumber;
    const fromMessage = /line (\d+)/.exec(raw)?.[1];
    const line = typeof lineNumber === 'number' ? lineNumber : fromMessage ? Number(fromMessage) : null;
    // Parse errors carry a multi-line ASCII pointer; the first and last lines are the useful part.
    const lines = raw.split('\n').filter((l) => l.trim() !== '');
    const detail = lines.length > 2 ? `${lines[0]} ${lines[lines.length - 1]}` : lines.join(' ');
    // Handlebars names a partial it cannot find; that one is the marketer's to fix by name.
    const missing = /The partial (\S+) could not be found/.exec(raw)?.[1] ?? null;
    return new TemplateSyntaxError(field, detail, line, missing ? 'unknown-partial' : 'compile', null, missing);
  }
}
