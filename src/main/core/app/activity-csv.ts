// The audit log as a CSV a bookkeeper opens in Excel: UTF-8 with a BOM (so Excel reads
// it as UTF-8), RFC 4180 quoting with CRLF, times in the business time zone, who the
// row is about by name, outcomes in words, before/after as "Field: value" text (not
// JSON), and any cell that a spreadsheet would run as a formula defused with a
// leading apostrophe.
import { DateTime } from 'luxon';
import { defuseCell, excelCsv } from '../util/excel-csv';
import type { ActivityEntry } from '../../../shared/api';
import { DIRECTION_LABEL, OUTCOME_LABEL } from '../../../shared/labels';

export const ACTIVITY_CSV_COLUMNS = [
  'Time',
  'Name',
  'What happened',
  'Outcome',
  'Direction',
  'Record type',
  'Before',
  'After',
  'ServiceM8 ID',
  'Stripe ID',
];

/** Neutralises formula injection (CWE-1236): "=cmd|…" must stay text in Excel. */
export const neutraliseCell = defuseCell;

export function formatBusinessTime(iso: string, zone: string): string {
  const time = DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone);
  return time.isValid ? time.toFormat('yyyy-MM-dd HH:mm:ss ZZ') : iso;
}

/** `address_street` → "Address street"; engine keys read as words. */
function fieldWords(key: string): string {
  const words = key.replace(/^metadata\./, '').replaceAll(/[_.]/g, ' ');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** A before/after value as text: "Phone: 0412 345 678; Email: a@b.au". */
export function readableValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(readableValue).filter(Boolean).join(', ');
  if (typeof value === 'object')
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => [key, readableValue(inner)] as const)
      .filter(([, text]) => text !== '')
      .map(([key, text]) => `${fieldWords(key)}: ${text}`)
      .join('; ');
  return typeof value === 'bigint' ? value.toString() : '';
}

export function activityCsv(entries: ActivityEntry[], zone: string): string {
  const rows = entries.map((entry) =>
    [
      formatBusinessTime(entry.at, zone),
      entry.name ?? '',
      entry.message ?? entry.operation.replaceAll('_', ' '),
      OUTCOME_LABEL[entry.outcome],
      DIRECTION_LABEL[entry.direction],
      entry.entity,
      readableValue(entry.before),
      readableValue(entry.after),
      entry.servicem8Id ?? '',
      entry.stripeId ?? '',
    ].map(neutraliseCell),
  );
  return excelCsv(ACTIVITY_CSV_COLUMNS, rows);
}

export function activityCsvFilename(now: Date, zone: string): string {
  return `sm8sync-activity-${DateTime.fromJSDate(now).setZone(zone).toFormat('yyyy-MM-dd')}.csv`;
}
