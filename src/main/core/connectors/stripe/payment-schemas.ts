// Money movement records: invoice payments, payment intents, charges, refunds,
// disputes, balance transactions (gross, fee split into Stripe's fee and its GST,
// net) and payouts. Integer cents and ISO instants throughout.
import { z } from 'zod';
import { cents, idOf, metadata, nullableUnix, toIso, toIsoOrNull, unix } from './schema-parts';

export const invoicePaymentRecord = z
  .object({
    id: z.string(),
    invoice: z.string(),
    status: z.string(),
    amount_requested: cents,
    amount_paid: cents.nullable(),
    is_default: z.boolean(),
    payment: z.object({ type: z.string(), payment_intent: z.string().optional(), charge: z.string().optional() }),
    status_transitions: z.object({ paid_at: nullableUnix, canceled_at: nullableUnix }),
    created: unix,
  })
  .transform((p) => ({
    id: p.id,
    invoiceId: p.invoice,
    status: p.status,
    amountRequestedCents: p.amount_requested,
    amountPaidCents: p.amount_paid ?? 0,
    isDefault: p.is_default,
    paymentType: p.payment.type,
    paymentIntentId: p.payment.payment_intent ?? null,
    chargeId: p.payment.charge ?? null,
    paidAt: toIsoOrNull(p.status_transitions.paid_at),
    canceledAt: toIsoOrNull(p.status_transitions.canceled_at),
    createdAt: toIso(p.created),
  }));
export type StripeInvoicePaymentRecord = z.output<typeof invoicePaymentRecord>;

/** ServiceM8's own card payments name the job in metadata; both plausible key sets are read (see the simulator's ASSUMPTIONS.md). */
function servicem8Job(meta: Record<string, string>): { uuid: string | null; number: string | null } | null {
  const uuid = meta.servicem8_job_uuid ?? meta.job_uuid ?? null;
  const number = meta.servicem8_job_number ?? meta.job_number ?? null;
  return uuid === null && number === null ? null : { uuid, number };
}

export const paymentIntentRecord = z
  .object({
    id: z.string().startsWith('pi_'),
    amount: cents,
    amount_received: cents,
    currency: z.string(),
    customer: idOf.nullable(),
    status: z.string(),
    latest_charge: idOf.nullable(),
    description: z.string().nullable(),
    metadata,
    created: unix,
    canceled_at: nullableUnix,
    cancellation_reason: z.string().nullable(),
  })
  .transform((p) => ({
    id: p.id,
    amountCents: p.amount,
    amountReceivedCents: p.amount_received,
    currency: p.currency,
    customerId: p.customer,
    status: p.status,
    latestChargeId: p.latest_charge,
    description: p.description,
    metadata: p.metadata,
    servicem8Job: servicem8Job(p.metadata),
    createdAt: toIso(p.created),
    canceledAt: toIsoOrNull(p.canceled_at),
    cancellationReason: p.cancellation_reason,
  }));
export type StripePaymentIntentRecord = z.output<typeof paymentIntentRecord>;

export const chargeRecord = z
  .object({
    id: z.string().startsWith('ch_'),
    amount: cents,
    amount_captured: cents.optional(),
    amount_refunded: cents,
    refunded: z.boolean(),
    disputed: z.boolean().optional(),
    status: z.string(),
    paid: z.boolean(),
    currency: z.string(),
    customer: idOf.nullable(),
    payment_intent: idOf.nullable(),
    balance_transaction: idOf.nullable().optional(),
    created: unix,
    description: z.string().nullable(),
    metadata: metadata.optional(),
    receipt_email: z.string().nullable().optional(),
  })
  .transform((c) => ({
    id: c.id,
    amountCents: c.amount,
    amountCapturedCents: c.amount_captured ?? c.amount,
    amountRefundedCents: c.amount_refunded,
    refunded: c.refunded,
    disputed: c.disputed ?? false,
    status: c.status,
    paid: c.paid,
    currency: c.currency,
    customerId: c.customer,
    paymentIntentId: c.payment_intent,
    balanceTransactionId: c.balance_transaction ?? null,
    description: c.description,
    metadata: c.metadata ?? {},
    /** Set when ServiceM8 (ServiceM8 Pay / the Stripe add-on) took this payment itself. */
    servicem8Job: servicem8Job(c.metadata ?? {}),
    receiptEmail: c.receipt_email ?? null,
    createdAt: toIso(c.created),
  }));
export type StripeChargeRecord = z.output<typeof chargeRecord>;

export const refundRecord = z
  .object({
    id: z.string().startsWith('re_'),
    amount: cents,
    charge: idOf.nullable(),
    payment_intent: idOf.nullable(),
    balance_transaction: idOf.nullable().optional(),
    status: z.string().nullable(),
    reason: z.string().nullable(),
    currency: z.string(),
    metadata: metadata.nullable().optional(),
    created: unix,
  })
  .transform((r) => ({
    id: r.id,
    amountCents: r.amount,
    chargeId: r.charge,
    paymentIntentId: r.payment_intent,
    balanceTransactionId: r.balance_transaction ?? null,
    status: r.status,
    reason: r.reason,
    currency: r.currency,
    metadata: r.metadata ?? {},
    createdAt: toIso(r.created),
  }));
export type StripeRefundRecord = z.output<typeof refundRecord>;

const feeDetail = z.object({ amount: cents, type: z.string(), description: z.string().nullable() });

export const balanceTransactionRecord = z
  .object({
    id: z.string().startsWith('txn_'),
    amount: cents,
    fee: cents,
    fee_details: z.array(feeDetail),
    net: cents,
    currency: z.string(),
    type: z.string(),
    reporting_category: z.string(),
    status: z.string(),
    source: idOf.nullable(),
    description: z.string().nullable(),
    available_on: unix,
    created: unix,
  })
  .transform((t) => {
    // Stripe AU fees include GST; the balance transaction shows it as a `tax` fee detail.
    const gst = t.fee_details.filter((f) => f.type === 'tax').reduce((sum, f) => sum + f.amount, 0);
    return {
      id: t.id,
      amountCents: t.amount,
      feeCents: t.fee,
      feeGstCents: gst,
      feeExGstCents: t.fee - gst,
      feeDetails: t.fee_details.map((f) => ({ amountCents: f.amount, type: f.type, description: f.description })),
      netCents: t.net,
      currency: t.currency,
      type: t.type,
      reportingCategory: t.reporting_category,
      status: t.status,
      sourceId: t.source,
      description: t.description,
      availableOn: toIso(t.available_on),
      createdAt: toIso(t.created),
    };
  });
export type StripeBalanceTransactionRecord = z.output<typeof balanceTransactionRecord>;

export const disputeRecord = z
  .object({
    id: z.string().startsWith('du_'),
    amount: cents,
    charge: idOf,
    payment_intent: idOf.nullable(),
    currency: z.string(),
    reason: z.string(),
    status: z.string(),
    balance_transactions: z.array(z.object({ id: z.string() })),
    created: unix,
  })
  .transform((d) => ({
    id: d.id,
    amountCents: d.amount,
    chargeId: d.charge,
    paymentIntentId: d.payment_intent,
    currency: d.currency,
    reason: d.reason,
    status: d.status,
    balanceTransactionIds: d.balance_transactions.map((t) => t.id),
    createdAt: toIso(d.created),
  }));
export type StripeDisputeRecord = z.output<typeof disputeRecord>;

export const payoutRecord = z
  .object({
    id: z.string().startsWith('po_'),
    amount: cents,
    currency: z.string(),
    status: z.string(),
    automatic: z.boolean(),
    arrival_date: unix,
    balance_transaction: idOf.nullable(),
    description: z.string().nullable(),
    created: unix,
  })
  .transform((p) => ({
    id: p.id,
    amountCents: p.amount,
    currency: p.currency,
    status: p.status,
    automatic: p.automatic,
    arrivalAt: toIso(p.arrival_date),
    balanceTransactionId: p.balance_transaction,
    description: p.description,
    createdAt: toIso(p.created),
  }));
export type StripePayoutRecord = z.output<typeof payoutRecord>;
