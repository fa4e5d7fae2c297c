import type { JourneyDraft } from './use-journey-draft';
import { isMessageKey, type MessageKey } from '@rapport/messages';
import { useT } from '../i18n';

type Props = {
  draft: JourneyDraft;
  status: string;
  latestVersion: number | null;
  canEdit: boolean;
  canPublish: boolean;
  onBack(): void;
  /** A journey with a live version publishes through its summary of what changes for customers inside. */
  onReviewPublish(): void;
};

/** Journey name, autosave state, Save now and Publish; Publish stays disabled while the journey has problems. */
export const EditorToolbar = ({
  draft,
  status,
  latestVersion,
  canEdit,
  canPublish,
  onBack,
  onReviewPublish,
}: Props) => {
  const t = useT();
  const { saveState, problems, publishResult, error } = draft;
  const publishBlocked = problems.length > 0;
  return (
    <header className="toolbar">
      <button type="button" className="button button--link" onClick={onBack}>
        {t('canvas.toolbar.back')}
      </button>
      <h1 className="toolbar__title">{draft.name}</h1>
      <span className={`status-pill status-pill--${status}`}>
        {isMessageKey(`journeys.status.${status}`) ? t(`journeys.status.${status}` as MessageKey) : status}
      </span>
      <div className="toolbar__spacer" />
      <div className="toolbar__messages" role="status" aria-live="polite">
        <span className={`save-state save-state--${saveState}`} data-testid="save-state">
          {t(`canvas.toolbar.${saveState}`)}
        </span>
        {error && <span className="toolbar__error">{error}</span>}
        {publishResult?.type === 'published' && (
          <span className="toolbar__ok">{t('canvas.toolbar.published', { version: publishResult.version })}</span>
        )}
        {publishResult?.type === 'failed' && <span className="toolbar__error">{publishResult.message}</span>}
      </div>
      {canEdit && (
        <button type="button" className="button" onClick={() => void draft.save()} disabled={saveState === 'saving'}>
          {t('canvas.toolbar.save')}
        </button>
      )}
      {canPublish && (
        <button
          type="button"
          className="button button--primary"
          onClick={() => (latestVersion !== null ? onReviewPublish() : void draft.publish())}
          disabled={publishBlocked || saveState === 'saving'}
          title={
            publishBlocked
              ? t('canvas.toolbar.fix-first')
              : latestVersion !== null
                ? t('canvas.toolbar.next-version', { version: latestVersion + 1 })
                : undefined
          }
        >
          {t('canvas.toolbar.publish')}
        </button>
      )}
    </header>
  );
};
