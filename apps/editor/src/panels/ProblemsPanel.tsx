import type { Problem } from '@rapport/journey';
import { describeProblem } from '@rapport/messages';
import { useI18n, useT } from '../i18n';

type Props = {
  problems: Problem[];
  /** Problems the server reported when it refused to publish. */
  serverProblems: Problem[];
  /** Selects the problem's step and focuses the field it is about. */
  onSelectProblem(problem: Problem): void;
};

const ProblemList = ({ problems, onSelectProblem }: Pick<Props, 'problems' | 'onSelectProblem'>) => {
  const { t, locale } = useI18n();
  // Worded from the problem's code and parameters, never the core's English `message`.
  return (
    <ul className="problems__list">
      {problems.map((found, index) => (
        <li key={`${found.code}:${found.nodeId ?? ''}:${found.path.join('.')}:${index}`} className="problems__item">
          {found.nodeId ? (
            <button type="button" className="problems__link" onClick={() => onSelectProblem(found)}>
              <span className="problems__node" aria-label={t('problems.step', { id: found.nodeId })}>
                {found.nodeId}
              </span>{' '}
              {describeProblem(locale, found)}
            </button>
          ) : (
            <span>{describeProblem(locale, found)}</span>
          )}
        </li>
      ))}
    </ul>
  );
};

/** Everything that stops publishing, as the marketer edits; a problem on a step selects it and focuses its field. */
export const ProblemsPanel = ({ problems, serverProblems, onSelectProblem }: Props) => {
  const t = useT();
  return (
    <section className="panel problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading" className="panel__heading">
        {problems.length === 0 ? t('problems.none') : t('problems.some', { count: problems.length })}
      </h2>
      {problems.length === 0 ? (
        <p className="problems__ok">{t('problems.ready')}</p>
      ) : (
        <ProblemList problems={problems} onSelectProblem={onSelectProblem} />
      )}
      {serverProblems.length > 0 && (
        <>
          <h3 className="panel__subheading">{t('problems.refused')}</h3>
          <ProblemList problems={serverProblems} onSelectProblem={onSelectProblem} />
        </>
      )}
    </section>
  );
};
