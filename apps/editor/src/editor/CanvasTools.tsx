import { Panel } from '@xyflow/react';
import { memo } from 'react';
import type { LayoutDirection } from '../graph/auto-layout';

const TEXT = {
  group: 'Canvas tools',
  undo: 'Undo',
  undoHint: 'Undo (Ctrl+Z)',
  redo: 'Redo',
  redoHint: 'Redo (Shift+Ctrl+Z)',
  layoutLr: 'Arrange left to right',
  layoutLrHint: 'Arrange the steps left to right (L)',
  layoutTb: 'Arrange top down',
  layoutTbHint: 'Arrange the steps top down (Shift+L)',
  fit: 'Zoom to fit',
  fitHint: 'Show the whole journey (F)',
} as const;

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
  if (readOnly) {
    return (
      <Panel position="top-left" className="canvas-tools" aria-label={TEXT.group} role="toolbar">
        <button type="button" className="button button--small" onClick={onFit} title={TEXT.fitHint}>
          {TEXT.fit}
        </button>
      </Panel>
    );
  }
  return (
    <Panel position="top-left" className="canvas-tools" aria-label={TEXT.group} role="toolbar">
      <button type="button" className="button button--small" onClick={onUndo} disabled={!canUndo} title={TEXT.undoHint}>
        {TEXT.undo}
      </button>
      <button type="button" className="button button--small" onClick={onRedo} disabled={!canRedo} title={TEXT.redoHint}>
        {TEXT.redo}
      </button>
      <button
        type="button"
        className="button button--small"
        aria-pressed={direction === 'LR'}
        onClick={() => onLayout('LR')}
        title={TEXT.layoutLrHint}
      >
        {TEXT.layoutLr}
      </button>
      <button
        type="button"
        className="button button--small"
        aria-pressed={direction === 'TB'}
        onClick={() => onLayout('TB')}
        title={TEXT.layoutTbHint}
      >
        {TEXT.layoutTb}
      </button>
      <button type="button" className="button button--small" onClick={onFit} title={TEXT.fitHint}>
        {TEXT.fit}
      </button>
    </Panel>
  );
});
