// The app API's shapes for reconciliation and the month-end GST report (wired into
// api.ts). Amounts are integer cents; dates in rows are business-local YYYY-MM-DD.
import { z } from 'zod';

const isoInstant = z.string().datetime({ offset: true });
const cents = z.number().int();

export const FINDING_KINDS = [
  'missing_in_stripe',
  'missing_in_servicem8',
  'field_mismatch',
  'total_mismatch',
  'gst_mismatch',
  'payment_status_mismatch',
  'duplicate',
  'broken_link',
] as const;

export const findingSchema = z.object({
  kind: z.enum(FINDING_KINDS),
  entity: z.enum(['client', 'invoice', 'payment']),
  servicem8Id: z.string().nullable(),
  stripeId: z.string().nullable(),
  title: z.string(),
  detail: z.string(),
  firstSeenAt: isoInstant,
  isNew: z.boolean(),
  /** False when the sync settles it by itself (a write on its way): it never notifies. */
  needsPerson: z.boolean(),
});

export const reconciliationSummarySchema = z.object({
  trigger: z.enum(['manual', 'cli', 'schedule', 'sync']),
  startedAt: isoInstant,
  finishedAt: isoInstant,
  findings: z.number().int(),
  newFindings: z.number().int(),
  newNeedingPerson: z.number().int(),
  byKind: z.partialRecord(z.enum(FINDING_KINDS), z.number().int()),
  linked: z.number().int(),
  questions: z.number().int(),
});

export const reconciliationReportSchema = z.object({
  reportId: z.number().int(),
  startedAt: isoInstant,
  finishedAt: isoInstant,
  summary: reconciliationSummarySchema,
  findings: z.array(findingSchema),
});

export const reconciliationOverviewSchema = z.object({
  latest: reconciliationReportSchema.nullable(),
  history: z.array(z.object({ reportId: z.number().int(), summary: reconciliationSummarySchema })),
});

export const GST_STATUSES = [
  'matched',
  'rounding',
  'missing_in_stripe',
  'missing_in_servicem8',
  'total_differs',
  'gst_differs',
  'servicem8_pay',
] as const;
const rounding = z.enum(['per_line', 'per_invoice', 'either', 'neither']).nullable();
const text = z.string().nullable();

export const gstRowSchema = z.object({
  period: z.string(),
  basis: z.enum(['accrual', 'cash']),
  status: z.enum(GST_STATUSES),
  reason: z.string(),
  servicem8JobNumber: text,
  servicem8JobUuid: text,
  servicem8InvoiceDate: text,
  stripeInvoiceId: text,
  stripeInvoiceNumber: text,
  stripeInvoiceDate: text,
  paymentDate: text,
  clientName: text,
  clientAbn: text,
  servicem8TotalInc: cents.nullable(),
  servicem8TotalEx: cents.nullable(),
  servicem8Gst: cents.nullable(),
  stripeTotalInc: cents.nullable(),
  stripeTotalEx: cents.nullable(),
  stripeGst: cents.nullable(),
  differenceTotal: cents.nullable(),
  differenceGst: cents.nullable(),
  servicem8Rounding: rounding,
  stripeRounding: rounding,
  stripeFee: cents.nullable(),
  stripeFeeGst: cents.nullable(),
  payoutId: text,
  needsBuyerAbn: z.boolean(),
  lastSyncedAt: text,
});

const sideTotals = z.object({ salesCents: cents, gstCents: cents });

export const gstReportSchema = z.object({
  month: z.string(),
  basis: z.enum(['accrual', 'cash']),
  /** BAS G1 (sales, GST included) and 1A (GST on sales) per side; difference is Stripe minus ServiceM8. */
  totals: z.object({ servicem8: sideTotals, stripe: sideTotals, difference: sideTotals }),
  rows: z.array(gstRowSchema),
});

export const gstReportParams = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM'),
  /** Defaults to the gst.basis setting. */
  basis: z.enum(['accrual', 'cash']).optional(),
  /** Matched rows too. */
  all: z.boolean().default(false),
});

/** Pushed after every run: the UI refreshes; a notification only for new findings a person must look at. */
export const reconciliationEventSchema = z.object({
  reportId: z.number().int(),
  trigger: reconciliationSummarySchema.shape.trigger,
  findings: z.number().int(),
  newFindings: z.number().int(),
  newNeedingPerson: z.number().int(),
});

export const REPORT_API = {
  runReconciliation: { params: z.object({}), result: reconciliationReportSchema },
  getReconciliation: {
    params: z.object({ reportId: z.number().int().positive().optional(), historyLimit: z.number().int().min(0).max(365).default(30) }),
    result: reconciliationOverviewSchema,
  },
  gstReport: { params: gstReportParams, result: gstReportSchema },
  exportGstCsv: { params: gstReportParams, result: z.object({ filename: z.string(), csv: z.string() }) },
} as const;

export type FindingView = z.infer<typeof findingSchema>;
export type ReconciliationReportView = z.infer<typeof reconciliationReportSchema>;
export type GstReportView = z.infer<typeof gstReportSchema>;
