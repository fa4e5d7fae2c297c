import {
  edgeIdOf,
  journeyDocumentSchema,
  validateJourney,
  type JourneyDocument,
  type NodeKind,
  type Problem,
  type ValidationContext,
} from '@rapport/journey';
import { addEdge, useEdgesState, useNodesState, useReactFlow, type Connection } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api, type JourneyDetail } from '../api/api-client';
import type { LayoutDirection } from '../graph/auto-layout';
import { EditHistory } from '../graph/edit-history';
import { flowToJourney, journeyToFlow, type JourneyMeta } from '../graph/flow-mapping';
import type { JourneyFlowEdge, JourneyFlowNode } from '../graph/flow-types';
import { copySelection, insertOnEdge, pasteClipboard, type Clipboard, type FlowGraph } from '../graph/graph-edits';
import { newNode } from '../graph/new-node';
import type { WorkspaceLookups } from '../panels/lookups';
import type { FocusRequest } from '../panels/NodeSettingsPanel';
import { layoutPositions } from './layout-runner';
import { useAutosave } from './use-autosave';

export type PublishResult = { type: 'published'; version: number } | { type: 'failed'; message: string } | null;

/** Edits settle into one undo step after this pause (a drag, a word typed). */
const HISTORY_DELAY_MS = 400;

// Shared by every journey open in this tab, so steps can be copied from one journey into another.
let clipboard: Clipboard | null = null;

const keysOf = (list: { key: string }[] | null): ReadonlySet<string> | null =>
  list ? new Set(list.map((item) => item.key)) : null;

/** The document without positions: what validation depends on, so dragging does not re-validate. */
const structureOf = (json: string): string => {
  const doc = JSON.parse(json) as { nodes: { position?: unknown }[] };
  return JSON.stringify({ ...doc, nodes: doc.nodes.map(({ position: _position, ...node }) => node) });
};

/**
 * The open journey's editing state: canvas nodes and edges, the document they make, its problems (the core's
 * `validateJourney`, the same the API runs at publish), undo/redo, copy/paste, layout, autosave and publish.
 */
export const useJourneyDraft = (detail: JourneyDetail, lookups: WorkspaceLookups) => {
  const initial = useMemo(() => journeyToFlow(detail.draft), [detail]);
  const initialJson = useMemo(() => JSON.stringify(flowToJourney(initial)), [initial]);
  const [meta] = useState<JourneyMeta>(initial.meta);
  const [nodes, setNodes, onNodesChange] = useNodesState<JourneyFlowNode>(initial.nodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState<JourneyFlowEdge>(initial.edges);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [publishResult, setPublishResult] = useState<PublishResult>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest>(null);
  const [direction, setDirection] = useState<LayoutDirection>('LR');
  const { updateNodeData, setCenter, getInternalNode, getNodes, fitView } = useReactFlow<
    JourneyFlowNode,
    JourneyFlowEdge
  >();

  // While a step is being dragged the document is read as it was before the drag: no serializing, validating or
  // autosave timer per frame, only React Flow moving one node. It catches up on the drop.
  const settledNodes = useRef(nodes);
  if (!nodes.some((node) => node.dragging)) settledNodes.current = nodes;
  const documentNodes = settledNodes.current;
  const documentJson = useMemo(
    () => JSON.stringify(flowToJourney({ meta, nodes: documentNodes, edges })),
    [meta, documentNodes, edges],
  );
  const structureJson = useMemo(() => structureOf(documentJson), [documentJson]);
  const context = useMemo<ValidationContext>(
    () => ({
      templates: keysOf(lookups.templates),
      couponPools: keysOf(lookups.couponPools),
      audiences: keysOf(lookups.audiences),
    }),
    [lookups],
  );
  const problems = useMemo(() => validateJourney(JSON.parse(structureJson), context), [structureJson, context]);
  const problemCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const found of problems) if (found.nodeId) counts.set(found.nodeId, (counts.get(found.nodeId) ?? 0) + 1);
    return counts;
  }, [problems]);
  const selectedNode = useMemo(() => nodes.find((node) => node.selected) ?? null, [nodes]);

  const persist = useCallback(
    async (json: string) => {
      await api.saveJourney(detail.id, journeyDocumentSchema.parse(JSON.parse(json)));
    },
    [detail.id],
  );
  const { saveState, error, saveNow } = useAutosave(documentJson, initialJson, persist);

  // Undo/redo: snapshots of the document, recorded once edits pause.
  const history = useRef(new EditHistory(initialJson));
  const [historyMark, setHistoryMark] = useState(0);
  const latestJson = useRef(documentJson);
  latestJson.current = documentJson;
  useEffect(() => {
    const timer = setTimeout(() => {
      if (history.current.record(documentJson)) setHistoryMark((mark) => mark + 1);
    }, HISTORY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [documentJson]);

  const restore = useCallback(
    (json: string) => {
      // Snapshots are this hook's own serialization: read back as they are, so undo lands on the same JSON.
      const flow = journeyToFlow(JSON.parse(json) as JourneyDocument);
      const selected = new Set(
        getNodes()
          .filter((node) => node.selected)
          .map((node) => node.id),
      );
      setNodes(flow.nodes.map((node) => (selected.has(node.id) ? { ...node, selected: true } : node)));
      setEdges(flow.edges);
      setHistoryMark((mark) => mark + 1);
    },
    [getNodes, setNodes, setEdges],
  );
  const undo = useCallback(() => {
    history.current.record(latestJson.current);
    const previous = history.current.undo();
    if (previous !== null) restore(previous);
  }, [restore]);
  const redo = useCallback(() => {
    if (history.current.current !== latestJson.current) return;
    const next = history.current.redo();
    if (next !== null) restore(next);
  }, [restore]);

  const applyGraph = useCallback(
    (graph: FlowGraph) => {
      setNodes(graph.nodes);
      setEdges(graph.edges);
    },
    [setNodes, setEdges],
  );
  const currentGraph = useCallback((): FlowGraph => ({ nodes: getNodes(), edges: edgesRef.current }), [getNodes]);
  const edgesRef = useRef(edges);
  edgesRef.current = edges;

  const onConnect = useCallback(
    (connection: Connection) => {
      const output = connection.sourceHandle ?? 'next';
      const id = edgeIdOf({ from: connection.source, output, to: connection.target });
      setEdges((current) => addEdge({ ...connection, sourceHandle: output, id }, current) as JourneyFlowEdge[]);
    },
    [setEdges],
  );

  const selectNode = useCallback(
    (nodeId: string) => {
      setNodes((current) =>
        current.map((node) =>
          node.selected !== (node.id === nodeId) ? { ...node, selected: node.id === nodeId } : node,
        ),
      );
      setEdges((current) => current.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)));
      const internal = getInternalNode(nodeId);
      if (internal) {
        const { x, y } = internal.internals.positionAbsolute;
        void setCenter(x + (internal.measured.width ?? 0) / 2, y + (internal.measured.height ?? 0) / 2, {
          duration: 300,
          zoom: 1,
        });
      }
    },
    [setNodes, setEdges, getInternalNode, setCenter],
  );
  const selectProblem = useCallback(
    (found: Problem) => {
      if (!found.nodeId) return;
      selectNode(found.nodeId);
      setFocusRequest((previous) => ({
        nodeId: found.nodeId as string,
        path: found.path,
        seq: (previous?.seq ?? 0) + 1,
      }));
    },
    [selectNode],
  );

  const updateNodeConfig = useCallback(
    (nodeId: string, config: Record<string, unknown>) => updateNodeData(nodeId, { config }),
    [updateNodeData],
  );
  const updateNodeLabel = useCallback(
    (nodeId: string, label: string) => updateNodeData(nodeId, { label }),
    [updateNodeData],
  );
  const addNode = useCallback(
    (kind: NodeKind, position?: { x: number; y: number }) =>
      setNodes((current) => [
        ...current.map((node) => (node.selected ? { ...node, selected: false } : node)),
        newNode(kind, current, position),
      ]),
    [setNodes],
  );
  const insertNode = useCallback(
    (edgeId: string, kind: NodeKind) => {
      const result = insertOnEdge(currentGraph(), edgeId, kind);
      if (result) applyGraph(result);
    },
    [currentGraph, applyGraph],
  );
  const deleteNode = useCallback(
    (nodeId: string) => {
      setNodes((current) => current.filter((node) => node.id !== nodeId));
      setEdges((current) => current.filter((edge) => edge.source !== nodeId && edge.target !== nodeId));
    },
    [setNodes, setEdges],
  );
  const copy = useCallback(() => {
    clipboard = copySelection(currentGraph()) ?? clipboard;
  }, [currentGraph]);
  const paste = useCallback(() => {
    if (clipboard) applyGraph(pasteClipboard(currentGraph(), clipboard));
  }, [currentGraph, applyGraph]);

  const layout = useCallback(
    async (next: LayoutDirection = direction) => {
      setDirection(next);
      const positions = await layoutPositions(getNodes(), edgesRef.current, next);
      setNodes((current) => current.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })));
      requestAnimationFrame(() => void fitView({ padding: 0.2, duration: 200 }));
    },
    [direction, getNodes, setNodes, fitView],
  );

  const publish = useCallback(async () => {
    setPublishResult(null);
    setServerProblems([]);
    if (saveState !== 'saved' && !(await saveNow())) return;
    try {
      const version = await api.publishJourney(detail.id);
      setPublishResult({ type: 'published', version: version.version });
    } catch (caught) {
      if (caught instanceof ApiError) setServerProblems(caught.problems);
      setPublishResult({ type: 'failed', message: caught instanceof Error ? caught.message : String(caught) });
    }
  }, [detail.id, saveNow, saveState]);

  return {
    name: meta.name,
    nodes,
    edges,
    onNodesChange,
    onEdgesChange,
    onConnect,
    problems,
    problemCounts,
    serverProblems,
    selectedNode,
    selectNode,
    selectProblem,
    focusRequest,
    updateNodeConfig,
    updateNodeLabel,
    addNode,
    insertNode,
    deleteNode,
    copy,
    paste,
    undo,
    redo,
    // `historyMark` only makes these re-read after the history changed.
    canUndo: historyMark >= 0 && (history.current.canUndo || documentJson !== history.current.current),
    canRedo: historyMark >= 0 && history.current.canRedo && documentJson === history.current.current,
    direction,
    layout,
    saveState,
    save: saveNow,
    publish,
    publishResult,
    error,
  };
};

export type JourneyDraft = ReturnType<typeof useJourneyDraft>;
