// The payments pair's canonical records, as both sides' payments are mirrored: integer
// cents, UTC ISO instants. A ServiceM8 job payment is signed (a refund is negative);
// Stripe money movements are a charge (money in) and a refund or dispute (money back).
export const PAYMENT_ENTITY = 'payment';
export const INVOICE_ENTITY = 'invoice';

export interface Sm8Payment {
  uuid: string;
  jobUuid: string;
  /** Signed: a refund recorded in ServiceM8 is negative. */
  amountCents: number;
  method: string;
  paidAt: string | null;
  note: string;
  active: boolean;
  isDeposit: boolean;
  editedAt: string | null;
}

export interface StripeFee {
  balanceTransactionId: string;
  feeCents: number;
  /** The 10% GST inside Stripe's Australian fee. */
  feeGstCents: number;
  netCents: number;
  availableOn: string;
}

/** A charge (card payment) with what it settled: a Stripe invoice, or a ServiceM8 job (ServiceM8 Pay). */
export interface StripeCharge {
  id: string;
  amountCents: number;
  amountRefundedCents: number;
  paymentIntentId: string | null;
  /** The Stripe invoice it paid, through its invoice payment; null when none. */
  invoiceId: string | null;
  /** Set when ServiceM8 took this payment itself (ServiceM8 Pay / the older Stripe add-on). */
  servicem8Job: { uuid: string | null; number: string | null } | null;
  description: string | null;
  paidAt: string;
  fee: StripeFee | null;
  payoutId: string | null;
}

/** Money back to the customer: a refund, or a dispute (chargeback). */
export interface StripeRefund {
  id: string;
  kind: 'refund' | 'dispute';
  chargeId: string;
  amountCents: number;
  /** succeeded = the money went back (a lost dispute); canceled = it did not (a won dispute, a canceled refund). */
  status: 'succeeded' | 'pending' | 'failed' | 'canceled';
  /** Stripe's own words: the refund reason or the dispute status and reason. */
  detail: string;
  createdAt: string;
}

/** What the payments list says about a payment that is not simply synced. */
export interface PaymentNote {
  state: 'waiting' | 'unmatched' | 'needs_approval';
  reason: string;
  jobNumber: string | null;
}

export const MIRROR = {
  servicem8: 'jobpayment',
  charge: 'charge',
  refund: 'refund',
  /** Per payment id, the planner's last word on it (state and reason) for the payments list. */
  note: 'payment_note',
} as const;
