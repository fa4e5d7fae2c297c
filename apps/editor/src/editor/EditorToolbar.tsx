import type { JourneyDraft } from './use-journey-draft';

type Props = {
  draft: JourneyDraft;
  status: string;
  latestVersion: number | null;
  canEdit: boolean;
  canPublish: boolean;
  onBack(): void;
};

const TEXT = {
  back: '← All journeys',
  saveState: { saved: 'Saved', unsaved: 'Unsaved changes', saving: 'Saving…', failed: 'Not saved' },
  save: 'Save',
  publish: 'Publish',
  published: (version: number) =>
    `Published version ${version}: new entrants follow it; customers already in the journey finish on the version they entered.`,
  fixFirst: 'Fix the problems listed below before publishing',
  nextVersion: (version: number) =>
    `Publishing makes version ${version} for new entrants; customers already in the journey stay on the version they entered.`,
} as const;

/** Journey name, autosave state, Save now and Publish; Publish stays disabled while the journey has problems. */
export const EditorToolbar = ({ draft, status, latestVersion, canEdit, canPublish, onBack }: Props) => {
  const { saveState, problems, publishResult, error } = draft;
  const publishBlocked = problems.length > 0;
  return (
    <header className="toolbar">
      <button type="button" className="button button--link" onClick={onBack}>
        {TEXT.back}
      </button>
      <h1 className="toolbar__title">{draft.name}</h1>
      <span className={`status-pill status-pill--${status}`}>{status}</span>
      <div className="toolbar__spacer" />
      <div className="toolbar__messages" role="status" aria-live="polite">
        <span className={`save-state save-state--${saveState}`} data-testid="save-state">
          {TEXT.saveState[saveState]}
        </span>
        {error && <span className="toolbar__error">{error}</span>}
        {publishResult?.type === 'published' && (
          <span className="toolbar__ok">{TEXT.published(publishResult.version)}</span>
        )}
        {publishResult?.type === 'failed' && <span className="toolbar__error">{publishResult.message}</span>}
      </div>
      {canEdit && (
        <button type="button" className="button" onClick={() => void draft.save()} disabled={saveState === 'saving'}>
          {TEXT.save}
        </button>
      )}
      {canPublish && (
        <button
          type="button"
          className="button button--primary"
          onClick={() => void draft.publish()}
          disabled={publishBlocked || saveState === 'saving'}
          title={
            publishBlocked ? TEXT.fixFirst : latestVersion !== null ? TEXT.nextVersion(latestVersion + 1) : undefined
          }
        >
          {TEXT.publish}
        </button>
      )}
    </header>
  );
};
