// Read side of money movement for reconciliation: invoice payments (which replace
// invoice.charge / charge.invoice since basil), charges and refunds.
import { listAll, type CallContext } from './call';
import {
  chargeRecord,
  invoicePaymentRecord,
  refundRecord,
  type StripeChargeRecord,
  type StripeInvoicePaymentRecord,
  type StripeRefundRecord,
} from './schemas';

export async function listInvoicePayments(ctx: CallContext, invoiceId: string): Promise<StripeInvoicePaymentRecord[]> {
  const all = await listAll(ctx, 'invoicePayments.list', (s) => s.invoicePayments.list({ invoice: invoiceId, limit: 100 }));
  return all.map((p) => invoicePaymentRecord.parse(p));
}

/** The invoice a card payment settled, found through its invoice payment. */
export async function findInvoiceIdForPaymentIntent(ctx: CallContext, paymentIntentId: string): Promise<string | null> {
  const all = await listAll(ctx, 'invoicePayments.list(pi)', (s) =>
    s.invoicePayments.list({ payment: { type: 'payment_intent', payment_intent: paymentIntentId }, limit: 10 }),
  );
  return all[0] ? invoicePaymentRecord.parse(all[0]).invoiceId : null;
}

export async function listCharges(
  ctx: CallContext,
  filter: { customerId?: string; paymentIntentId?: string; createdGte?: number } = {},
): Promise<StripeChargeRecord[]> {
  const all = await listAll(ctx, 'charges.list', (s) =>
    s.charges.list({
      limit: 100,
      ...(filter.customerId ? { customer: filter.customerId } : {}),
      ...(filter.paymentIntentId ? { payment_intent: filter.paymentIntentId } : {}),
      ...(filter.createdGte !== undefined ? { created: { gte: filter.createdGte } } : {}),
    }),
  );
  return all.map((c) => chargeRecord.parse(c));
}

export async function listRefunds(
  ctx: CallContext,
  filter: { chargeId?: string; createdGte?: number } = {},
): Promise<StripeRefundRecord[]> {
  const all = await listAll(ctx, 'refunds.list', (s) =>
    s.refunds.list({
      limit: 100,
      ...(filter.chargeId ? { charge: filter.chargeId } : {}),
      ...(filter.createdGte !== undefined ? { created: { gte: filter.createdGte } } : {}),
    }),
  );
  return all.map((r) => refundRecord.parse(r));
}
