// The GST report as a CSV that opens cleanly in Excel: UTF-8 with a BOM, RFC 4180
// quoting, CRLF line ends, ISO dates, amounts as plain two-place decimals, and every
// text cell a spreadsheet would run as a formula defused with a leading apostrophe.
// Amounts are never defused, so "-12.00" stays a number.
import { defuseCell, excelCsv } from '../../util/excel-csv';
import { formatCents } from '../../money';
import { GST_CSV_COLUMNS, type GstRow } from './gst-types';

/** Neutralises formula injection (CWE-1236) in a text cell. */
export const defuse = defuseCell;

const text = (value: string | null) => (value === null ? '' : defuse(value));
const amount = (cents: number | null) => (cents === null ? '' : formatCents(cents));

export function gstRowCells(row: GstRow): string[] {
  return [
    text(row.period),
    text(row.basis),
    text(row.status),
    text(row.reason),
    text(row.servicem8JobNumber),
    text(row.servicem8JobUuid),
    text(row.servicem8InvoiceDate),
    text(row.stripeInvoiceId),
    text(row.stripeInvoiceNumber),
    text(row.stripeInvoiceDate),
    text(row.paymentDate),
    text(row.clientName),
    text(row.clientAbn),
    amount(row.servicem8TotalInc),
    amount(row.servicem8TotalEx),
    amount(row.servicem8Gst),
    amount(row.stripeTotalInc),
    amount(row.stripeTotalEx),
    amount(row.stripeGst),
    amount(row.differenceTotal),
    amount(row.differenceGst),
    text(row.servicem8Rounding),
    text(row.stripeRounding),
    amount(row.stripeFee),
    amount(row.stripeFeeGst),
    text(row.payoutId),
    row.needsBuyerAbn ? 'yes' : 'no',
    text(row.lastSyncedAt),
  ];
}

export function gstCsv(rows: readonly GstRow[]): string {
  const cells = rows.map(gstRowCells);
  return excelCsv(GST_CSV_COLUMNS, cells);
}
