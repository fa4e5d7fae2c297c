import { attributeConditionKind } from './attribute-condition.kind';
import { attributeChangeTriggerKind } from './attribute-change-trigger.kind';
import { audienceTriggerKind } from './audience-trigger.kind';
import { dateTriggerKind } from './date-trigger.kind';
import { eventHistoryConditionKind } from './event-history-condition.kind';
import { eventTriggerKind } from './event-trigger.kind';
import { exitKind } from './exit.kind';
import { holdoutKind } from './holdout.kind';
import { issueCouponKind } from './issue-coupon.kind';
import { multiSplitKind } from './multi-split.kind';
import type { NodeKindDefinition } from './node-kind';
import { randomSplitKind } from './random-split.kind';
import { scheduleTriggerKind } from './schedule-trigger.kind';
import { sendEmailKind } from './send-email.kind';
import { sendSmsKind } from './send-sms.kind';
import { sendPreferredKind } from './send-preferred.kind';
import { callWebhookKind } from './call-webhook.kind';
import { thresholdTriggerKind } from './threshold-trigger.kind';
import { timeWindowKind } from './time-window.kind';
import { updateAttributeKind } from './update-attribute.kind';
import { waitDelayKind } from './wait-delay.kind';
import { waitForEventKind } from './wait-for-event.kind';
import { waitTimeOfDayKind } from './wait-time-of-day.kind';
import { waitUntilDateKind } from './wait-until-date.kind';

/** Every node kind Rapport knows; the order is the palette's. */
export const NODE_KINDS = [
  'event-trigger',
  'date-trigger',
  'threshold-trigger',
  'attribute-change-trigger',
  'audience-trigger',
  'schedule-trigger',
  'wait-delay',
  'wait-until-date',
  'wait-time-of-day',
  'wait-for-event',
  'time-window',
  'attribute-condition',
  'multi-split',
  'random-split',
  'holdout',
  'event-history-condition',
  'send-email',
  'send-sms',
  'send-preferred',
  'call-webhook',
  'issue-coupon',
  'update-attribute',
  'exit',
] as const;

export type NodeKind = (typeof NODE_KINDS)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry erases each kind's Config type.
type RegistryEntry<K extends NodeKind> = NodeKindDefinition<K, any>;

// A kind missing here fails to compile; so do the editor's and the worker's tables keyed by NodeKind.
export const nodeKinds = {
  'event-trigger': eventTriggerKind,
  'date-trigger': dateTriggerKind,
  'threshold-trigger': thresholdTriggerKind,
  'attribute-change-trigger': attributeChangeTriggerKind,
  'audience-trigger': audienceTriggerKind,
  'schedule-trigger': scheduleTriggerKind,
  'wait-delay': waitDelayKind,
  'wait-until-date': waitUntilDateKind,
  'wait-time-of-day': waitTimeOfDayKind,
  'wait-for-event': waitForEventKind,
  'time-window': timeWindowKind,
  'attribute-condition': attributeConditionKind,
  'multi-split': multiSplitKind,
  'random-split': randomSplitKind,
  holdout: holdoutKind,
  'event-history-condition': eventHistoryConditionKind,
  'send-email': sendEmailKind,
  'send-sms': sendSmsKind,
  'send-preferred': sendPreferredKind,
  'call-webhook': callWebhookKind,
  'issue-coupon': issueCouponKind,
  'update-attribute': updateAttributeKind,
  exit: exitKind,
} satisfies { [K in NodeKind]: RegistryEntry<K> };

export type AnyNodeKind = RegistryEntry<NodeKind>;

export const isNodeKind = (kind: string): kind is NodeKind => (NODE_KINDS as readonly string[]).includes(kind);

export const nodeKindOrNull = (kind: string): AnyNodeKind | null => (isNodeKind(kind) ? nodeKinds[kind] : null);
