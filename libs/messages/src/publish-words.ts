import type { Condition, EntryRule, JourneySettings } from '@rapport/journey';
import type { MessageKey } from './catalog.en';
import type { Locale } from './locale';
import { formatList, formatNumber } from './intl-format';
import { isMessageKey, translate } from './translate';

/**
 * The publish summary (apps/api publish-summary.ts) is language-free: ids, kinds, labels, counts, raw before and
 * after values, and outcome codes. `wordPublishSummary` adds the words in one language; the API answers with them
 * (`title`, `message`), and the editor words the same answer again in the marketer's language, as it does problems.
 */

/** A step as the summary names it: the marketer's label, or null when the canvas shows its kind's title. */
export type PublishStep = { nodeId: string; kind: string; label: string | null };

/** What publishing does to customers already in the journey, as a code with its parameters. */
export type PublishOutcome<Code extends string> = { code: Code; params: Record<string, number> };

/** One thing that differs on a step. `choice`: the value is one of the setting's fixed options (`days`, `eq`). */
export type PublishStepChange =
  | { code: 'kind'; before: string; after: string }
  | { code: 'label'; before: string | null; after: string | null }
  | { code: 'config'; field: string; before: unknown; after: unknown; choice: boolean }
  | { code: 'connections' };

export type PublishConnection = { from: PublishStep; output: string; to: PublishStep };

type SettingField = keyof JourneySettings;

export type PublishSettingChange = {
  [Field in SettingField]: {
    field: Field;
    before: JourneySettings[Field];
    after: JourneySettings[Field];
    outcome: PublishOutcome<`setting.${Field}`>;
  };
}[SettingField];

export type RemovedStep = PublishStep & { waiting: number; outcome: PublishOutcome<'step.removed'> };
export type ChangedStep = PublishStep & {
  changes: PublishStepChange[];
  waiting: number;
  outcome: PublishOutcome<'step.changed'>;
};

/** What publishing the draft changes, compared with the live version, for customers already in the journey. */
export type PublishSummary = {
  /** The version customers are on now, or null before the first publish. */
  liveVersion: number | null;
  nextVersion: number;
  /** Customers in the journey now (active or waiting, any version). */
  inJourney: number;
  nodes: { added: PublishStep[]; removed: RemovedStep[]; changed: ChangedStep[] };
  connections: { added: PublishConnection[]; removed: PublishConnection[] };
  settings: PublishSettingChange[];
  /** Nothing differs from the live version: publishing would make an identical version. */
  unchanged: boolean;
};

type Worded = { message: string };
type Titled<Step extends PublishStep> = Step & { title: string };
// Distributes over a union (one shape per setting field), which a plain Omit would merge.
type OutcomeInWords<Item extends { outcome: PublishOutcome<string> }> = Item extends unknown
  ? Omit<Item, 'outcome'> & { outcome: Item['outcome'] & Worded }
  : never;

/** The summary with its words: each step's `title`, and a `message` beside every code. */
export type PublishSummaryInWords = Omit<PublishSummary, 'nodes' | 'connections' | 'settings'> & {
  nodes: {
    added: Titled<PublishStep>[];
    removed: Titled<OutcomeInWords<RemovedStep>>[];
    changed: Titled<Omit<OutcomeInWords<ChangedStep>, 'changes'> & { changes: (PublishStepChange & Worded)[] }>[];
  };
  connections: { added: (PublishConnection & Worded)[]; removed: (PublishConnection & Worded)[] };
  settings: (OutcomeInWords<PublishSettingChange> & Worded)[];
};

const kindTitle = (locale: Locale, kind: string): string => {
  const key = `kind.${kind}.title`;
  return isMessageKey(key) ? translate(locale, key) : translate(locale, 'kind.unknown.title', { kind });
};

/** A step's name on the canvas: its label, else its kind's title in the reader's language. */
export const stepTitle = (locale: Locale, step: PublishStep): string => step.label || kindTitle(locale, step.kind);

const outcomeText = (locale: Locale, outcome: PublishOutcome<string>): string => {
  const key = `publish.outcome.${outcome.code}`;
  return isMessageKey(key) ? translate(locale, key, outcome.params) : outcome.code;
};

const quoted = (locale: Locale, text: string) => translate(locale, 'value.quoted', { text });

// Longer text (an SMS, a webhook body) is named by its field only: the canvas shows the rest.
const SHORT_TEXT = 40;

/** A step setting's value in a few words, or null when it does not fit in a sentence (a list, a long text). */
const configValue = (locale: Locale, value: unknown, choice: boolean): string | null => {
  if (value === undefined || value === null) return translate(locale, 'value.nothing');
  if (typeof value === 'number') return formatNumber(locale, value);
  if (typeof value === 'boolean') return translate(locale, value ? 'form.option.true' : 'form.option.false');
  if (typeof value !== 'string') return null;
  const option = `form.option.${value}`;
  if (choice && isMessageKey(option)) return translate(locale, option);
  return value.length <= SHORT_TEXT && !value.includes('\n') ? quoted(locale, value) : null;
};

/** A step setting by its label in the settings form (`form.field.<key>`), else by its key. */
const fieldName = (locale: Locale, field: string): string => {
  const key = `form.field.${field}`;
  return isMessageKey(key) ? translate(locale, key) : field;
};

const valuesChanged = (locale: Locale, name: string, before: string, after: string) =>
  translate(locale, 'publish.change.values', { name, before, after });

const labelText = (locale: Locale, label: string | null) =>
  label ? quoted(locale, label) : translate(locale, 'publish.change.no-label');

// A new kind or label says what it was and what it becomes: by the kinds' titles, or the labels as written.
const BEFORE_AND_AFTER: Record<
  'kind' | 'label',
  { name: MessageKey; value: (locale: Locale, value: string | null) => string }
> = {
  kind: { name: 'screens.publish.change-names.kind', value: (locale, kind) => kindTitle(locale, kind ?? '') },
  label: { name: 'screens.publish.change-names.label', value: labelText },
};

/** One change on a step in words: "Amount (27 → 25)", "where it leads". */
export const describeStepChange = (locale: Locale, change: PublishStepChange): string => {
  switch (change.code) {
    case 'kind':
    case 'label': {
      const words = BEFORE_AND_AFTER[change.code];
      const [before, after] = [words.value(locale, change.before), words.value(locale, change.after)];
      return valuesChanged(locale, translate(locale, words.name), before, after);
    }
    case 'config': {
      const name = fieldName(locale, change.field);
      const before = configValue(locale, change.before, change.choice);
      const after = configValue(locale, change.after, change.choice);
      return before !== null && after !== null ? valuesChanged(locale, name, before, after) : name;
    }
    case 'connections':
      return translate(locale, 'screens.publish.change-names.connections');
    default: {
      // A code from a newer API than this editor: shown as it is rather than dropped.
      const unknown: never = change;
      return (unknown as { code: string }).code;
    }
  }
};

// The same words as the journey settings screen's (its legends, the entry rule's choices).
const SETTING_NAMES = {
  entry: 'screens.entry.mode',
  entryLimit: 'publish.setting.entryLimit',
  goal: 'screens.journey-settings.goal',
  exitWhen: 'screens.journey-settings.exit',
  timeZone: 'screens.journey-settings.time-zone',
} as const satisfies Record<SettingField, MessageKey>;

type EntryWords = { [Mode in EntryRule['mode']]: (locale: Locale, rule: Extract<EntryRule, { mode: Mode }>) => string };

const ENTRY_WORDS: EntryWords = {
  once: (locale) => translate(locale, 'screens.entry.modes.once'),
  'after-exit': (locale) => translate(locale, 'screens.entry.modes.after-exit'),
  'once-per-period': (locale, rule) => translate(locale, 'publish.entry.once-per-period', rule.period),
  'any-time': (locale, rule) =>
    rule.maxConcurrent === null
      ? translate(locale, 'screens.entry.modes.any-time')
      : translate(locale, 'publish.entry.any-time-max', { max: rule.maxConcurrent }),
};

const exitTest = (locale: Locale, test: Condition): string => {
  const operator = `form.option.${test.operator}`;
  return translate(locale, 'publish.exit.test', {
    path: test.path,
    operator: isMessageKey(operator) ? translate(locale, operator) : test.operator,
    shown: test.value === undefined ? 'no' : 'yes',
    value: test.value,
  });
};

type SettingWords = { [Field in SettingField]: (locale: Locale, value: JourneySettings[Field]) => string };

const SETTING_WORDS: SettingWords = {
  entry: (locale, rule) => (ENTRY_WORDS[rule.mode] as (locale: Locale, rule: EntryRule) => string)(locale, rule),
  entryLimit: (locale, limit) =>
    limit === null
      ? translate(locale, 'publish.entry-limit.none')
      : translate(locale, 'publish.entry-limit.total', { limit }),
  goal: (locale, goal) =>
    goal === null
      ? translate(locale, 'publish.goal.none')
      : translate(locale, 'publish.goal.event', {
          event: goal.event,
          withinDays: goal.withinDays,
          filters: goal.where.length,
          same: formatList(locale, goal.sameAsTrigger),
          exitOnGoal: goal.exitOnGoal ? 'yes' : 'no',
        }),
  exitWhen: (locale, tests) =>
    tests && tests.length > 0
      ? formatList(
          locale,
          tests.map((test) => exitTest(locale, test)),
        )
      : translate(locale, 'publish.exit.none'),
  timeZone: (locale, zone) => zone ?? translate(locale, 'publish.time-zone.workspace'),
};

/** A journey setting's value in words: "Once per 1 year", a goal event, a time zone; never JSON. */
export const describeSettingValue = <Field extends SettingField>(
  locale: Locale,
  field: Field,
  value: JourneySettings[Field],
): string => SETTING_WORDS[field](locale, value);

/** "Entry rule (Once ever → Once per 1 year)". */
export const describeSettingChange = (locale: Locale, change: PublishSettingChange): string =>
  valuesChanged(
    locale,
    translate(locale, SETTING_NAMES[change.field]),
    describeSettingValue(locale, change.field, change.before),
    describeSettingValue(locale, change.field, change.after),
  );

/** "Is VIP? ("yes") → Give a coupon": a connection between two steps by their names. */
export const describeConnection = (locale: Locale, connection: PublishConnection): string =>
  translate(locale, 'publish.connection', {
    from: stepTitle(locale, connection.from),
    output: connection.output,
    to: stepTitle(locale, connection.to),
  });

const titled = <Step extends PublishStep>(locale: Locale, step: Step): Titled<Step> => ({
  ...step,
  title: stepTitle(locale, step),
});

const withOutcome = <Item extends { outcome: PublishOutcome<string> }>(locale: Locale, item: Item) => ({
  ...item,
  outcome: { ...item.outcome, message: outcomeText(locale, item.outcome) },
});

/** The summary in one language: every code keeps its place, with its words beside it. */
export const wordPublishSummary = (locale: Locale, summary: PublishSummary): PublishSummaryInWords => ({
  ...summary,
  nodes: {
    added: summary.nodes.added.map((step) => titled(locale, step)),
    removed: summary.nodes.removed.map((step) => titled(locale, withOutcome(locale, step))),
    changed: summary.nodes.changed.map((step) => ({
      ...titled(locale, withOutcome(locale, step)),
      changes: step.changes.map((change) => ({ ...change, message: describeStepChange(locale, change) })),
    })),
  },
  connections: {
    added: summary.connections.added.map((edge) => ({ ...edge, message: describeConnection(locale, edge) })),
    removed: summary.connections.removed.map((edge) => ({ ...edge, message: describeConnection(locale, edge) })),
  },
  settings: summary.settings.map((change) => ({
    ...withOutcome(locale, change),
    message: describeSettingChange(locale, change),
  })),
});
