import { PERIOD_UNITS, type EntryRule, type PeriodUnit } from '@rapport/journey';
import { useT } from '../../i18n';
import type { MessageKey } from '@rapport/messages';

const TEXT = {
  entry: 'screens.entry.entry',
  mode: 'screens.entry.mode',
  modes: {
    'any-time': 'screens.entry.modes.any-time',
    once: 'screens.entry.modes.once',
    'once-per-period': 'screens.entry.modes.once-per-period',
    'after-exit': 'screens.entry.modes.after-exit',
  },
  maxConcurrent: 'screens.entry.max-concurrent',
  periodAmount: 'screens.entry.period-amount',
  periodUnit: 'screens.entry.period-unit',
  // The same unit words the steps' settings use (a wait of 3 days), so a unit reads alike everywhere.
  units: {
    days: 'form.option.days',
    weeks: 'form.option.weeks',
    months: 'form.option.months',
    years: 'form.option.years',
  } satisfies Record<PeriodUnit, MessageKey>,
  entryLimit: 'screens.entry.entry-limit',
} as const satisfies Record<string, MessageKey | Record<string, MessageKey>>;

type Props = {
  disabled: boolean;
  entry: EntryRule;
  maxConcurrent: string;
  entryLimit: string;
  onEntry(entry: EntryRule): void;
  onMaxConcurrent(text: string): void;
  onEntryLimit(text: string): void;
};

/** The entry rule (once, once per period, after the previous passage, any time with a maximum) and a total limit. */
export const EntryRuleFields = ({
  disabled,
  entry,
  maxConcurrent,
  entryLimit,
  onEntry,
  onMaxConcurrent,
  onEntryLimit,
}: Props) => {
  const t = useT();
  return (
    <fieldset disabled={disabled}>
      <legend>{t(TEXT.entry)}</legend>
      <div className="form-grid">
        <label htmlFor="entry-mode">{t(TEXT.mode)}</label>
        <select
          id="entry-mode"
          value={entry.mode}
          onChange={(event) => {
            const mode = event.target.value as EntryRule['mode'];
            onEntry(
              mode === 'once-per-period'
                ? { mode, period: { amount: 1, unit: 'years' } }
                : mode === 'any-time'
                  ? { mode, maxConcurrent: null }
                  : { mode },
            );
          }}
        >
          {(Object.keys(TEXT.modes) as EntryRule['mode'][]).map((mode) => (
            <option key={mode} value={mode}>
              {t(TEXT.modes[mode])}
            </option>
          ))}
        </select>
        {entry.mode === 'any-time' && (
          <>
            <label htmlFor="max-concurrent">{t(TEXT.maxConcurrent)}</label>
            <input
              id="max-concurrent"
              type="number"
              min={1}
              max={1000}
              value={maxConcurrent}
              onChange={(event) => onMaxConcurrent(event.target.value)}
            />
          </>
        )}
        {entry.mode === 'once-per-period' && (
          <>
            <label htmlFor="period-amount">{t(TEXT.periodAmount)}</label>
            <input
              id="period-amount"
              type="number"
              min={1}
              max={1000}
              required
              value={entry.period.amount}
              onChange={(event) =>
                onEntry({ ...entry, period: { ...entry.period, amount: Number(event.target.value) } })
              }
            />
            <label htmlFor="period-unit">{t(TEXT.periodUnit)}</label>
            <select
              id="period-unit"
              value={entry.period.unit}
              onChange={(event) =>
                onEntry({
                  ...entry,
                  period: { ...entry.period, unit: event.target.value as PeriodUnit },
                })
              }
            >
              {PERIOD_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {t(TEXT.units[unit])}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="entry-limit">{t(TEXT.entryLimit)}</label>
        <input
          id="entry-limit"
          type="number"
          min={1}
          value={entryLimit}
          onChange={(event) => onEntryLimit(event.target.value)}
        />
      </div>
    </fieldset>
  );
};
