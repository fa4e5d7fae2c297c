import { NODE_KINDS, type NodeCategory, type NodeKind } from '@rapport/journey';
import type { MessageKey } from '@rapport/messages';

/** How a kind looks in the editor: the editor's registry, beside the core's (schema, step) and the worker's (effects). */
export type NodeView = {
  /** A 24x24 SVG path. */
  icon: string;
  /** The accent colour of the node's header and palette button. */
  color: string;
  /** The catalog key of the category shown in the card's header. */
  categoryLabel: MessageKey;
};

const categoryLabels = {
  trigger: 'kind.category.trigger',
  wait: 'kind.category.wait',
  condition: 'kind.category.condition',
  action: 'kind.category.action',
  exit: 'kind.category.exit',
} satisfies Record<NodeCategory, MessageKey>;

// A kind missing here fails to compile, like the core and worker registries.
export const nodeViews = {
  'event-trigger': {
    icon: 'M13 2 4 14h7l-1 8 9-12h-7l1-8z',
    color: '#7c3aed',
    categoryLabel: categoryLabels.trigger,
  },
  // triggers and branches
  'date-trigger': {
    icon: 'M7 2h2v2h6V2h2v2h3v18H4V4h3V2zm-1 8v10h12V10H6zm2 2h3v3H8v-3z',
    color: '#7c3aed',
    categoryLabel: categoryLabels.trigger,
  },
  'threshold-trigger': {
    icon: 'M3 17 9 11l4 4 8-8v4h2V4h-7v2h4l-7 7-4-4-7 7 1 1z',
    color: '#7c3aed',
    categoryLabel: categoryLabels.trigger,
  },
  'attribute-change-trigger': {
    icon: 'M4 4h10v2H4V4zm0 5h7v2H4V9zm0 5h7v2H4v-2zm13-4 4 4-4 4v-3h-4v-2h4v-3zM4 19h10v2H4v-2z',
    color: '#7c3aed',
    categoryLabel: categoryLabels.trigger,
  },
  'audience-trigger': {
    icon: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm7 0a3 3 0 1 0 0-6v6zM1 20c0-3.3 3.6-6 8-6s8 2.7 8 6v1H1v-1zm17-5.8c2.9.6 5 2.5 5 4.8v1h-4v-1c0-1.8-.4-3.4-1-4.8z',
    color: '#7c3aed',
    categoryLabel: categoryLabels.trigger,
  },
  'schedule-trigger': {
    icon: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16zm-1 3v6l5 3 1-1.7-4-2.4V7h-2z',
    color: '#7c3aed',
    categoryLabel: categoryLabels.trigger,
  },
  // end triggers and branches
  'wait-delay': {
    icon: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 5v5.4l3.6 2.1-1 1.7L11 13.6V7h2z',
    color: '#b45309',
    categoryLabel: categoryLabels.wait,
  },
  // waits
  'wait-until-date': {
    icon: 'M7 2h2v2h6V2h2v2h3v18H4V4h3V2zm11 8H6v10h12V10zM6 8h12V6H6v2zm2 4h4v4H8v-4z',
    color: '#b45309',
    categoryLabel: categoryLabels.wait,
  },
  'wait-time-of-day': {
    icon: 'M12 4a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 2a7 7 0 1 1 0 14 7 7 0 0 1 0-14zm-1 2v5.4l4 2.4 1-1.7-3-1.8V8h-2zM5.3 1.7 1.7 5.3l1.4 1.4 3.6-3.6-1.4-1.4zm13.4 0-1.4 1.4 3.6 3.6 1.4-1.4-3.6-3.6z',
    color: '#b45309',
    categoryLabel: categoryLabels.wait,
  },
  'wait-for-event': {
    icon: 'M6 2h12v6l-4 4 4 4v6H6v-6l4-4-4-4V2zm2 2v3.2l4 4 4-4V4H8zm4 8.8-4 4V20h8v-3.2l-4-4z',
    color: '#b45309',
    categoryLabel: categoryLabels.wait,
  },
  'time-window': {
    icon: 'M3 5h18v14H3V5zm2 2v10h6V7H5zm8 0v10h6V7h-6z',
    color: '#b45309',
    categoryLabel: categoryLabels.wait,
  },
  // end waits
  'attribute-condition': {
    icon: 'M12 2 2 12l10 10 10-10L12 2zm0 3.2L18.8 12 12 18.8 5.2 12 12 5.2z',
    color: '#0e7490',
    categoryLabel: categoryLabels.condition,
  },
  // triggers and branches
  'multi-split': {
    icon: 'M11 2h2v6.2l6 4.4V22h-2v-8.4l-5-3.7-5 3.7V22H5v-9.4l6-4.4V2zm0 12h2v8h-2v-8z',
    color: '#0e7490',
    categoryLabel: categoryLabels.condition,
  },
  'random-split': {
    icon: 'M4 4h16v16H4V4zm2 2v12h12V6H6zm2 2h3v3H8V8zm5 5h3v3h-3v-3z',
    color: '#0e7490',
    categoryLabel: categoryLabels.condition,
  },
  holdout: {
    icon: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2v8h8a8 8 0 0 1-8 8 8 8 0 0 1 0-16z',
    color: '#0e7490',
    categoryLabel: categoryLabels.condition,
  },
  'event-history-condition': {
    icon: 'M13 3a9 9 0 0 0-9 9H1l4 4 4-4H6a7 7 0 1 1 2 4.9l-1.4 1.4A9 9 0 1 0 13 3zm-1 5v5l4.3 2.5.7-1.2-3.5-2.1V8H12z',
    color: '#0e7490',
    categoryLabel: categoryLabels.condition,
  },
  // end triggers and branches
  'send-email': {
    icon: 'M3 5h18v14H3V5zm2 2v.5l7 4.4 7-4.4V7H5zm14 2.8-7 4.4-7-4.4V17h14V9.8z',
    color: '#2563eb',
    categoryLabel: categoryLabels.action,
  },
  'send-sms': {
    icon: 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-4 4V5a2 2 0 0 1 2-2zm3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z',
    color: '#2563eb',
    categoryLabel: categoryLabels.action,
  },
  'send-preferred': {
    icon: 'M3 5h12v9H3V5zm2 2v.4l4 2.5 4-2.5V7H5zm11 3h5v11h-5V10zm2 8v1h1v-1h-1z',
    color: '#2563eb',
    categoryLabel: categoryLabels.action,
  },
  'call-webhook': {
    icon: 'M10 15a3 3 0 1 1-2.8-3l2.7-4.6a3 3 0 1 1 1.7 1l-2.7 4.6c.7.5 1.1 1.2 1.1 2zm7-3a3 3 0 1 1-2.8 4h-4.4v-2h4.4A3 3 0 0 1 17 12z',
    color: '#2563eb',
    categoryLabel: categoryLabels.action,
  },
  'issue-coupon': {
    icon: 'M21 10V6a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v4a2 2 0 0 1 0 4v4a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2v-4a2 2 0 0 1 0-4zm-8 7.5h-2v-2h2v2zm0-4.5h-2v-2h2v2zm0-4.5h-2v-2h2v2z',
    color: '#2563eb',
    categoryLabel: categoryLabels.action,
  },
  'update-attribute': {
    icon: 'M3 17.3V21h3.8L17.8 9.9l-3.7-3.7L3 17.3zM20.7 7a1 1 0 0 0 0-1.4l-2.3-2.3a1 1 0 0 0-1.4 0l-1.8 1.8 3.7 3.7L20.7 7z',
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
  categoryLabel: 'kind.category.unknown',
};

export const nodeViewOf = (type: string): NodeView =>
  (NODE_KINDS as readonly string[]).includes(type) ? nodeViews[type as NodeKind] : unknownNodeView;
