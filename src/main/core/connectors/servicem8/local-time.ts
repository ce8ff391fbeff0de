// ServiceM8 stamps are naive "YYYY-MM-DD HH:MM:SS" in the account's time zone
// (vendor.timezone_name). Our records carry UTC ISO instants; cursors stay naive
// because that is what the server compares against in `edit_date gt '…'`.
import { DateTime } from 'luxon';
import { cachedLocalToUtcMs } from './local-hour-offsets';

const NAIVE_FORMAT = 'yyyy-MM-dd HH:mm:ss';
const UNSET = new Set(['', '0000-00-00 00:00:00', '0000-00-00']);
const NAIVE = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}:\d{2})?$/;

export class LocalTimeError extends Error {
  override readonly name = 'LocalTimeError';
}

/** Naive account-local stamp → UTC ISO instant; unset stamps → null. */
export function localToUtcIso(value: string, zone: string): string | null {
  const text = value.trim();
  if (UNSET.has(text)) return null;
  if (!NAIVE.test(text)) throw new LocalTimeError(`not a ServiceM8 date-time: ${JSON.stringify(value)}`);
  const cached = cachedLocalToUtcMs(text, zone);
  if (cached !== undefined) return new Date(cached).toISOString().replace('.000Z', 'Z');
  // In a DST fall-back hour luxon picks the earlier offset; the stamp is ambiguous on the wire too (C8).
  const local = DateTime.fromSQL(text, { zone });
  if (!local.isValid)
    throw new LocalTimeError(`invalid date-time ${JSON.stringify(value)} in ${zone}: ${local.invalidReason ?? 'unknown'}`);
  return local.toUTC().toISO({ suppressMilliseconds: true });
}

/** An instant as the account-local naive stamp ServiceM8 expects on write and in filters. */
export function toLocalNaive(instant: Date | string, zone: string): string {
  const dateTime = typeof instant === 'string' ? DateTime.fromISO(instant, { zone: 'utc' }) : DateTime.fromJSDate(instant);
  if (!dateTime.isValid) throw new LocalTimeError(`not an instant: ${String(instant)}`);
  return dateTime.setZone(zone).toFormat(NAIVE_FORMAT);
}

/** Naive-stamp arithmetic (wall-clock seconds), for stepping cursors back. */
export function shiftNaive(naive: string, seconds: number): string {
  const dateTime = DateTime.fromSQL(naive, { zone: 'utc' });
  if (!dateTime.isValid) throw new LocalTimeError(`not a ServiceM8 date-time: ${JSON.stringify(naive)}`);
  return dateTime.plus({ seconds }).toFormat(NAIVE_FORMAT);
}

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
