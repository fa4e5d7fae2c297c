import { NODE_KINDS } from '@rapport/journey';
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo, useContext, useEffect, useRef } from 'react';
import { insertableKinds } from '../graph/graph-edits';
import { EdgeShareLabel } from '../live';
import { EdgeInsertContext, LiveCountsContext } from './canvas-contexts';
import { useT } from '../i18n';

const INSERTABLE = insertableKinds(NODE_KINDS);

/** A connection with a `+` at its middle that splices a new step into it. */
export const JourneyEdge = memo(function JourneyEdge(props: EdgeProps) {
  const { id, source, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style } =
    props;
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const t = useT();
  const { enabled, openEdgeId, setOpenEdgeId, insert } = useContext(EdgeInsertContext);
  const open = openEdgeId === id;
  const share = useContext(LiveCountsContext)?.edges[id];
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      {share && (
        <EdgeLabelRenderer>
          <div
            className="edge-share-anchor nodrag nopan"
            style={{ transform: `translate(-50%, -150%) translate(${labelX}px, ${labelY - 14}px)` }}
          >
            <EdgeShareLabel share={share} edgeId={id} />
          </div>
        </EdgeLabelRenderer>
      )}
      {enabled && (
        <EdgeLabelRenderer>
          <div
            className="edge-insert nodrag nopan"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            <button
              type="button"
              className="edge-insert__button"
              aria-label={t('canvas.edge.insert', { from: source, to: target })}
              aria-expanded={open}
              data-testid={`insert-${id}`}
              onClick={() => setOpenEdgeId(open ? null : id)}
            >
              +
            </button>
            {open && <InsertMenu onPick={(kind) => insert(id, kind)} onClose={() => setOpenEdgeId(null)} />}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});

const InsertMenu = ({ onPick, onClose }: { onPick(kind: (typeof INSERTABLE)[number]): void; onClose(): void }) => {
  const t = useT();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      className="edge-insert__menu"
      role="group"
      aria-label={t('canvas.edge.menu')}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      {INSERTABLE.map((kind, index) => (
        <button key={kind} ref={index === 0 ? first : undefined} type="button" onClick={() => onPick(kind)}>
          {t(`kind.${kind}.title`)}
        </button>
      ))}
      <button type="button" className="edge-insert__close" onClick={onClose}>
        {t('canvas.edge.close')}
      </button>
    </div>
  );
};

export const edgeTypes = { journey: JourneyEdge };
