import type { TemplateVariable } from './template-variables';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  title: 'screens.variables.title',
  none: 'screens.variables.none',
  known: 'screens.variables.known',
  unknown: 'screens.variables.unknown',
  context: 'screens.variables.context',
  source: {
    workspace: 'screens.variables.source.workspace',
    customer: 'screens.variables.source.customer',
  },
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

/** The variables the template reads, each marked known, unknown (flagged) or filled in by the sender. */
export const TemplateVariables = ({
  variables,
  source,
}: {
  variables: TemplateVariable[];
  source: 'workspace' | 'customer';
}) => {
  const t = useT();
  return (
    <section aria-label={t(TEXT.title)}>
      <h2>{t(TEXT.title)}</h2>
      <p className="hint">{t(TEXT.source[source])}</p>
      {variables.length === 0 && <p>{t(TEXT.none)}</p>}
      <ul data-testid="template-variables">
        {variables.map((variable) => (
          <li key={variable.path}>
            <code>{variable.path}</code>{' '}
            <span className={`pill pill--${variable.status}`}>{t(TEXT[variable.status])}</span>{' '}
            <span className="hint">{t('screens.variables.where', { fields: variable.fields.join(', ') })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
};
