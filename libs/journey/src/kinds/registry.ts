import { attributeConditionKind } from './attribute-condition.kind';
import { audienceTriggerKind } from './audience-trigger.kind';
import { dateTriggerKind } from './date-trigger.kind';
import { eventTriggerKind } from './event-trigger.kind';
import { exitKind } from './exit.kind';
import type { NodeKindDefinition } from './node-kind';
import { sendEmailKind } from './send-email.kind';
import { thresholdTriggerKind } from './threshold-trigger.kind';
import { timeWindowKind } from './time-window.kind';
import { waitDelayKind } from './wait-delay.kind';
import { waitTimeOfDayKind } from './wait-time-of-day.kind';

/** Every node kind Rapport knows; the order is the palette's. */
export const NODE_KINDS = [
  'event-trigger',
  // triggers and branches
  'date-trigger',
  'threshold-trigger',
  'audience-trigger',
  // end triggers and branches
  'wait-delay',
  // waits
  'wait-time-of-day',
  'time-window',
  // end waits
  'attribute-condition',
  'send-email',
  'exit',
] as const;

export type NodeKind = (typeof NODE_KINDS)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry erases each kind's Config type.
type RegistryEntry<K extends NodeKind> = NodeKindDefinition<K, any>;

// A kind missing here fails to compile; so do the editor's and the worker's tables keyed by NodeKind.
export const nodeKinds = {
  'event-trigger': eventTriggerKind,
  // triggers and branches
  'date-trigger': dateTriggerKind,
  'threshold-trigger': thresholdTriggerKind,
  'audience-trigger': audienceTriggerKind,
  // end triggers and branches
  'wait-delay': waitDelayKind,
  // waits
  'wait-time-of-day': waitTimeOfDayKind,
  'time-window': timeWindowKind,
  // end waits
  'attribute-condition': attributeConditionKind,
  'send-email': sendEmailKind,
  exit: exitKind,
} satisfies { [K in NodeKind]: RegistryEntry<K> };

export type AnyNodeKind = RegistryEntry<NodeKind>;

export const isNodeKind = (kind: string): kind is NodeKind => (NODE_KINDS as readonly string[]).includes(kind);

export const nodeKindOrNull = (kind: string): AnyNodeKind | null => (isNodeKind(kind) ? nodeKinds[kind] : null);
