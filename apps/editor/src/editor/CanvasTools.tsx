import { Panel } from '@xyflow/react';
import { memo } from 'react';
import type { LayoutDirection } from '../graph/auto-layout';
import { useT } from '../i18n';

type Props = {
  /** A viewer gets zoom to fit only. */
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  direction: LayoutDirection;
  onUndo(): void;
  onRedo(): void;
  onLayout(direction: LayoutDirection): void;
  onFit(): void;
};

/** Undo, redo, auto-layout both ways and zoom to fit, floating over the canvas. */
export const CanvasTools = memo(function CanvasTools(props: Props) {
  const { readOnly, canUndo, canRedo, direction, onUndo, onRedo, onLayout, onFit } = props;
  const t = useT();
  if (readOnly) {
    return (
      <Panel position="top-left" className="canvas-tools" aria-label={t('canvas.tools.group')} role="toolbar">
        <button type="button" className="button button--small" onClick={onFit} title={t('canvas.tools.fit-hint')}>
          {t('canvas.tools.fit')}
        </button>
      </Panel>
    );
  }
  return (
    <Panel position="top-left" className="canvas-tools" aria-label={t('canvas.tools.group')} role="toolbar">
      <button
        type="button"
        className="button button--small"
        onClick={onUndo}
        disabled={!canUndo}
        title={t('canvas.tools.undo-hint')}
      >
        {t('canvas.tools.undo')}
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={onRedo}
        disabled={!canRedo}
        title={t('canvas.tools.redo-hint')}
      >
        {t('canvas.tools.redo')}
      </button>
      <button
        type="button"
        className="button button--small"
        aria-pressed={direction === 'LR'}
        onClick={() => onLayout('LR')}
        title={t('canvas.tools.layout-lr-hint')}
      >
        {t('canvas.tools.layout-lr')}
      </button>
      <button
        type="button"
        className="button button--small"
        aria-pressed={direction === 'TB'}
        onClick={() => onLayout('TB')}
        title={t('canvas.tools.layout-tb-hint')}
      >
        {t('canvas.tools.layout-tb')}
      </button>
      <button type="button" className="button button--small" onClick={onFit} title={t('canvas.tools.fit-hint')}>
        {t('canvas.tools.fit')}
      </button>
    </Panel>
  );
});
