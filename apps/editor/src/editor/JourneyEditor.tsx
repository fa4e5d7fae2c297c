import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { useCan } from '../auth/use-can';
import { api, type JourneyDetail } from '../api/api-client';
import { NodePalette } from '../panels/NodePalette';
import { NodeSettingsPanel } from '../panels/NodeSettingsPanel';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { useWorkspaceLookups } from '../panels/use-workspace-lookups';
import { EditorToolbar } from './EditorToolbar';
import { JourneyCanvas } from './JourneyCanvas';
import { useJourneyDraft } from './use-journey-draft';

const TEXT = {
  back: 'Back to all journeys',
  loading: 'Loading journey…',
  leave: 'Your latest changes could not be saved. Leave and lose them?',
  side: 'Steps, settings and problems',
} as const;

/** Loads one journey and opens it for editing. */
export const JourneyEditor = ({ journeyId, onBack }: { journeyId: string; onBack(): void }) => {
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
          {TEXT.back}
        </button>
      </main>
    );
  }
  if (!detail)
    return (
      <main className="page" aria-busy="true">
        {TEXT.loading}
      </main>
    );
  return (
    <ReactFlowProvider>
      <EditorWorkspace key={detail.id} detail={detail} onBack={onBack} />
    </ReactFlowProvider>
  );
};

const EditorWorkspace = ({ detail, onBack }: { detail: JourneyDetail; onBack(): void }) => {
  const { lookups } = useWorkspaceLookups();
  const draft = useJourneyDraft(detail, lookups);
  // The same role table the API enforces: a viewer looks at the canvas and its settings without changing them.
  const canEdit = useCan('PUT', `/journeys/${encodeURIComponent(detail.id)}`);
  const canPublish = useCan('POST', `/journeys/${encodeURIComponent(detail.id)}/publish`);
  // Back to the list saves what is pending first; only a refused save asks before losing it.
  const leave = async () => {
    if (draft.saveState !== 'saved' && !(await draft.save()) && !window.confirm(TEXT.leave)) return;
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
      />
      <main className="editor__canvas">
        <JourneyCanvas draft={draft} readOnly={!canEdit} />
      </main>
      <aside className="editor__side" aria-label={TEXT.side}>
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
