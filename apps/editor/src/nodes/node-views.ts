import { NODE_KINDS, type NodeCategory, type NodeKind } from '@rapport/journey';

/** How a kind looks in the editor: the editor's registry, beside the core's (schema, step) and the worker's (effects). */
export type NodeView = {
  /** A 24x24 SVG path. */
  icon: string;
  /** The accent colour of the node's header and palette button. */
  color: string;
  categoryLabel: string;
};

const categoryLabels = {
  trigger: 'Trigger',
  wait: 'Wait',
  condition: 'Condition',
  action: 'Action',
  exit: 'Exit',
} satisfies Record<NodeCategory, string>;

// A kind missing here fails to compile, like the core and worker registries.
export const nodeViews = {
  'event-trigger': {
    icon: 'M13 2 4 14h7l-1 8 9-12h-7l1-8z',
    color: '#7c3aed',
    categoryLabel: categoryLabels.trigger,
  },
  'wait-delay': {
    icon: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 5v5.4l3.6 2.1-1 1.7L11 13.6V7h2z',
    color: '#d97706',
    categoryLabel: categoryLabels.wait,
  },
  'attribute-condition': {
    icon: 'M12 2 2 12l10 10 10-10L12 2zm0 3.2L18.8 12 12 18.8 5.2 12 12 5.2z',
    color: '#0891b2',
    categoryLabel: categoryLabels.condition,
  },
  'send-email': {
    icon: 'M3 5h18v14H3V5zm2 2v.5l7 4.4 7-4.4V7H5zm14 2.8-7 4.4-7-4.4V17h14V9.8z',
    color: '#2563eb',
    categoryLabel: categoryLabels.action,
  },
  exit: {
    icon: 'M5 3h10v4h-2V5H7v14h6v-2h2v4H5V3zm12 5 4 4-4 4v-3h-7v-2h7V8z',
    color: '#4b5563',
    categoryLabel: categoryLabels.exit,
  },
} satisfies Record<NodeKind, NodeView>;

export const unknownNodeView: NodeView = {
  icon: 'M11 7h2v7h-2V7zm0 9h2v2h-2v-2zM12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z',
  color: '#b91c1c',
  categoryLabel: 'Unknown',
};

export const nodeViewOf = (type: string): NodeView =>
  (NODE_KINDS as readonly string[]).includes(type) ? nodeViews[type as NodeKind] : unknownNodeView;
