import { isNodeKind, type NodeKind } from '@rapport/journey';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Connection, type Edge } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { isConnectionAllowed } from '../graph/connection-rules';
import type { JourneyFlowEdge, JourneyFlowNode } from '../graph/flow-types';
import { EdgeInsertContext, LayoutDirectionContext, type EdgeInsert } from '../nodes/canvas-contexts';
import { edgeTypes } from '../nodes/JourneyEdge';
import { NodeProblemsContext } from '../nodes/node-problems-context';
import { nodeTypes } from '../nodes/node-types';
import { nodeViewOf } from '../nodes/node-views';
import { NODE_KIND_MIME } from '../panels/NodePalette';
import { CanvasTools } from './CanvasTools';
import { isTypingTarget, shortcutOf } from './keyboard-shortcuts';
import type { JourneyDraft } from './use-journey-draft';
import { useT } from '../i18n';

const DELETE_KEYS = ['Backspace', 'Delete'];
const DEFAULT_EDGE_OPTIONS = { type: 'journey' };
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.2 };
// Low enough that a 200-step journey fits on screen.
const MIN_ZOOM = 0.1;
const miniMapColor = (node: JourneyFlowNode) => nodeViewOf(node.type).color;

/** The Edit view of a journey: drop steps, draw connections from declared outputs, `+` on edges, shortcuts. */
export const JourneyCanvas = ({ draft, readOnly }: { draft: JourneyDraft; readOnly: boolean }) => {
  const t = useT();
  const { nodes, edges, undo, redo, copy, paste, layout, insertNode, addNode } = draft;
  const { screenToFlowPosition, fitView } = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();

  // Read through refs so the connection check stays one function while nodes move.
  const graph = useRef({ nodes, edges });
  graph.current = { nodes, edges };
  const isValidConnection = useCallback(
    (connection: Edge | Connection) => isConnectionAllowed(connection, graph.current.nodes, graph.current.edges),
    [],
  );

  // An empty journey keeps zoom 1: fitting the view to the first dropped step would jump the canvas under the pointer.
  const [fitOnOpen] = useState(() => nodes.length > 0);
  const [openEdgeId, setOpenEdgeId] = useState<string | null>(null);
  const edgeInsert = useMemo<EdgeInsert>(
    () => ({
      enabled: !readOnly,
      openEdgeId,
      setOpenEdgeId,
      insert: (edgeId: string, kind: NodeKind) => {
        setOpenEdgeId(null);
        insertNode(edgeId, kind);
      },
    }),
    [readOnly, openEdgeId, insertNode],
  );

  const closeInsertMenu = useCallback(() => setOpenEdgeId(null), []);
  const fit = useCallback(() => void fitView({ ...FIT_VIEW_OPTIONS, duration: 200 }), [fitView]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target)) return;
      const action = shortcutOf(event);
      if (!action || (readOnly && action !== 'fit')) return;
      // Ctrl+C over selected text copies the text, not steps.
      if (action === 'copy' && window.getSelection()?.toString()) return;
      event.preventDefault();
      if (action === 'undo') undo();
      else if (action === 'redo') redo();
      else if (action === 'copy') copy();
      else if (action === 'paste') paste();
      else if (action === 'layout') void layout('LR');
      else if (action === 'layout-top-down') void layout('TB');
      else fit();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [readOnly, undo, redo, copy, paste, layout, fit]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(NODE_KIND_MIME);
      if (!isNodeKind(kind)) return;
      event.preventDefault();
      // The pointer marks the card's top-left corner, a little inset so the card lands under it.
      const point = screenToFlowPosition({ x: event.clientX - 20, y: event.clientY - 20 });
      addNode(kind, { x: Math.round(point.x), y: Math.round(point.y) });
    },
    [screenToFlowPosition, addNode],
  );

  return (
    <LayoutDirectionContext.Provider value={draft.direction}>
      <NodeProblemsContext.Provider value={draft.problemCounts}>
        <EdgeInsertContext.Provider value={edgeInsert}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={draft.onNodesChange}
            onEdgesChange={draft.onEdgesChange}
            onConnect={draft.onConnect}
            isValidConnection={isValidConnection}
            deleteKeyCode={readOnly ? null : DELETE_KEYS}
            nodesDraggable={!readOnly}
            nodesConnectable={!readOnly}
            defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
            onPaneClick={closeInsertMenu}
            onDragOver={readOnly ? undefined : onDragOver}
            onDrop={readOnly ? undefined : onDrop}
            minZoom={MIN_ZOOM}
            fitView={fitOnOpen}
            fitViewOptions={FIT_VIEW_OPTIONS}
            aria-label={t('canvas.label', { name: draft.name })}
          >
            <Background gap={20} />
            <Controls />
            <MiniMap<JourneyFlowNode> pannable zoomable nodeColor={miniMapColor} ariaLabel={t('canvas.overview')} />
            <CanvasTools
              readOnly={readOnly}
              canUndo={draft.canUndo}
              canRedo={draft.canRedo}
              direction={draft.direction}
              onUndo={undo}
              onRedo={redo}
              onLayout={(direction) => void layout(direction)}
              onFit={fit}
            />
          </ReactFlow>
        </EdgeInsertContext.Provider>
      </NodeProblemsContext.Provider>
    </LayoutDirectionContext.Provider>
  );
};
