import type { Problem } from '@rapport/journey';

type Props = {
  problems: Problem[];
  /** Problems the server reported when it refused to publish. */
  serverProblems: Problem[];
  onSelectNode(nodeId: string): void;
};

const ProblemList = ({ problems, onSelectNode }: Pick<Props, 'problems' | 'onSelectNode'>) => (
  <ul className="problems__list">
    {problems.map((found, index) => (
      <li key={`${found.code}:${found.nodeId ?? ''}:${found.path.join('.')}:${index}`} className="problems__item">
        {found.nodeId ? (
          <button type="button" className="problems__link" onClick={() => onSelectNode(found.nodeId as string)}>
            <span className="problems__node">{found.nodeId}</span> {found.message}
          </button>
        ) : (
          <span>{found.message}</span>
        )}
      </li>
    ))}
  </ul>
);

/** Everything that stops publishing, as the marketer edits; a problem on a step selects it. */
export const ProblemsPanel = ({ problems, serverProblems, onSelectNode }: Props) => (
  <section className="panel problems" aria-labelledby="problems-heading">
    <h2 id="problems-heading" className="panel__heading">
      {problems.length === 0 ? 'No problems' : `Problems (${problems.length})`}
    </h2>
    {problems.length === 0 ? (
      <p className="problems__ok">This journey is ready to publish.</p>
    ) : (
      <ProblemList problems={problems} onSelectNode={onSelectNode} />
    )}
    {serverProblems.length > 0 && (
      <>
        <h3 className="panel__subheading">The server refused to publish</h3>
        <ProblemList problems={serverProblems} onSelectNode={onSelectNode} />
      </>
    )}
  </section>
);
