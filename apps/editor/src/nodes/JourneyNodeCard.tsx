import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useContext } from 'react';
import type { JourneyFlowNode } from '../graph/flow-types';
import { describeNode } from '../graph/node-description';
import { LiveCountBadge } from '../live';
import { LayoutDirectionContext, LiveCountsContext } from './canvas-contexts';
import { NodeProblemsContext } from './node-problems-context';
import { nodeViewOf } from './node-views';
import { useT } from '../i18n';

/** Where the n-th of `count` handles sits along the node's output side, as a CSS percentage. */
const handleOffset = (index: number, count: number): string => `${((index + 1) / (count + 1)) * 100}%`;

/** The one presentational body of every journey step: kind, summary, input handle and one handle per output. */
export const JourneyNodeCard = memo(function JourneyNodeCard({ id, type, data, selected }: NodeProps<JourneyFlowNode>) {
  const t = useT();
  const problemCount = useContext(NodeProblemsContext).get(id) ?? 0;
  const direction = useContext(LayoutDirectionContext);
  const live = useContext(LiveCountsContext);
  const inputSide = direction === 'LR' ? Position.Left : Position.Top;
  const outputSide = direction === 'LR' ? Position.Right : Position.Bottom;
  const kind = 'unknownKind' in data ? data.unknownKind : type;
  const description = describeNode(kind, data.config, t);
  const view = nodeViewOf(type);
  const showOutputLabels = description.outputs.length > 1 || description.outputs.some((output) => output !== 'next');
  const classes = [
    'journey-node',
    `journey-node--${direction.toLowerCase()}`,
    selected ? 'is-selected' : '',
    problemCount > 0 ? 'has-problems' : '',
  ];

  return (
    <div
      className={classes.join(' ').trim()}
      style={{ '--node-accent': view.color } as React.CSSProperties}
      data-testid={`node-${id}`}
    >
      {description.category !== 'trigger' && (
        <Handle type="target" position={inputSide} title={t('canvas.node.input')} />
      )}
      <div className="journey-node__header">
        <svg className="journey-node__icon" viewBox="0 0 24 24" aria-hidden="true">
          <path d={view.icon} fill="currentColor" fillRule="evenodd" />
        </svg>
        <span className="journey-node__category">{t(view.categoryLabel)}</span>
        {problemCount > 0 && (
          <span className="journey-node__badge" title={t('canvas.node.problems', { count: problemCount })}>
            <span aria-hidden="true">{problemCount}</span>
            <span className="visually-hidden">{t('canvas.node.problems', { count: problemCount })}</span>
          </span>
        )}
      </div>
      <div className="journey-node__title">{data.label || description.title}</div>
      <div className="journey-node__summary" data-testid={`summary-${id}`}>
        {description.summary}
      </div>
      {live && <LiveCountBadge count={live.nodes[id]} nodeId={id} />}
      {description.outputs.map((output, index) => (
        <Handle
          key={output}
          id={output}
          type="source"
          position={outputSide}
          style={
            direction === 'LR'
              ? { top: handleOffset(index, description.outputs.length) }
              : { left: handleOffset(index, description.outputs.length) }
          }
          // A title, not aria-label: a handle is a generic element, where ARIA forbids a label (axe).
          title={t('canvas.node.output', { name: output })}
        >
          {showOutputLabels && <span className="journey-node__output-label">{output}</span>}
        </Handle>
      ))}
    </div>
  );
});
