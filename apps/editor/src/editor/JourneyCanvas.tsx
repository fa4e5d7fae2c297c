import { Background, Controls, MiniMap, ReactFlow, type Edge, type Connection } from '@xyflow/react';
import { useCallback } from 'react';
import { isConnectionAllowed } from '../graph/connection-rules';
import type { JourneyFlowNode } from '../graph/flow-types';
import { NodeProblemsContext } from '../nodes/node-problems-context';
import { nodeTypes } from '../nodes/node-types';
import { nodeViewOf } from '../nodes/node-views';
import type { JourneyDraft } from './use-journey-draft';

const DELETE_KEYS = ['Backspace', 'Delete'];
const DEFAULT_EDGE_OPTIONS = { type: 'smoothstep' };
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.2 };
const miniMapColor = (node: JourneyFlowNode) => nodeViewOf(node.type).color;

/** The Edit view of a journey: drag steps, draw connections from declared outputs, delete with Delete/Backspace. */
export const JourneyCanvas = ({ draft }: { draft: JourneyDraft }) => {
  const { nodes, edges } = draft;
  const isValidConnection = useCallback(
    (connection: Edge | Connection) => isConnectionAllowed(connection, nodes, edges),
    [nodes, edges],
  );

  return (
    <NodeProblemsContext.Provider value={draft.problemCounts}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={draft.onNodesChange}
        onEdgesChange={draft.onEdgesChange}
        onConnect={draft.onConnect}
        isValidConnection={isValidConnection}
        deleteKeyCode={DELETE_KEYS}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        fitView
        fitViewOptions={FIT_VIEW_OPTIONS}
        aria-label={`Journey canvas: ${draft.name}`}
      >
        <Background gap={20} />
        <Controls />
        <MiniMap<JourneyFlowNode> pannable zoomable nodeColor={miniMapColor} ariaLabel="Journey overview" />
      </ReactFlow>
    </NodeProblemsContext.Provider>
  );
};
