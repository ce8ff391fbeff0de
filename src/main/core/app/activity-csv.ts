// The audit log as a CSV a bookkeeper opens in Excel: UTF-8 with a BOM (so Excel reads
// it as UTF-8), RFC 4180 quoting with CRLF, times in the business time zone, and any
// cell that a spreadsheet would run as a formula defused with a leading apostrophe.
import { stringify } from 'csv-stringify/sync';
import { DateTime } from 'luxon';
import type { ActivityEntry } from '../../../shared/api';
import { DIRECTION_LABEL } from '../../../shared/labels';

const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export const ACTIVITY_CSV_COLUMNS = [
  'Time',
  'Direction',
  'Entity',
  'Operation',
  'ServiceM8 ID',
  'Stripe ID',
  'Outcome',
  'Message',
  'Before',
  'After',
];

/** Neutralises formula injection (CWE-1236): "=cmd|…" must stay text in Excel. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function formatBusinessTime(iso: string, zone: string): string {
  const time = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  return time.isValid ? time.toFormat('yyyy-MM-dd HH:mm:ss ZZ') : iso;
}

function json(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value);
}

export function activityCsv(entries: ActivityEntry[], zone: string): string {
  const rows = entries.map((entry) =>
    [
      formatBusinessTime(entry.at, zone),
      DIRECTION_LABEL[entry.direction],
      entry.entity,
      entry.operation,
      entry.servicem8Id ?? '',
      entry.stripeId ?? '',
      entry.outcome,
      entry.message ?? '',
      json(entry.before),
      json(entry.after),
    ].map(neutraliseCell),
  );
  return BOM + stringify([ACTIVITY_CSV_COLUMNS, ...rows], { record_delimiter: 'windows' });
}

export function activityCsvFilename(now: Date, zone: string): string {
  return `sm8sync-activity-${DateTime.fromJSDate(now).setZone(zone).toFormat('yyyy-MM-dd')}.csv`;
}
