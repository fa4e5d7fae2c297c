import {
  DEFAULT_JOURNEY_SETTINGS,
  journeySettingsSchema,
  nodeKindOrNull,
  type JourneyDocument,
  type JourneyNode,
  type JourneySettings,
} from '@rapport/journey';

/** A step as the marketer names it: its label, else its kind's title. */
type StepRef = { nodeId: string; kind: string; title: string };

export type RemovedStep = StepRef & { waiting: number; outcome: string };
export type ChangedStep = StepRef & { changes: string[]; waiting: number; outcome: string };
export type SettingChange = { field: keyof JourneySettings; before: unknown; after: unknown; outcome: string };

/** What publishing the draft changes, compared with the live version, for customers already in the journey. */
export type PublishSummary = {
  /** The version customers are on now, or null before the first publish. */
  liveVersion: number | null;
  nextVersion: number;
  /** Customers in the journey now (active or waiting, any version). */
  inJourney: number;
  nodes: { added: StepRef[]; removed: RemovedStep[]; changed: ChangedStep[] };
  connections: { added: string[]; removed: string[] };
  settings: SettingChange[];
  /** Nothing differs from the live version: publishing would make an identical version. */
  unchanged: boolean;
};

const TEXT = {
  removed: (waiting: number) =>
    waiting === 0
      ? 'Nobody is here now. New entrants will not reach this step.'
      : `${plural(waiting)} here now ${verb(waiting, 'stay')} on the version they entered and ${verb(waiting, 'carry')} on along its steps; new entrants will not reach this step.`,
  changed: (waiting: number) =>
    waiting === 0
      ? 'New entrants get the new settings.'
      : `${plural(waiting)} here now ${verb(waiting, 'keep')} the settings of the version they entered; new entrants get the new ones.`,
  settings: {
    entry: 'Applies to new entries from now on (passages through every version count towards it).',
    entryLimit: 'Applies to new entries from now on (passages through every version count towards it).',
    goal: "Customers already in the journey are measured against their version's goal; new entrants against this one.",
    exitWhen: "Customers already in the journey leave by their version's exit condition; new entrants by this one.",
    timeZone: "Customers already in the journey keep their version's fallback time zone; new entrants get this one.",
  } satisfies Record<keyof JourneySettings, string>,
} as const;

const plural = (count: number) => (count === 1 ? '1 customer' : `${count} customers`);
const verb = (count: number, base: 'stay' | 'carry' | 'keep') =>
  count !== 1 ? base : base === 'carry' ? 'carries' : `${base}s`;

const refOf = (node: JourneyNode): StepRef => ({
  nodeId: node.id,
  kind: node.kind,
  title: node.label || nodeKindOrNull(node.kind)?.title || node.kind,
});

/** Compared as canonical JSON so that key order never counts as a change. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );

const settingsOf = (document: JourneyDocument | null): JourneySettings =>
  journeySettingsSchema.safeParse(document?.settings ?? {}).data ?? DEFAULT_JOURNEY_SETTINGS;

const edgeKey = (edge: { from: string; output: string; to: string }) => `${edge.from}.${edge.output} → ${edge.to}`;

/** Field names in the marketer's words: the config keys that differ, a new label, a new kind, rewired outputs. */
const nodeChanges = (before: JourneyNode, after: JourneyNode, rewired: boolean): string[] => {
  const changes: string[] = [];
  if (before.kind !== after.kind) changes.push('kind');
  if ((before.label ?? '') !== (after.label ?? '')) changes.push('label');
  const keys = new Set([...Object.keys(before.config ?? {}), ...Object.keys(after.config ?? {})]);
  for (const key of [...keys].sort()) {
    if (canonical(before.config?.[key]) !== canonical(after.config?.[key])) changes.push(`config.${key}`);
  }
  if (rewired) changes.push('connections');
  return changes;
};

/**
 * Compares the draft with the live version. Per the engine's rules (an enrollment pins the version it entered,
 * and published versions never change), nobody already in the journey moves to the new version: the summary
 * says so per removed or changed step, with how many customers are there now (`currentByNode`).
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
  const edgesAdded = [...afterEdges].filter(([key]) => !beforeEdges.has(key));
  const edgesRemoved = [...beforeEdges].filter(([key]) => !afterEdges.has(key));
  const connectionsAdded = edgesAdded.map(([key]) => key);
  const connectionsRemoved = edgesRemoved.map(([key]) => key);
  const rewiredFrom = new Set([...edgesAdded, ...edgesRemoved].map(([, edge]) => edge.from));
  const waitingAt = (nodeId: string) => currentByNode[nodeId] ?? 0;

  const removed = [...beforeNodes.values()]
    .filter((node) => !afterNodes.has(node.id))
    .map((node) => ({
      ...refOf(node),
      waiting: waitingAt(node.id),
      outcome: TEXT.removed(waitingAt(node.id)),
    }));
  const added = draft.nodes.filter((node) => !beforeNodes.has(node.id)).map(refOf);
  const changed = draft.nodes.flatMap((node) => {
    const previous = beforeNodes.get(node.id);
    if (!previous) return [];
    const changes = nodeChanges(previous, node, rewiredFrom.has(node.id));
    if (changes.length === 0) return [];
    return [
      {
        ...refOf(node),
        changes,
        waiting: waitingAt(node.id),
        outcome: TEXT.changed(waitingAt(node.id)),
      },
    ];
  });

  const oldSettings = settingsOf(before);
  const newSettings = settingsOf(draft);
  const settings = before
    ? (Object.keys(TEXT.settings) as (keyof JourneySettings)[])
        .filter((field) => canonical(oldSettings[field]) !== canonical(newSettings[field]))
        .map((field) => ({
          field,
          before: oldSettings[field],
          after: newSettings[field],
          outcome: TEXT.settings[field],
        }))
    : [];

  const nameChanged = before !== null && before.name !== draft.name;
  return {
    liveVersion,
    nextVersion: (liveVersion ?? 0) + 1,
    inJourney,
    nodes: { added: before ? added : [], removed, changed },
    connections: { added: before ? connectionsAdded : [], removed: connectionsRemoved },
    settings,
    unchanged:
      before !== null &&
      !nameChanged &&
      added.length + removed.length + changed.length + settings.length === 0 &&
      connectionsAdded.length + connectionsRemoved.length === 0,
  };
};
