import { journeySettingsSchema, type EntryRule, type JourneyDocument, type JourneySettings } from '@rapport/journey';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import type { JourneyDetail } from '../../api/api-client';
import { useCan } from '../../auth/use-can';
import { ReadOnlyNote } from '../access/ReadOnlyNote';
import { ConditionRow, toApiTest, type Test } from '../ConditionRow';
import { ErrorNote, Pending } from '../ErrorNote';
import { screensApi } from '../screens-api';
import { useLoad } from '../use-load';
import { EntryRuleFields } from './EntryRuleFields';
import { JourneyTabs } from './JourneyTabs';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  loading: 'screens.journey-settings.loading',
  goal: 'screens.journey-settings.goal',
  hasGoal: 'screens.journey-settings.has-goal',
  goalEvent: 'screens.journey-settings.goal-event',
  withinDays: 'screens.journey-settings.within-days',
  exitOnGoal: 'screens.journey-settings.exit-on-goal',
  exit: 'screens.journey-settings.exit',
  exitHint: 'screens.journey-settings.exit-hint',
  addExit: 'screens.journey-settings.add-exit',
  holdout: 'screens.journey-settings.holdout',
  noHoldout: 'screens.journey-settings.no-holdout',
  timeZone: 'screens.journey-settings.time-zone',
  timeZoneLabel: 'screens.journey-settings.time-zone-label',
  save: 'screens.journey-settings.save',
  saving: 'screens.journey-settings.saving',
  saved: 'screens.journey-settings.saved',
  archived: 'screens.journey-settings.archived',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

type HoldoutEdit = { nodeId: string; title: string; percent: string };

const timeZones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
};

const numberOrNull = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** The draft's settings as a form: entry rule, goal, exit condition, holdout shares and fallback time zone. */
export const JourneySettingsScreen = ({ journeyId }: { journeyId: string }) => {
  const t = useT();
  const journey = useLoad(() => screensApi.journey(journeyId), journeyId);
  if (!journey.data) return <Pending error={journey.error} label={t(TEXT.loading)} />;
  return (
    <>
      <JourneyTabs
        journeyId={journeyId}
        name={journey.data.name}
        status={journey.data.status}
        current="journey-settings"
      />
      <ReadOnlyNote method="PUT" path="/journeys/:id" />
      <SettingsForm key={journey.data.updatedAt} detail={journey.data} onSaved={journey.setData} />
    </>
  );
};

const SettingsForm = ({ detail, onSaved }: { detail: JourneyDetail; onSaved(detail: JourneyDetail): void }) => {
  const t = useT();
  const canChange = useCan('PUT', '/journeys/:id');
  const initial = useMemo(() => journeySettingsSchema.parse(detail.draft.settings ?? {}), [detail]);
  const [entry, setEntry] = useState<EntryRule>(initial.entry);
  const [maxConcurrent, setMaxConcurrent] = useState(
    initial.entry.mode === 'any-time' ? String(initial.entry.maxConcurrent ?? '') : '',
  );
  const [entryLimit, setEntryLimit] = useState(String(initial.entryLimit ?? ''));
  const [goalOn, setGoalOn] = useState(initial.goal !== null);
  const [goalEvent, setGoalEvent] = useState(initial.goal?.event ?? '');
  const [withinDays, setWithinDays] = useState(String(initial.goal?.withinDays ?? 30));
  const [exitOnGoal, setExitOnGoal] = useState(initial.goal?.exitOnGoal ?? false);
  const [exitWhen, setExitWhen] = useState<Test[]>(
    (initial.exitWhen ?? []).map(({ source: _source, ...test }) => ({ ...test, value: test.value })),
  );
  const [timeZone, setTimeZone] = useState(initial.timeZone ?? '');
  const [holdouts, setHoldouts] = useState<HoldoutEdit[]>(() =>
    detail.draft.nodes
      .filter((node) => node.kind === 'holdout')
      .map((node) => ({
        nodeId: node.id,
        title: node.label || node.id,
        percent: String((node.config as { controlPercent?: number }).controlPercent ?? 10),
      })),
  );
  const [attributes, setAttributes] = useState<string[]>([]);
  const [state, setState] = useState<{ busy: boolean; saved: boolean; error: string | null }>({
    busy: false,
    saved: false,
    error: null,
  });
  const zones = useMemo(timeZones, []);

  useEffect(() => {
    screensApi.attributes().then(
      (list) => setAttributes(list.map((attribute) => attribute.name)),
      () => setAttributes([]),
    );
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const settings: JourneySettings = {
      entry: entry.mode === 'any-time' ? { mode: 'any-time', maxConcurrent: numberOrNull(maxConcurrent) } : entry,
      entryLimit: numberOrNull(entryLimit),
      goal: goalOn
        ? {
            ...(initial.goal ?? { where: [], sameAsTrigger: [] }),
            event: goalEvent.trim(),
            withinDays: Number(withinDays),
            exitOnGoal,
          }
        : null,
      exitWhen: exitWhen.length > 0 ? exitWhen.map((test) => ({ source: 'profile', ...toApiTest(test) })) : null,
      timeZone: timeZone.trim() || null,
    } as JourneySettings;
    const percents = new Map(holdouts.map((holdout) => [holdout.nodeId, Number(holdout.percent)]));
    const draft: JourneyDocument = {
      ...detail.draft,
      settings,
      nodes: detail.draft.nodes.map((node) =>
        percents.has(node.id) ? { ...node, config: { ...node.config, controlPercent: percents.get(node.id) } } : node,
      ),
    };
    setState({ busy: true, saved: false, error: null });
    try {
      onSaved(await screensApi.saveDraft(detail.id, draft));
      setState({ busy: false, saved: true, error: null });
    } catch (caught) {
      setState({ busy: false, saved: false, error: (caught as Error).message });
    }
  };

  const archived = detail.status === 'archived';
  // Shown as it is, unchangeable: an archived journey for everyone, any journey for a role that may not edit.
  const locked = archived || !canChange;
  return (
    <form onSubmit={(event) => void save(event)} aria-label={t(TEXT.save)}>
      {archived && <p className="warning-note">{t(TEXT.archived)}</p>}
      <EntryRuleFields
        disabled={locked}
        entry={entry}
        maxConcurrent={maxConcurrent}
        entryLimit={entryLimit}
        onEntry={setEntry}
        onMaxConcurrent={setMaxConcurrent}
        onEntryLimit={setEntryLimit}
      />
      <fieldset disabled={locked}>
        <legend>{t(TEXT.goal)}</legend>
        <label>
          <input type="checkbox" checked={goalOn} onChange={(event) => setGoalOn(event.target.checked)} />{' '}
          {t(TEXT.hasGoal)}
        </label>
        {goalOn && (
          <div className="form-grid">
            <label htmlFor="goal-event">{t(TEXT.goalEvent)}</label>
            <input
              id="goal-event"
              type="text"
              required
              maxLength={200}
              value={goalEvent}
              onChange={(event) => setGoalEvent(event.target.value)}
            />
            <label htmlFor="goal-days">{t(TEXT.withinDays)}</label>
            <input
              id="goal-days"
              type="number"
              min={1}
              max={3650}
              required
              value={withinDays}
              onChange={(event) => setWithinDays(event.target.value)}
            />
            <span />
            <label>
              <input type="checkbox" checked={exitOnGoal} onChange={(event) => setExitOnGoal(event.target.checked)} />{' '}
              {t(TEXT.exitOnGoal)}
            </label>
          </div>
        )}
      </fieldset>

      <fieldset disabled={locked}>
        <legend>{t(TEXT.exit)}</legend>
        <p className="hint">{t(TEXT.exitHint)}</p>
        {exitWhen.map((test, index) => (
          <ConditionRow
            key={index}
            idPrefix={`exit-${index}`}
            test={test}
            attributes={attributes}
            onChange={(next) => setExitWhen(exitWhen.map((item, at) => (at === index ? next : item)))}
            onRemove={() => setExitWhen(exitWhen.filter((_, at) => at !== index))}
          />
        ))}
        <button
          type="button"
          className="button"
          onClick={() => setExitWhen([...exitWhen, { path: '', operator: 'eq', value: '' }])}
        >
          {t(TEXT.addExit)}
        </button>
      </fieldset>

      <fieldset disabled={locked}>
        <legend>{t(TEXT.holdout)}</legend>
        {holdouts.length === 0 && <p className="hint">{t(TEXT.noHoldout)}</p>}
        <div className="form-grid">
          {holdouts.map((holdout) => (
            <HoldoutField
              key={holdout.nodeId}
              holdout={holdout}
              onChange={(percent) =>
                setHoldouts(holdouts.map((item) => (item.nodeId === holdout.nodeId ? { ...item, percent } : item)))
              }
            />
          ))}
        </div>
      </fieldset>

      <fieldset disabled={locked}>
        <legend>{t(TEXT.timeZone)}</legend>
        <div className="form-grid">
          <label htmlFor="time-zone">{t(TEXT.timeZoneLabel)}</label>
          <input
            id="time-zone"
            type="text"
            list="time-zones"
            value={timeZone}
            onChange={(event) => setTimeZone(event.target.value)}
          />
          <datalist id="time-zones">
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </div>
      </fieldset>

      <ErrorNote message={state.error} />
      <p role="status">{state.saved && <span className="ok-note">{t(TEXT.saved)}</span>}</p>
      {canChange && (
        <button type="submit" className="button button--primary" disabled={state.busy || archived}>
          {state.busy ? t(TEXT.saving) : t(TEXT.save)}
        </button>
      )}
    </form>
  );
};

const HoldoutField = ({ holdout, onChange }: { holdout: HoldoutEdit; onChange(percent: string): void }) => {
  const t = useT();
  return (
    <>
      <label htmlFor={`holdout-${holdout.nodeId}`}>
        {t('screens.journey-settings.holdout-percent', { step: holdout.title })}
      </label>
      <input
        id={`holdout-${holdout.nodeId}`}
        type="number"
        min={1}
        max={50}
        required
        value={holdout.percent}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
};
