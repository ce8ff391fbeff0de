// The payloads of the payments pair's outbox rows (zod, versioned by operations.ts).
// Each carries what the write needs and what its audit row says: both ids, the
// amount and the job number.
import { z } from 'zod';

const cents = z.number().int();
const conflictIds = z.array(z.number().int()).default([]);

export const createJobPaymentPayload = z.object({
  stripeId: z.string().min(1),
  paymentUuid: z.string().min(1),
  jobUuid: z.string().min(1),
  jobNumber: z.string().nullable(),
  invoiceId: z.string().nullable(),
  amountCents: cents.positive(),
  paidAt: z.string(),
  method: z.string(),
  note: z.string(),
  conflictIds,
});
export type CreateJobPaymentPayload = z.infer<typeof createJobPaymentPayload>;

export const recordRefundPayload = z.object({
  refundId: z.string().min(1),
  kind: z.enum(['refund', 'dispute']),
  chargeId: z.string().min(1),
  /** The ServiceM8 payment the refunded charge is linked to. */
  refundOfUuid: z.string().min(1),
  paymentUuid: z.string().min(1),
  jobUuid: z.string().min(1),
  jobNumber: z.string().nullable(),
  /** Positive: what went back; written as a negative job payment. */
  amountCents: cents.positive(),
  paidAt: z.string(),
  note: z.string(),
  conflictIds,
});
export type RecordRefundPayload = z.infer<typeof recordRefundPayload>;

export const payOutOfBandPayload = z.object({
  invoiceId: z.string().min(1),
  invoiceNumber: z.string().nullable(),
  jobUuid: z.string().min(1),
  jobNumber: z.string().nullable(),
  /** The ServiceM8 payment the link is made for (the one that completed the amount). */
  paymentUuid: z.string().min(1),
  /** Every ServiceM8 payment this settles (a deposit and its balance), the linked one included. */
  paymentUuids: z.array(z.string().min(1)).min(1),
  /** What the invoice had left to pay when planned: paying is refused if that changed. */
  amountCents: cents.positive(),
  paidAt: z.string(),
  method: z.string(),
  conflictIds,
});
export type PayOutOfBandPayload = z.infer<typeof payOutOfBandPayload>;

/** A Stripe invoice whose job ServiceM8 Pay already paid in full: marked paid out of band, the charge being the money. */
export const settleServiceM8PayPayload = z.object({
  invoiceId: z.string().min(1),
  invoiceNumber: z.string().nullable(),
  jobUuid: z.string().min(1),
  jobNumber: z.string().nullable(),
  /** The ServiceM8 Pay charges (each linked to ServiceM8's own record) that paid the job. */
  chargeIds: z.array(z.string().min(1)).min(1),
  paymentUuids: z.array(z.string().min(1)).min(1),
  /** What the invoice had left to pay when planned: paying is refused if that changed. */
  amountCents: cents.positive(),
  conflictIds,
});
export type SettleServiceM8PayPayload = z.infer<typeof settleServiceM8PayPayload>;

export const restoreJobPaymentPayload = z.object({
  paymentUuid: z.string().min(1),
  stripeId: z.string().min(1),
  jobNumber: z.string().nullable(),
  amountCents: cents,
  paidAt: z.string(),
  why: z.enum(['deleted', 'edited']),
  conflictIds,
});
export type RestoreJobPaymentPayload = z.infer<typeof restoreJobPaymentPayload>;

/** What both sides held when a payment was last synced (the merge base). */
export interface PaymentBase {
  amountCents: number;
  paidAt: string | null;
  active: boolean;
}
