import { NODE_KINDS, nodeKinds, type NodeCategory, type NodeKind } from '@rapport/journey';
import { memo, type DragEvent } from 'react';
import { nodeViews } from '../nodes/node-views';
import type { MessageKey } from '@rapport/messages';
import { useT, type Translate } from '../i18n';

/** The drag payload's type: a kind dropped on the canvas becomes a step where it lands. */
export const NODE_KIND_MIME = 'application/x-rapport-node-kind';

const GROUP_TITLES = {
  trigger: 'palette.group.trigger',
  wait: 'palette.group.wait',
  condition: 'palette.group.condition',
  action: 'palette.group.action',
  exit: 'palette.group.exit',
} satisfies Record<NodeCategory, MessageKey>;

const GROUP_ORDER: NodeCategory[] = ['trigger', 'wait', 'condition', 'action', 'exit'];

/** Kinds of the registry by palette group, in registry order; a new kind lands in its group with no other change. */
export const paletteGroups = (t: Translate): { category: NodeCategory; title: string; kinds: NodeKind[] }[] =>
  GROUP_ORDER.map((category) => ({
    category,
    title: t(GROUP_TITLES[category]),
    kinds: NODE_KINDS.filter((kind) => nodeKinds[kind].category === category),
  })).filter((group) => group.kinds.length > 0);

const startDrag = (kind: NodeKind) => (event: DragEvent<HTMLButtonElement>) => {
  event.dataTransfer.setData(NODE_KIND_MIME, kind);
  event.dataTransfer.effectAllowed = 'copy';
};

/** Every kind in the registry, grouped; each button adds its step on click or Enter and can be dragged onto the canvas. */
export const NodePalette = memo(function NodePalette({ onAdd }: { onAdd(kind: NodeKind): void }) {
  const t = useT();
  return (
    <section className="panel palette" aria-labelledby="palette-title">
      <h2 id="palette-title" className="panel__title">
        {t('palette.title')}
      </h2>
      <p className="panel__hint">{t('palette.hint')}</p>
      {paletteGroups(t).map(({ category, title, kinds }) => (
        <div key={category} className="palette__group" role="group" aria-label={title}>
          <h3 className="palette__group-title">{title}</h3>
          {kinds.map((kind) => (
            <button
              key={kind}
              type="button"
              className="palette__item"
              draggable
              data-kind={kind}
              onDragStart={startDrag(kind)}
              style={{ borderLeftColor: nodeViews[kind].color }}
              onClick={() => onAdd(kind)}
            >
              {t(`kind.${kind}.title`)}
            </button>
          ))}
        </div>
      ))}
    </section>
  );
});
