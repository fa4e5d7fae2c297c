import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useCan } from '../auth/use-can';
import { api, type JourneyDetail } from '../api/api-client';
import { useLiveCounts, WaitingCustomersPanel } from '../live';
import { LiveCountsContext } from '../nodes/canvas-contexts';
import { NodePalette } from '../panels/NodePalette';
import { go } from '../screens/route-paths';
import { NodeSettingsPanel } from '../panels/NodeSettingsPanel';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { useWorkspaceLookups } from '../panels/use-workspace-lookups';
import { EditorToolbar } from './EditorToolbar';
import { JourneyCanvas } from './JourneyCanvas';
import { useJourneyDraft } from './use-journey-draft';
import { useT } from '../i18n';

/** Loads one journey and opens it for editing. */
export const JourneyEditor = ({ journeyId, onBack }: { journeyId: string; onBack(): void }) => {
  const t = useT();
  const [detail, setDetail] = useState<JourneyDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setDetail(null);
    setError(null);
    api.getJourney(journeyId).then(
      (loaded) => !cancelled && setDetail(loaded),
      (caught: Error) => !cancelled && setError(caught.message),
    );
    return () => {
      cancelled = true;
    };
  }, [journeyId]);

  if (error) {
    return (
      <main className="page">
        <p role="alert" className="error">
          {error}
        </p>
        <button type="button" className="button" onClick={onBack}>
          {t('canvas.editor.back')}
        </button>
      </main>
    );
  }
  if (!detail)
    return (
      <main className="page" aria-busy="true">
        {t('canvas.editor.loading')}
      </main>
    );
  return (
    <ReactFlowProvider>
      <EditorWorkspace key={detail.id} detail={detail} onBack={onBack} />
    </ReactFlowProvider>
  );
};

const EditorWorkspace = ({ detail, onBack }: { detail: JourneyDetail; onBack(): void }) => {
  const t = useT();
  const { lookups } = useWorkspaceLookups();
  const draft = useJourneyDraft(detail, lookups);
  // The same role table the API enforces: a viewer looks at the canvas and its settings without changing them.
  const canEdit = useCan('PUT', `/journeys/${encodeURIComponent(detail.id)}`);
  const canPublish = useCan('POST', `/journeys/${encodeURIComponent(detail.id)}/publish`);
  // A live (or paused) journey shows who is where, updated as customers move, and who waits at the chosen step.
  const isLive = detail.status === 'live' || detail.status === 'paused';
  const live = useLiveCounts(detail.id, isLive);
  const [waitingClosedFor, setWaitingClosedFor] = useState<string | null>(null);
  const selected = draft.selectedNode;
  // Back to the list saves what is pending first; only a refused save asks before losing it.
  const leave = async () => {
    if (draft.saveState !== 'saved' && !(await draft.save()) && !window.confirm(t('canvas.editor.leave'))) return;
    onBack();
  };
  return (
    <div className="editor">
      <EditorToolbar
        draft={draft}
        status={detail.status}
        latestVersion={detail.latestVersion}
        canEdit={canEdit}
        canPublish={canPublish}
        onBack={() => void leave()}
        onReviewPublish={() =>
          void draft.save().then((saved) => saved && go({ screen: 'journey-publish', journeyId: detail.id }))
        }
      />
      <main className="editor__canvas">
        <LiveCountsContext.Provider value={isLive ? live.counts : null}>
          <JourneyCanvas draft={draft} readOnly={!canEdit} />
        </LiveCountsContext.Provider>
      </main>
      <aside className="editor__side" aria-label={t('canvas.editor.side')}>
        {isLive && selected && waitingClosedFor !== selected.id && (
          <WaitingCustomersPanel
            journeyId={detail.id}
            nodeId={selected.id}
            stepTitle={selected.data.label || selected.id}
            refreshKey={live.counts.nodes[selected.id]?.now}
            onClose={() => setWaitingClosedFor(selected.id)}
          />
        )}
        {canEdit && <NodePalette onAdd={draft.addNode} />}
        <NodeSettingsPanel
          node={draft.selectedNode}
          problems={draft.problems}
          lookups={lookups}
          focusRequest={draft.focusRequest}
          readOnly={!canEdit}
          onConfigChange={draft.updateNodeConfig}
          onLabelChange={draft.updateNodeLabel}
          onDelete={draft.deleteNode}
        />
        <ProblemsPanel
          problems={draft.problems}
          serverProblems={draft.serverProblems}
          onSelectProblem={draft.selectProblem}
        />
      </aside>
    </div>
  );
};
