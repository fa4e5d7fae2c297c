import { edgeIdOf, type JourneyDocument } from '@rapport/journey';
import {
  Background,
  Controls,
  Handle,
  Position,
  ReactFlow,
  type Edge,
  type Node,
  type NodeProps,
  type NodeTypes,
} from '@xyflow/react';
import { createContext, memo, useContext, useMemo } from 'react';
import { describeNode } from '../../graph/node-description';
import { journeyToFlow } from '../../graph/flow-mapping';
import { nodeViewOf } from '../../nodes/node-views';
import { EdgeShareLabel } from '../../live/EdgeShareLabel';
import { LiveCountBadge } from '../../live/LiveCountBadge';
import type { LiveCounts } from '../../live/live-counts';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

type StepData = {
  title: string;
  summary: string;
  color: string;
  outputs: readonly string[];
  isTrigger: boolean;
  live: LiveCounts['nodes'][string] | null | undefined;
  showLive: boolean;
};
type StepNode = Node<StepData, 'step'>;

const TEXT = {
  whoShort: 'screens.read-only.who-short',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

/** What choosing a step does (a context, so node data stays serializable). */
const SelectStepContext = createContext<((nodeId: string, title: string) => void) | null>(null);

const offset = (index: number, count: number) => `${((index + 1) / (count + 1)) * 100}%`;

/** A step as a card that cannot be edited: title, summary and, on the live view, its figures. */
const StepCard = memo(function StepCard({ id, data }: NodeProps<StepNode>) {
  const t = useT();
  const select = useContext(SelectStepContext);
  return (
    <div
      className="step-card"
      style={{ '--node-accent': data.color } as React.CSSProperties}
      data-testid={`step-${id}`}
    >
      {!data.isTrigger && <Handle type="target" position={Position.Left} isConnectable={false} />}
      <div className="step-card__title">{data.title}</div>
      <div className="step-card__summary">{data.summary}</div>
      {data.showLive && <LiveCountBadge count={data.live ?? undefined} nodeId={id} />}
      {select && (
        <button
          type="button"
          className="button button--link nodrag"
          aria-label={t('screens.read-only.who', { title: data.title })}
          onClick={(event) => {
            event.stopPropagation();
            select(id, data.title);
          }}
        >
          {t(TEXT.whoShort)}
        </button>
      )}
      {data.outputs.map((output, index) => (
        <Handle
          key={output}
          id={output}
          type="source"
          position={Position.Right}
          isConnectable={false}
          style={{ top: offset(index, data.outputs.length) }}
        />
      ))}
    </div>
  );
});

const nodeTypes = { step: StepCard } satisfies NodeTypes;

/**
 * The Read-only and Run views of a journey document (a published version, or the live version with its figures):
 * nothing can be moved or changed; clicking a step selects it (`onSelectStep`).
 */
export const ReadOnlyJourney = ({
  document,
  live,
  onSelectStep,
}: {
  document: JourneyDocument;
  live?: LiveCounts | null;
  onSelectStep?(nodeId: string, title: string): void;
}) => {
  const t = useT();
  const flow = useMemo(() => journeyToFlow(document), [document]);
  const nodes = useMemo<StepNode[]>(
    () =>
      flow.nodes.map((node) => {
        const kind = node.type === 'unknown' ? node.data.unknownKind : node.type;
        const description = describeNode(kind, node.data.config, t);
        return {
          id: node.id,
          type: 'step',
          position: node.position,
          draggable: false,
          connectable: false,
          data: {
            title: node.data.label || description.title,
            summary: description.summary,
            color: nodeViewOf(node.type).color,
            outputs: description.outputs,
            isTrigger: description.category === 'trigger',
            live: live?.nodes[node.id],
            showLive: Boolean(live),
          },
        };
      }),
    [flow, live, t],
  );
  const edges = useMemo<Edge[]>(
    () =>
      document.edges.map((edge) => {
        const id = edgeIdOf(edge);
        const share = live?.edges[id];
        return {
          id,
          source: edge.from,
          sourceHandle: edge.output,
          target: edge.to,
          type: 'smoothstep',
          label: share ? (
            <EdgeShareLabel share={share} edgeId={id} />
          ) : edge.output === 'next' ? undefined : (
            edge.output
          ),
        };
      }),
    [document, live],
  );
  return (
    <div className="readonly-canvas">
      <SelectStepContext.Provider value={onSelectStep ?? null}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          edgesFocusable={false}
          fitView
          minZoom={0.1}
          onNodeClick={(_, node) => onSelectStep?.(node.id, node.data.title)}
          aria-label={t('screens.read-only.canvas', { name: document.name })}
        >
          <Background gap={20} />
          <Controls showInteractive={false} />
        </ReactFlow>
      </SelectStepContext.Provider>
    </div>
  );
};
