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

/** Days for a summary's parameters, without words: `every`, `weekdays`, `weekends`, or the ISO numbers (`1,3`). */
export const weekdaysParam = (days: readonly number[]): string => {
  const key = [...new Set(days)].sort((a, b) => a - b).join(',');
  if (key === ALL_WEEKDAYS.join(',')) return 'every';
  if (key === '1,2,3,4,5') return 'weekdays';
  if (key === '6,7') return 'weekends';
  return key;
};
