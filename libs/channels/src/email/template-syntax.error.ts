export type TemplateField = 'subject' | 'html' | 'text';

/** Thrown when an email template cannot be compiled or rendered; `line` is 1-based when Handlebars reports it. */
export class TemplateSyntaxError extends Error {
  override readonly name = 'TemplateSyntaxError';

  constructor(
    readonly field: TemplateField,
    readonly detail: string,
    readonly line: number | null,
  ) {
    super(`Template ${field}${line === null ? '' : ` (line ${line})`}: ${detail}`);
  }

  /** Wraps whatever Handlebars threw, pulling out the line from its error or its message. */
  static fromHandlebars(field: TemplateField, error: unknown): TemplateSyntaxError {
    const raw = error instanceof Error ? error.message : String(error);
    const lineNumber = (error as { lineNumber?: unknown } | null)?.lineNumber;
    const fromMessage = /line (\d+)/.exec(raw)?.[1];
    const line = typeof lineNumber === 'number' ? lineNumber : fromMessage ? Number(fromMessage) : null;
    // Parse errors carry a multi-line ASCII pointer; the first and last lines are the useful part.
    const lines = raw.split('\n').filter((l) => l.trim() !== '');
    const detail = lines.length > 2 ? `${lines[0]} ${lines[lines.length - 1]}` : lines.join(' ');
    return new TemplateSyntaxError(field, detail, line);
  }
}
