import type { Problem } from '@rapport/journey';

const TEXT = {
  none: 'No problems',
  some: (count: number) => `Problems (${count})`,
  ready: 'This journey is ready to publish.',
  refused: 'The server refused to publish',
  stepLabel: (nodeId: string) => `Step ${nodeId}`,
} as const;

type Props = {
  problems: Problem[];
  /** Problems the server reported when it refused to publish. */
  serverProblems: Problem[];
  /** Selects the problem's step and focuses the field it is about. */
  onSelectProblem(problem: Problem): void;
};

const ProblemList = ({ problems, onSelectProblem }: Pick<Props, 'problems' | 'onSelectProblem'>) => (
  <ul className="problems__list">
    {problems.map((found, index) => (
      <li key={`${found.code}:${found.nodeId ?? ''}:${found.path.join('.')}:${index}`} className="problems__item">
        {found.nodeId ? (
          <button type="button" className="problems__link" onClick={() => onSelectProblem(found)}>
            <span className="problems__node" aria-label={TEXT.stepLabel(found.nodeId)}>
              {found.nodeId}
            </span>{' '}
            {found.message}
          </button>
        ) : (
          <span>{found.message}</span>
        )}
      </li>
    ))}
  </ul>
);

/** Everything that stops publishing, as the marketer edits; a problem on a step selects it and focuses its field. */
export const ProblemsPanel = ({ problems, serverProblems, onSelectProblem }: Props) => (
  <section className="panel problems" aria-labelledby="problems-heading">
    <h2 id="problems-heading" className="panel__heading">
      {problems.length === 0 ? TEXT.none : TEXT.some(problems.length)}
    </h2>
    {problems.length === 0 ? (
      <p className="problems__ok">{TEXT.ready}</p>
    ) : (
      <ProblemList problems={problems} onSelectProblem={onSelectProblem} />
    )}
    {serverProblems.length > 0 && (
      <>
        <h3 className="panel__subheading">{TEXT.refused}</h3>
        <ProblemList problems={serverProblems} onSelectProblem={onSelectProblem} />
      </>
    )}
  </section>
);
