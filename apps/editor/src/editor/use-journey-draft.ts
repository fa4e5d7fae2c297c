import { edgeIdOf, validateJourney, type NodeKind, type Problem } from '@rapport/journey';
import { addEdge, useEdgesState, useNodesState, useReactFlow, type Connection } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, api, type JourneyDetail } from '../api/api-client';
import { flowToJourney, journeyToFlow, type JourneyMeta } from '../graph/flow-mapping';
import type { JourneyFlowEdge, JourneyFlowNode } from '../graph/flow-types';
import { newNode } from '../graph/new-node';

export type SaveState = 'saved' | 'unsaved' | 'saving';

export type PublishResult = { type: 'published'; version: number } | { type: 'failed'; message: string } | null;

/**
 * The open journey's editing state: canvas nodes and edges, the document they make, its local problems,
 * and save/publish against the API. Validation is the core's `validateJourney`, the same the API runs at publish.
 */
export const useJourneyDraft = (detail: JourneyDetail, templateKeys: ReadonlySet<string> | null) => {
  const initial = useMemo(() => journeyToFlow(detail.draft), [detail]);
  const [meta] = useState<JourneyMeta>(initial.meta);
  const [nodes, setNodes, onNodesChange] = useNodesState<JourneyFlowNode>(initial.nodes);
  const [edges, setEdges, onEdgesChange] = useEdgesState<JourneyFlowEdge>(initial.edges);
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(flowToJourney(initial)));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [serverProblems, setServerProblems] = useState<Problem[]>([]);
  const [publishResult, setPublishResult] = useState<PublishResult>(null);
  const { updateNodeData, setCenter, getInternalNode } = useReactFlow<JourneyFlowNode, JourneyFlowEdge>();

  const document = useMemo(() => flowToJourney({ meta, nodes, edges }), [meta, nodes, edges]);
  const documentJson = useMemo(() => JSON.stringify(document), [document]);
  // Keyed on the JSON so selecting or measuring nodes does not re-run validation.
  const problems = useMemo(
    () => validateJourney(JSON.parse(documentJson) as unknown, { templates: templateKeys }),
    [documentJson, templateKeys],
  );
  const problemCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const found of problems) if (found.nodeId) counts.set(found.nodeId, (counts.get(found.nodeId) ?? 0) + 1);
    return counts;
  }, [problems]);
  const saveState: SaveState = saving ? 'saving' : documentJson === savedJson ? 'saved' : 'unsaved';
  const selectedNode = nodes.find((node) => node.selected) ?? null;

  useEffect(() => {
    if (saveState === 'saved') return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [saveState]);

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
      setNodes((current) => current.map((node) => ({ ...node, selected: node.id === nodeId })));
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

  const updateNodeConfig = useCallback(
    (nodeId: string, config: Record<string, unknown>) => updateNodeData(nodeId, { config }),
    [updateNodeData],
  );
  const updateNodeLabel = useCallback(
    (nodeId: string, label: string) => updateNodeData(nodeId, { label }),
    [updateNodeData],
  );
  const addNode = useCallback(
    (kind: NodeKind) =>
      setNodes((current) => [
        ...current.map((node) => (node.selected ? { ...node, selected: false } : node)),
        newNode(kind, current),
      ]),
    [setNodes],
  );
  const deleteNode = useCallback(
    (nodeId: string) => {
      setNodes((current) => current.filter((node) => node.id !== nodeId));
      setEdges((current) => current.filter((edge) => edge.source !== nodeId && edge.target !== nodeId));
    },
    [setNodes, setEdges],
  );

  const save = useCallback(async (): Promise<boolean> => {
    setSaving(true);
    setError(null);
    try {
      await api.saveJourney(detail.id, document);
      setSavedJson(documentJson);
      return true;
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
      return false;
    } finally {
      setSaving(false);
    }
  }, [detail.id, document, documentJson]);

  const publish = useCallback(async () => {
    setPublishResult(null);
    setServerProblems([]);
    if (saveState !== 'saved' && !(await save())) return;
    try {
      const version = await api.publishJourney(detail.id);
      setPublishResult({ type: 'published', version: version.version });
    } catch (caught) {
      if (caught instanceof ApiError) setServerProblems(caught.problems);
      setPublishResult({ type: 'failed', message: caught instanceof Error ? caught.message : String(caught) });
    }
  }, [detail.id, save, saveState]);

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
    updateNodeConfig,
    updateNodeLabel,
    addNode,
    deleteNode,
    saveState,
    save,
    publish,
    publishResult,
    error,
  };
};

export type JourneyDraft = ReturnType<typeof useJourneyDraft>;
