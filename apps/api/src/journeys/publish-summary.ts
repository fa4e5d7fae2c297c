import { z } from 'zod';
import {
  DEFAULT_JOURNEY_SETTINGS,
  journeySettingsSchema,
  nodeKindOrNull,
  type JourneyDocument,
  type JourneyNode,
  type JourneySettings,
} from '@rapport/journey';
import type {
  ChangedStep,
  PublishConnection,
  PublishSettingChange,
  PublishStep,
  PublishStepChange,
  PublishSummary,
  RemovedStep,
} from '@rapport/messages';

export type { PublishSummary } from '@rapport/messages';

// In the order of the journey settings screen.
const SETTING_FIELDS = [
  'entry',
  'entryLimit',
  'goal',
  'exitWhen',
  'timeZone',
] as const satisfies readonly (keyof JourneySettings)[];

const stepOf = (node: JourneyNode): PublishStep => ({ nodeId: node.id, kind: node.kind, label: node.label || null });

/** Compared as canonical JSON so that key order never counts as a change. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

const settingsOf = (document: JourneyDocument | null): JourneySettings =>
  journeySettingsSchema.safeParse(document?.settings ?? {}).data ?? DEFAULT_JOURNEY_SETTINGS;

const edgeKey = (edge: { from: string; output: string; to: string }) => `${edge.from}.${edge.output}->${edge.to}`;

const unwrapped = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault
    ? unwrapped(schema.unwrap() as z.ZodType)
    : schema;

/** Whether a step setting is one of fixed options (a unit, an operator), which the catalog words, not free text. */
const isChoice = (kind: string, field: string): boolean => {
  const schema = nodeKindOrNull(kind)?.schema;
  const inner = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>)[field] : undefined;
  return inner !== undefined && unwrapped(inner) instanceof z.ZodEnum;
};

/** What differs on a step: a new kind, a new label, each setting with its values, rewired outputs. */
const nodeChanges = (before: JourneyNode, after: JourneyNode, rewired: boolean): PublishStepChange[] => {
  const changes: PublishStepChange[] = [];
  if (before.kind !== after.kind) changes.push({ code: 'kind', before: before.kind, after: after.kind });
  if ((before.label ?? '') !== (after.label ?? ''))
    changes.push({ code: 'label', before: before.label || null, after: after.label || null });
  const keys = new Set([...Object.keys(before.config ?? {}), ...Object.keys(after.config ?? {})]);
  for (const field of [...keys].sort()) {
    const [was, becomes] = [before.config?.[field], after.config?.[field]];
    if (canonical(was) === canonical(becomes)) continue;
    changes.push({
      code: 'config',
      field,
      before: was ?? null,
      after: becomes ?? null,
      choice: isChoice(after.kind, field),
    });
  }
  if (rewired) changes.push({ code: 'connections' });
  return changes;
};

const settingChange = <Field extends keyof JourneySettings>(
  field: Field,
  before: JourneySettings,
  after: JourneySettings,
): PublishSettingChange =>
  ({
    field,
    before: before[field],
    after: after[field],
    outcome: { code: `setting.${field}`, params: {} },
  }) as PublishSettingChange;

/**
 * Compares the draft with the live version. Per the engine's rules (an enrollment pins the version it entered,
 * and published versions never change), nobody already in the journey moves to the new version: the summary
 * says so per removed or changed step, with how many customers are there now (`currentByNode`). It is
 * language-free (codes, counts, raw values); `wordPublishSummary` (@rapport/messages) words it for a reader.
 */
export const summarizePublish = (input: {
  draft: JourneyDocument;
  live: { version: number; document: JourneyDocument } | null;
  currentByNode: Record<string, number>;
}): PublishSummary => {
  const { draft, live, currentByNode } = input;
  const liveVersion = live?.version ?? null;
  const inJourney = Object.values(currentByNode).reduce((sum, count) => sum + count, 0);
  const before = live?.document ?? null;
  const beforeNodes = new Map((before?.nodes ?? []).map((node) => [node.id, node]));
  const afterNodes = new Map(draft.nodes.map((node) => [node.id, node]));
  const beforeEdges = new Map((before?.edges ?? []).map((edge) => [edgeKey(edge), edge]));
  const afterEdges = new Map(draft.edges.map((edge) => [edgeKey(edge), edge]));
  const edgesAdded = [...afterEdges].filter(([key]) => !beforeEdges.has(key)).map(([, edge]) => edge);
  const edgesRemoved = [...beforeEdges].filter(([key]) => !afterEdges.has(key)).map(([, edge]) => edge);
  const rewiredFrom = new Set([...edgesAdded, ...edgesRemoved].map((edge) => edge.from));
  const waitingAt = (nodeId: string) => currentByNode[nodeId] ?? 0;
  // A connection names its steps as the version it belongs to has them (a removed one's steps may be gone).
  const connection =
    (nodes: Map<string, JourneyNode>) =>
    (edge: { from: string; output: string; to: string }): PublishConnection => {
      const step = (id: string) => {
        const node = nodes.get(id);
        return node ? stepOf(node) : { nodeId: id, kind: 'unknown', label: id };
      };
      return { from: step(edge.from), output: edge.output, to: step(edge.to) };
    };

  const removed = [...beforeNodes.values()]
    .filter((node) => !afterNodes.has(node.id))
    .map((node): RemovedStep => ({
      ...stepOf(node),
      waiting: waitingAt(node.id),
      outcome: { code: 'step.removed', params: { waiting: waitingAt(node.id) } },
    }));
  const added = draft.nodes.filter((node) => !beforeNodes.has(node.id)).map(stepOf);
  const changed = draft.nodes.flatMap((node): ChangedStep[] => {
    const previous = beforeNodes.get(node.id);
    if (!previous) return [];
    const changes = nodeChanges(previous, node, rewiredFrom.has(node.id));
    if (changes.length === 0) return [];
    const waiting = waitingAt(node.id);
    return [{ ...stepOf(node), changes, waiting, outcome: { code: 'step.changed', params: { waiting } } }];
  });

  const oldSettings = settingsOf(before);
  const newSettings = settingsOf(draft);
  const settings = before
    ? SETTING_FIELDS.filter((field) => canonical(oldSettings[field]) !== canonical(newSettings[field])).map((field) =>
        settingChange(field, oldSettings, newSettings),
      )
    : [];

  const nameChanged = before !== null && before.name !== draft.name;
  return {
    liveVersion,
    nextVersion: (liveVersion ?? 0) + 1,
    inJourney,
    nodes: { added: before ? added : [], removed, changed },
    connections: {
      added: before ? edgesAdded.map(connection(afterNodes)) : [],
      removed: edgesRemoved.map(connection(beforeNodes)),
    },
    settings,
    unchanged:
      before !== null &&
      !nameChanged &&
      added.length + removed.length + changed.length + settings.length === 0 &&
      edgesAdded.length + edgesRemoved.length === 0,
  };
};
