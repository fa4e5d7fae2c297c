import type { TemplateVariable } from './template-variables';

const TEXT = {
  title: 'Variables used',
  none: 'This template uses no variables.',
  known: 'on profiles',
  unknown: 'unknown: no profile has it',
  context: 'filled in when sent',
  source: {
    workspace: "Checked against the workspace's profile fields and attributes.",
    customer: "Checked against the previewed customer's attributes (the attribute list could not be loaded).",
  },
  where: (fields: string[]) => `in ${fields.join(', ')}`,
} as const;

/** The variables the template reads, each marked known, unknown (flagged) or filled in by the sender. */
export const TemplateVariables = ({
  variables,
  source,
}: {
  variables: TemplateVariable[];
  source: 'workspace' | 'customer';
}) => (
  <section aria-label={TEXT.title}>
    <h2>{TEXT.title}</h2>
    <p className="hint">{TEXT.source[source]}</p>
    {variables.length === 0 && <p>{TEXT.none}</p>}
    <ul data-testid="template-variables">
      {variables.map((variable) => (
        <li key={variable.path}>
          <code>{variable.path}</code> <span className={`pill pill--${variable.status}`}>{TEXT[variable.status]}</span>{' '}
          <span className="hint">{TEXT.where(variable.fields)}</span>
        </li>
      ))}
    </ul>
  </section>
);
