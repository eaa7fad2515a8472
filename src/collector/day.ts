/**
 * Days of the collector: calendar days in China Standard Time (UTC+8, no daylight saving), the
 * time zone of the site's readers and writers, counted from 1970-01-01. A day number is what the
 * tables store and the report groups by.
 */
const OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;

export const dayOf = (ms: number): number => Math.floor((ms + OFFSET_MS) / DAY_MS);

/** `2026-11-28` for a day number. */
export const dayLabel = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** When a day starts, in milliseconds since the epoch. */
export const dayStart = (day: number): number => day * DAY_MS - OFFSET_MS;

/** The day `months` calendar months before `day` (13 months before 2026-11-28 is 2025-10-28). */
export function monthsBefore(day: number, months: number): number {
  const date = new Date(day * DAY_MS);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return Math.round(target.getTime() / DAY_MS);
}
