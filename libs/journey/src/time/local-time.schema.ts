import { z } from 'zod';
import { ALL_WEEKDAYS, CLOCK_TIME_PATTERN } from './local-time';

/** A 24-hour wall time, `HH:mm`. */
export const clockTimeSchema = z.string().trim().regex(CLOCK_TIME_PATTERN, 'field.time.format-24h');

/** ISO weekdays a rule applies on: 1 is Monday, 7 is Sunday; at least one, each once. */
export const weekdaysSchema = z
  .array(z.number().int('field.weekday.number').min(1, 'field.weekday.number').max(7, 'field.weekday.number'))
  .min(1, 'field.days.required')
  .max(7)
  .refine((days) => new Set(days).size === days.length, 'field.days.unique');

const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** `every day`, `on weekdays`, `on weekends`, `on Mon, Wed`. */
export const describeWeekdays = (days: readonly number[]): string => {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const key = sorted.join(',');
  if (key === ALL_WEEKDAYS.join(',')) return 'every day';
  if (key === '1,2,3,4,5') return 'on weekdays';
  if (key === '6,7') return 'on weekends';
  return `on ${sorted.map((day) => DAY_NAMES[day - 1] ?? `day ${day}`).join(', ')}`;
};

/** Days for a summary's parameters, without words: `every`, `weekdays`, `weekends`, or the ISO numbers (`1,3`). */
export const weekdaysParam = (days: readonly number[]): string => {
  const key = [...new Set(days)].sort((a, b) => a - b).join(',');
  if (key === ALL_WEEKDAYS.join(',')) return 'every';
  if (key === '1,2,3,4,5') return 'weekdays';
  if (key === '6,7') return 'weekends';
  return key;
};

/** `1 day`, `3 weeks`. */
export const describeAmount = (amount: number, unit: string): string =>
  `${amount} ${Math.abs(amount) === 1 ? unit.replace(/s$/, '') : unit}`;
