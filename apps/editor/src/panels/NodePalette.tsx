import { NODE_KINDS, nodeKinds, type NodeCategory, type NodeKind } from '@rapport/journey';
import { nodeViews } from '../nodes/node-views';

const GROUPS: { category: NodeCategory; title: string }[] = [
  { category: 'trigger', title: 'Triggers' },
  { category: 'wait', title: 'Waits' },
  { category: 'condition', title: 'Branches' },
  { category: 'action', title: 'Actions' },
  { category: 'exit', title: 'Exit' },
];

/** Every kind in the registry, grouped; a new kind appears here with no change to this file. */
export const NodePalette = ({ onAdd }: { onAdd(kind: NodeKind): void }) => (
  <section className="panel palette" aria-labelledby="palette-title">
    <h2 id="palette-title" className="panel__title">
      Add a step
    </h2>
    {GROUPS.map(({ category, title }) => {
      const kinds = NODE_KINDS.filter((kind) => nodeKinds[kind].category === category);
      if (kinds.length === 0) return null;
      return (
        <div key={category} className="palette__group" role="group" aria-label={title}>
          <h3 className="palette__group-title">{title}</h3>
          {kinds.map((kind) => (
            <button
              key={kind}
              type="button"
              className="palette__item"
              style={{ borderLeftColor: nodeViews[kind].color }}
              onClick={() => onAdd(kind)}
            >
              {nodeKinds[kind].title}
            </button>
          ))}
        </div>
      );
    })}
  </section>
);
