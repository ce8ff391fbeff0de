// The month-end GST report: every invoice of a business month from either side, linked
// pairs side by side, each with a status and a reason; per-side BAS totals (G1 sales,
// 1A GST) beside it. Accrual files invoices by invoice date, cash by payment date (only
// the part paid in the month). Read from the typed tables, written as a CSV for Excel.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { localDateFormatter, localTimeFormatter, monthRange } from '../../money/business-day';
import type { Store } from '../../store/store';
import { buildRow, type BuiltRow } from './build-row';
import { gatherPairs } from './gather-pairs';
import { gstCsv } from './gst-csv';
import type { GstBasis, GstReport, GstRow, SideTotals } from './gst-types';

export interface GstReportOptions {
  month: string;
  basis: GstBasis;
  /** IANA zone of the business (settings.businessTimeZone). */
  zone: string;
  /** Include matched rows too. */
  all?: boolean;
}

export interface GstReportFile extends GstReport {
  file: string;
}

export function buildGstReport(store: Pick<Store, 'invoices' | 'payments'>, options: GstReportOptions): GstReport {
  const range = monthRange(options.month, options.zone);
  const scope = {
    ...range,
    basis: options.basis,
    month: options.month,
    zone: options.zone,
    localDate: localDateFormatter(options.zone),
    localTime: localTimeFormatter(options.zone),
  };
  const built = gatherPairs(store, range, options.basis)
    .map((pair) => buildRow(pair, scope))
    .filter((row): row is BuiltRow => row !== null);
  // Each row's sort key built once, not twice per comparison.
  const keyed = built.map((b) => ({ key: sortKey(b.row), built: b }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  built.splice(0, built.length, ...keyed.map((k) => k.built));
  const servicem8 = sum(built.map((b) => b.servicem8));
  const stripe = sum(built.map((b) => b.stripe));
  return {
    month: options.month,
    basis: options.basis,
    totals: {
      servicem8,
      stripe,
      difference: { salesCents: stripe.salesCents - servicem8.salesCents, gstCents: stripe.gstCents - servicem8.gstCents },
    },
    rows: built.map((b) => b.row).filter((row) => options.all || row.status !== 'matched'),
  };
}

/** Builds the report and writes its CSV atomically (temporary file, then rename). */
export function writeGstReport(store: Pick<Store, 'invoices' | 'payments'>, options: GstReportOptions & { file: string }): GstReportFile {
  const report = buildGstReport(store, options);
  mkdirSync(path.dirname(options.file), { recursive: true });
  const temporary = `${options.file}.${process.pid}.tmp`;
  writeFileSync(temporary, gstCsv(report.rows), 'utf8');
  renameSync(temporary, options.file);
  return { file: options.file, ...report };
}

/** The default name: gst-YYYY-MM-<basis>.csv (DESIGN.md's CLI contract). */
export function gstReportFileName(month: string, basis: GstBasis): string {
  return `gst-${month}-${basis}.csv`;
}

function sum(figures: readonly ({ inScope: boolean; incCents: number; gstCents: number } | null)[]): SideTotals {
  let salesCents = 0;
  let gstCents = 0;
  for (const side of figures) {
    if (!side?.inScope) continue;
    salesCents += side.incCents;
    gstCents += side.gstCents;
  }
  return { salesCents, gstCents };
}

function sortKey(row: GstRow): string {
  return `${row.servicem8InvoiceDate ?? row.stripeInvoiceDate ?? ''}|${row.servicem8JobNumber ?? ''}|${row.stripeInvoiceNumber ?? row.stripeInvoiceId ?? ''}`;
}
