// What the payments pair needs from each side. The connectors are adapted to these
// (adapters/); tests may put fakes behind them.
import type { FeedBatch } from '../engine/change-feed';
import type { Sm8Payment, StripeCharge, StripeRefund } from './types';

export interface Rejected {
  id: string;
  object: string;
  reason: string;
}

export interface PulledPayments {
  records: Sm8Payment[];
  rejected: Rejected[];
  cursor: string;
}

export interface NewSm8Payment {
  jobUuid: string;
  amountCents: number;
  method: string;
  paidAt: string;
  note: string;
}

export interface JobPaidState {
  jobNumber: string;
  totalCents: number;
  paidCents: number;
  paymentReceived: boolean;
}

export interface ServiceM8PaymentsPort {
  pullPayments(cursor: string | null, signal?: AbortSignal): Promise<PulledPayments>;
  getPayment(uuid: string, signal?: AbortSignal): Promise<Sm8Payment | null>;
  /** Creates the payment with our uuid (a repeated uuid updates the same record, never a second one). */
  savePayment(uuid: string, payment: NewSm8Payment, signal?: AbortSignal): Promise<void>;
  /** Puts a payment back as it was synced: active, with its amount and time. */
  restorePayment(uuid: string, payment: { amountCents: number; paidAt: string }, signal?: AbortSignal): Promise<void>;
  jobPaidState(jobUuid: string, signal?: AbortSignal): Promise<JobPaidState | null>;
  markJobPaid(jobUuid: string, signal?: AbortSignal): Promise<void>;
}

export interface StripeInvoiceState {
  id: string;
  number: string | null;
  status: 'draft' | 'open' | 'paid' | 'uncollectible' | 'void' | null;
  totalCents: number;
  amountDueCents: number;
  amountPaidCents: number;
  amountRemainingCents: number;
  paidAt: string | null;
}

export interface StripePaymentChanges {
  charges: StripeCharge[];
  refunds: StripeRefund[];
  /** Charge id → the payout its money went out in (from payouts seen in this batch). */
  payouts: Map<string, string>;
  rejected: Rejected[];
  fullScan: boolean;
}

export interface StripePaymentsPort {
  /** The money movements in this cycle's batch of the shared events feed (a full listing when the feed says so). */
  paymentChanges(batch: FeedBatch, signal?: AbortSignal): Promise<StripePaymentChanges>;
  getInvoice(id: string, signal?: AbortSignal): Promise<StripeInvoiceState | null>;
  payOutOfBand(invoiceId: string, idempotencyKey: string, signal?: AbortSignal): Promise<StripeInvoiceState>;
}
