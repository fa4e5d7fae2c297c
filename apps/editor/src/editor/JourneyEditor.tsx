import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { api, type JourneyDetail } from '../api/api-client';
import { NodePalette } from '../panels/NodePalette';
import { NodeSettingsPanel } from '../panels/NodeSettingsPanel';
import { ProblemsPanel } from '../panels/ProblemsPanel';
import { EditorToolbar } from './EditorToolbar';
import { JourneyCanvas } from './JourneyCanvas';
import { useJourneyDraft } from './use-journey-draft';

type Loaded = { detail: JourneyDetail; templateKeys: ReadonlySet<string> | null };

/** Loads one journey (and the workspace's template keys, for validation) and opens it for editing. */
export const JourneyEditor = ({ journeyId, onBack }: { journeyId: string; onBack(): void }) => {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    setLoaded(null);
    setError(null);
    // Without the template list the template check is skipped rather than failing every email step.
    const templates = api.listTemplates().then(
      (list) => new Set(list.map((template) => template.key)),
      () => null,
    );
    Promise.all([api.getJourney(journeyId), templates]).then(
      ([detail, templateKeys]) => !cancelled && setLoaded({ detail, templateKeys }),
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
          Back to all journeys
        </button>
      </main>
    );
  }
  if (!loaded)
    return (
      <main className="page" aria-busy="true">
        Loading journey…
      </main>
    );
  return (
    <ReactFlowProvider>
      <EditorWorkspace key={loaded.detail.id} {...loaded} onBack={onBack} />
    </ReactFlowProvider>
  );
};

const EditorWorkspace = ({ detail, templateKeys, onBack }: Loaded & { onBack(): void }) => {
  const draft = useJourneyDraft(detail, templateKeys);
  const leave = () => {
    if (draft.saveState === 'saved' || window.confirm('Leave without saving your changes?')) onBack();
  };
  return (
    <div className="editor">
      <EditorToolbar draft={draft} status={detail.status} latestVersion={detail.latestVersion} onBack={leave} />
      <main className="editor__canvas">
        <JourneyCanvas draft={draft} />
      </main>
      <aside className="editor__side" aria-label="Step settings and problems">
        <NodePalette onAdd={draft.addNode} />
        <NodeSettingsPanel
          node={draft.selectedNode}
          problems={draft.problems}
          onConfigChange={draft.updateNodeConfig}
          onLabelChange={draft.updateNodeLabel}
          onDelete={draft.deleteNode}
        />
        <ProblemsPanel
          problems={draft.problems}
          serverProblems={draft.serverProblems}
          onSelectNode={draft.selectNode}
        />
      </aside>
    </div>
  );
};
