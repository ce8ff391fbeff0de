// ServiceM8 stamps are naive "YYYY-MM-DD HH:MM:SS" strings in the account's own
// time zone (vendor.timezone_name), with "0000-00-00 00:00:00" for "never".
import { DateTime } from 'luxon';

export const NAIVE_FORMAT = 'yyyy-MM-dd HH:mm:ss';
export const UNSET_DATETIME = '0000-00-00 00:00:00';
const NAIVE = /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}:\d{2})?$/;

/** The account-local naive stamp for an instant. */
export function naiveLocal(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat(NAIVE_FORMAT);
}

/** True for the stamp shapes ServiceM8 accepts on write (date-only is accepted for job dates). */
export function isNaiveStamp(value: string): boolean {
  return value === '' || value === UNSET_DATETIME || (NAIVE.test(value) && DateTime.fromSQL(value).isValid);
}

/** Normalises an accepted stamp: date-only gains midnight, "" means unset. */
export function normaliseStamp(value: string): string {
  if (value === '') return UNSET_DATETIME;
  return value.length === 10 ? `${value} 00:00:00` : value;
}
