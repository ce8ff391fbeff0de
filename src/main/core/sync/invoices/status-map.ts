// The one table of how invoice states read across the two sides (DESIGN: "status
// mapping in one table in code, with a test per row"). ServiceM8 has no invoice
// object: a job's invoice state is its status and flags (reference §3); Stripe has
// invoice statuses and, behind a payment, a charge status.
import type { InvoiceStatus } from '../../store/repositories/invoices-repository';

export interface JobInvoiceFacts {
  status: 'Quote' | 'Work Order' | 'Completed' | 'Unsuccessful';
  invoiceSent: boolean;
  paymentReceived: boolean;
  /** Active job payments, in cents. */
  paidCents: number;
}

export interface JobStateRow {
  when: string;
  matches(job: JobInvoiceFacts): boolean;
  /** The ServiceM8 side's invoice status in the typed tables; null: the job is no invoice (yet). */
  servicem8: InvoiceStatus | null;
}

/** First matching row wins. */
export const SERVICEM8_JOB_STATES: readonly JobStateRow[] = [
  { when: 'Quote or Work Order', matches: (j) => j.status === 'Quote' || j.status === 'Work Order', servicem8: null },
  { when: 'Unsuccessful', matches: (j) => j.status === 'Unsuccessful', servicem8: 'void' },
  { when: 'Completed, full payment received', matches: (j) => j.paymentReceived, servicem8: 'paid' },
  { when: 'Completed, part paid', matches: (j) => j.paidCents > 0, servicem8: 'partially_paid' },
  { when: 'Completed, invoice sent, unpaid', matches: (j) => j.invoiceSent, servicem8: 'open' },
  { when: 'Completed, invoice not sent yet', matches: () => true, servicem8: 'draft' },
];

export function servicem8InvoiceStatus(job: JobInvoiceFacts): InvoiceStatus | null {
  return SERVICEM8_JOB_STATES.find((row) => row.matches(job))!.servicem8;
}

export type StripeInvoiceStatus = 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';

export interface StripeStateRow {
  stripe: StripeInvoiceStatus;
  /** Status in the typed tables (part payments read from amount_paid, see stripeTableStatus). */
  table: InvoiceStatus;
  /** What it means for the ServiceM8 job, in words for the invoice list. */
  job: string;
  /** Counts as issued (GST, reconciliation): not a draft, not void. */
  issued: boolean;
}

export const STRIPE_INVOICE_STATES: Record<StripeInvoiceStatus, StripeStateRow> = {
  draft: { stripe: 'draft', table: 'draft', job: 'a draft in Stripe: not issued yet; job changes update it', issued: false },
  open: { stripe: 'open', table: 'open', job: 'issued and unpaid (the job is invoiced, not paid)', issued: true },
  paid: { stripe: 'paid', table: 'paid', job: 'paid (the job should show full payment received)', issued: true },
  void: { stripe: 'void', table: 'void', job: 'voided in Stripe: flagged on the job, which is kept as it is', issued: false },
  uncollectible: {
    stripe: 'uncollectible',
    table: 'uncollectible',
    job: 'marked uncollectible in Stripe: the job stays unpaid in ServiceM8',
    issued: true,
  },
};

/** The typed-table status of a Stripe invoice: an open invoice with some money in is partly paid. */
export function stripeTableStatus(status: StripeInvoiceStatus, amountPaidCents: number): InvoiceStatus {
  if (status === 'open' && amountPaidCents > 0) return 'partially_paid';
  return STRIPE_INVOICE_STATES[status].table;
}

export type ChargeStatus = 'succeeded' | 'pending' | 'failed';

/** The charge behind a payment, as the job's payment state reads it. */
export const CHARGE_STATES: Record<ChargeStatus, { countsAsPaid: boolean; job: string }> = {
  succeeded: { countsAsPaid: true, job: 'money received: a job payment is recorded' },
  pending: { countsAsPaid: false, job: 'payment on its way: nothing recorded on the job yet' },
  failed: { countsAsPaid: false, job: 'payment failed: nothing recorded on the job' },
};
