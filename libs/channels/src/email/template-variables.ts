import { templateEnvironment, type EmailTemplate } from './email-renderer';

type Node = hbs.AST.Node;
type Program = hbs.AST.Program;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;

// Helpers that ship with Handlebars. `with` and `each` change the context of their body.
const BUILT_IN_HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);

// One entry per context on Handlebars' context stack: the path of that context from the root,
// or null when it is not a fixed path (an `each` item), so its relative paths are not top-level.
type Scope = { prefix: string[] | null; blockParams: Set<string> };

const isPath = (node: Node): node is PathExpression => node.type === 'PathExpression';

class VariableCollector {
  readonly found = new Set<string>();
  private readonly scopes: Scope[] = [{ prefix: [], blockParams: new Set() }];

  program(program: Program | undefined, scope?: Scope): void {
    if (!program) return;
    if (scope) this.scopes.push(scope);
    for (const statement of program.body) this.statement(statement);
    if (scope) this.scopes.pop();
  }

  /** Resolves a path to its root-relative form, or null when it is not a top-level variable. */
  resolve(path: PathExpression): string[] | null {
    // `@root.customer.email` reads the root context whatever the current scope is.
    if (path.data) return path.parts[0] === 'root' && path.parts.length > 1 ? path.parts.slice(1) : null;
    if (path.parts.length === 0 && path.depth === 0) return null;
    const scope = this.scopes[this.scopes.length - 1 - path.depth];
    if (!scope?.prefix) return null;
    const head = path.parts[0];
    if (path.depth === 0 && head !== undefined && this.scopes.some((s) => s.blockParams.has(head))) return null;
    return [...scope.prefix, ...path.parts];
  }

  private add(path: PathExpression): void {
    const resolved = this.resolve(path);
    if (resolved && resolved.length > 0) this.found.add(resolved.join('.'));
  }

  private expression(node: Expression): void {
    if (isPath(node)) this.add(node);
    else if (node.type === 'SubExpression') this.call(node as hbs.AST.SubExpression);
  }

  private call(node: { path: PathExpression | Expression; params: Expression[]; hash?: hbs.AST.Hash }): void {
    for (const param of node.params) this.expression(param);
    for (const pair of node.hash?.pairs ?? []) this.expression(pair.value);
  }

  private statement(node: hbs.AST.Statement): void {
    switch (node.type) {
      case 'MustacheStatement': {
        const m = node as hbs.AST.MustacheStatement;
        const hasArgs = m.params.length > 0 || (m.hash?.pairs.length ?? 0) > 0;
        // With arguments the path names a helper; without, it is a variable.
        if (hasArgs) this.call(m);
        else this.expression(m.path);
        return;
      }
      case 'BlockStatement':
        return this.block(node as hbs.AST.BlockStatement);
      case 'PartialStatement':
      case 'PartialBlockStatement':
        this.call(node as unknown as hbs.AST.PartialStatement & { path: Expression });
        return;
      default:
        return;
    }
  }

  private block(node: hbs.AST.BlockStatement): void {
    const name = node.path.original;
    const blockParams = new Set(node.program?.blockParams ?? []);
    if (BUILT_IN_HELPERS.has(name) && node.params.length > 0) {
      this.call(node);
      const first = node.params[0];
      const target = first && isPath(first) ? this.resolve(first) : null;
      // `with x` makes x the context; `each xs` iterates, so item paths have no fixed root path.
      // `if`/`unless` keep the context, and Handlebars adds no `../` level for them either.
      let bodyScope: Scope | undefined;
      if (name === 'with') bodyScope = { prefix: target, blockParams };
      else if (name === 'each') bodyScope = { prefix: null, blockParams };
      this.program(node.program, bodyScope);
      this.program(node.inverse);
      return;
    }
    // A mustache-style section `{{#customer}}…{{/customer}}`: a variable that becomes the context.
    this.add(node.path);
    this.call(node);
    this.program(node.program, { prefix: this.resolve(node.path), blockParams });
    this.program(node.inverse);
  }
}

const collect = (sources: string[]): string[] => {
  const collector = new VariableCollector();
  for (const source of sources) collector.program(templateEnvironment().parse(source));
  return [...collector.found].sort();
};

/**
 * The variable paths a template reads from its root context, sorted and deduplicated, e.g.
 * `firstName`, `customer.email`, `event.properties.total`. Helper names (`if`, `each`) are skipped but
 * their arguments are included; paths relative to an `each` item are not top-level and are skipped.
 * @throws Handlebars parse error when a field does not parse (use `validateTemplate` first).
 */
export const templateVariables = (template: EmailTemplate): string[] =>
  collect([template.subject, template.html, template.text ?? '']);

/** The same as `templateVariables`, for one template source (a field, a layout or a partial). */
export const sourceVariables = (source: string): string[] => collect([source]);
