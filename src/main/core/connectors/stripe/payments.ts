// Read side of money movement for reconciliation: invoice payments (which replace
// invoice.charge / charge.invoice since basil), payment intents, charges, refunds
// and disputes. Lists take a `created` range in Unix seconds.
import type Stripe from 'stripe';
import { call, listAll, type CallContext } from './call';
import {
  chargeRecord,
  disputeRecord,
  invoicePaymentRecord,
  paymentIntentRecord,
  refundRecord,
  type StripeChargeRecord,
  type StripeDisputeRecord,
  type StripeInvoicePaymentRecord,
  type StripePaymentIntentRecord,
  type StripeRefundRecord,
} from './schemas';
import { parseEach, parseRecord, type UnreadObject } from './schema-parts';

export interface CreatedRange {
  createdGte?: number;
  createdLt?: number;
}

export function createdParam(range: CreatedRange): { created?: Stripe.RangeQueryParam } {
  if (range.createdGte === undefined && range.createdLt === undefined) return {};
  return {
    created: {
      ...(range.createdGte !== undefined ? { gte: range.createdGte } : {}),
      ...(range.createdLt !== undefined ? { lt: range.createdLt } : {}),
    },
  };
}

export async function listInvoicePayments(ctx: CallContext, invoiceId: string): Promise<StripeInvoicePaymentRecord[]> {
  const all = await listAll(ctx, 'invoicePayments.list', (s) => s.invoicePayments.list({ invoice: invoiceId, limit: 100 }));
  return all.map((p) => parseRecord(invoicePaymentRecord, p, 'invoice payment'));
}

/** The invoice a card payment settled, found through its invoice payment; null for payments with no Stripe invoice. */
export async function findInvoiceIdForPaymentIntent(ctx: CallContext, paymentIntentId: string): Promise<string | null> {
  const all = await listAll(ctx, 'invoicePayments.list(pi)', (s) =>
    s.invoicePayments.list({ payment: { type: 'payment_intent', payment_intent: paymentIntentId }, limit: 10 }),
  );
  return all[0] ? parseRecord(invoicePaymentRecord, all[0], 'invoice payment').invoiceId : null;
}

export async function listPaymentIntents(
  ctx: CallContext,
  filter: CreatedRange & { customerId?: string } = {},
): Promise<StripePaymentIntentRecord[]> {
  const all = await listAll(ctx, 'paymentIntents.list', (s) =>
    s.paymentIntents.list({ limit: 100, ...(filter.customerId ? { customer: filter.customerId } : {}), ...createdParam(filter) }),
  );
  return all.map((p) => parseRecord(paymentIntentRecord, p, 'payment intent'));
}

export async function getPaymentIntent(ctx: CallContext, id: string): Promise<StripePaymentIntentRecord> {
  return parseRecord(
    paymentIntentRecord,
    await call(ctx, 'paymentIntents.retrieve', (s) => s.paymentIntents.retrieve(id)),
    'payment intent',
  );
}

export async function listCharges(
  ctx: CallContext,
  filter: CreatedRange & { customerId?: string; paymentIntentId?: string } = {},
  unread?: UnreadObject[],
): Promise<StripeChargeRecord[]> {
  const all = await listAll(ctx, 'charges.list', (s) =>
    s.charges.list({
      limit: 100,
      ...(filter.customerId ? { customer: filter.customerId } : {}),
      ...(filter.paymentIntentId ? { payment_intent: filter.paymentIntentId } : {}),
      ...createdParam(filter),
    }),
  );
  return parseEach(chargeRecord, all, 'charge', unread);
}

export async function getCharge(ctx: CallContext, id: string): Promise<StripeChargeRecord> {
  return parseRecord(chargeRecord, await call(ctx, 'charges.retrieve', (s) => s.charges.retrieve(id)), 'charge');
}

export async function listRefunds(
  ctx: CallContext,
  filter: CreatedRange & { chargeId?: string; paymentIntentId?: string } = {},
  unread?: UnreadObject[],
): Promise<StripeRefundRecord[]> {
  const all = await listAll(ctx, 'refunds.list', (s) =>
    s.refunds.list({
      limit: 100,
      ...(filter.chargeId ? { charge: filter.chargeId } : {}),
      ...(filter.paymentIntentId ? { payment_intent: filter.paymentIntentId } : {}),
      ...createdParam(filter),
    }),
  );
  return parseEach(refundRecord, all, 'refund', unread);
}

export async function getRefund(ctx: CallContext, id: string): Promise<StripeRefundRecord> {
  return parseRecord(refundRecord, await call(ctx, 'refunds.retrieve', (s) => s.refunds.retrieve(id)), 'refund');
}

export async function listDisputes(
  ctx: CallContext,
  filter: CreatedRange & { chargeId?: string } = {},
  unread?: UnreadObject[],
): Promise<StripeDisputeRecord[]> {
  const all = await listAll(ctx, 'disputes.list', (s) =>
    s.disputes.list({ limit: 100, ...(filter.chargeId ? { charge: filter.chargeId } : {}), ...createdParam(filter) }),
  );
  return parseEach(disputeRecord, all, 'dispute', unread);
}

export async function getDispute(ctx: CallContext, id: string): Promise<StripeDisputeRecord> {
  return parseRecord(disputeRecord, await call(ctx, 'disputes.retrieve', (s) => s.disputes.retrieve(id)), 'dispute');
}
