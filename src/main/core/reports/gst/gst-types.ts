// The month-end GST report as data: one row per invoice (or linked pair) of the month,
// amounts in cents. The CSV (gst-csv.ts) is a rendering of these rows.
// The statuses are the app contract's list (the window and the CSV read the same words).
import { GST_STATUSES } from '../../../../shared/report-schemas';

export { GST_STATUSES };

export type GstBasis = 'accrual' | 'cash';
export type GstStatus = (typeof GST_STATUSES)[number];

/** How a side's GST was rounded: per line, once per invoice, both give it, or neither. */
export type GstRoundingColumn = 'per_line' | 'per_invoice' | 'either' | 'neither' | null;

export interface GstRow {
  period: string;
  basis: GstBasis;
  status: GstStatus;
  reason: string;
  servicem8JobNumber: string | null;
  servicem8JobUuid: string | null;
  servicem8InvoiceDate: string | null;
  stripeInvoiceId: string | null;
  stripeInvoiceNumber: string | null;
  stripeInvoiceDate: string | null;
  paymentDate: string | null;
  clientName: string | null;
  clientAbn: string | null;
  servicem8TotalInc: number | null;
  servicem8TotalEx: number | null;
  servicem8Gst: number | null;
  stripeTotalInc: number | null;
  stripeTotalEx: number | null;
  stripeGst: number | null;
  /** Stripe minus ServiceM8; null unless both sides have the invoice. */
  differenceTotal: number | null;
  differenceGst: number | null;
  servicem8Rounding: GstRoundingColumn;
  stripeRounding: GstRoundingColumn;
  stripeFee: number | null;
  stripeFeeGst: number | null;
  payoutId: string | null;
  needsBuyerAbn: boolean;
  lastSyncedAt: string | null;
}

export interface SideTotals {
  /** BAS G1: total sales, GST included (GST-free sales too). */
  salesCents: number;
  /** BAS 1A: GST on sales. */
  gstCents: number;
}

export interface GstTotals {
  servicem8: SideTotals;
  stripe: SideTotals;
  /** Stripe minus ServiceM8. */
  difference: SideTotals;
}

export interface GstReport {
  month: string;
  basis: GstBasis;
  totals: GstTotals;
  /** Every row when `all`, else only rows whose status is not `matched`. */
  rows: GstRow[];
}

/** The CSV header, in order: the bookkeeper's columns (reference/market-and-gst.md §3). */
export const GST_CSV_COLUMNS = [
  'period',
  'basis',
  'status',
  'reason',
  'servicem8_job_number',
  'servicem8_job_uuid',
  'servicem8_invoice_date',
  'stripe_invoice_id',
  'stripe_invoice_number',
  'stripe_invoice_date',
  'payment_date',
  'client_name',
  'client_abn',
  'servicem8_total_inc',
  'servicem8_total_ex',
  'servicem8_gst',
  'stripe_total_inc',
  'stripe_total_ex',
  'stripe_gst',
  'difference_total',
  'difference_gst',
  'servicem8_rounding',
  'stripe_rounding',
  'stripe_fee',
  'stripe_fee_gst',
  'payout_id',
  'needs_buyer_abn',
  'last_synced_at',
] as const;
