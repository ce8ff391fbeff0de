// The demo month: November 2026 in Sydney (AEDT, UTC+11), the month before "today"
// in the demo story, so the GST report and reconciliation have a whole month to show.
import { DateTime } from 'luxon';
import { SYDNEY } from './account-seed';

export const DEMO_YEAR = 2026;
export const DEMO_MONTH = 11;

/** An instant (ms) from a Sydney wall time in the demo month. */
export function sydney(day: number, hour: number, minute = 0): number {
  return DateTime.fromObject({ year: DEMO_YEAR, month: DEMO_MONTH, day, hour, minute }, { zone: SYDNEY }).toMillis();
}

/** Nothing in the seed happens after the month's last working afternoon. */
export const MONTH_END = sydney(30, 17, 30);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The same instant when it falls in working hours (Mon–Sat 07:00–18:00 Sydney), else the next working morning at 08:00. */
export function inWorkingHours(ms: number): number {
  let local = DateTime.fromMillis(ms, { zone: SYDNEY });
  if (local.hour < 7) local = local.set({ hour: 8, minute: 0 });
  if (local.hour >= 18) local = local.plus({ days: 1 }).set({ hour: 8, minute: 0 });
  if (local.weekday === 7) local = local.plus({ days: 1 }).set({ hour: 8, minute: 0 });
  return local.toMillis();
}
