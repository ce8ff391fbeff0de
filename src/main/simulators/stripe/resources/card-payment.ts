// Settling an invoice: by card (payment intent succeeds, a charge is created, the
// default invoice payment and the invoice become paid) or out of band (no money
// moves in Stripe; the default invoice payment is canceled). Event order for a
// card payment follows reference §8.
import type { SimContext } from '../context';
import { refreshAmountDue } from '../invoice-totals';
import type { InvoiceObject } from '../objects/invoice';
import type { InvoicePaymentObject } from '../objects/invoice-payment';
import { newCharge, type PaymentIntentObject } from '../objects/payment';
import { recordCharge } from './ledger';

export function defaultPayment(ctx: SimContext, invoice: InvoiceObject): InvoicePaymentObject | undefined {
  return (ctx.store.invoicePayments.inOrder() as InvoicePaymentObject[]).find((p) => p.invoice === invoice.id && p.is_default === true);
}

function markInvoicePaid(ctx: SimContext, invoice: InvoiceObject, amount: number): void {
  const now = ctx.now();
  invoice.amount_paid += amount;
  invoice.status = 'paid';
  invoice.status_transitions.paid_at = now;
  invoice.attempted = true;
  invoice.next_payment_attempt = null;
  refreshAmountDue(invoice);
}

export function payByCard(ctx: SimContext, invoice: InvoiceObject): void {
  const { store } = ctx;
  const now = ctx.now();
  const payment = defaultPayment(ctx, invoice);
  const intent = payment ? (store.paymentIntents.get(payment.payment.payment_intent) as PaymentIntentObject | undefined) : undefined;
  if (!payment || !intent) return;
  const amount = invoice.amount_remaining;
  const charge = newCharge(store.ids.next('ch'), now, {
    amount,
    currency: invoice.currency,
    customer: invoice.customer,
    paymentIntent: intent.id,
    paymentMethod: store.ids.next('pm'),
    balanceTransaction: store.ids.next('txn'),
    receiptToken: store.ids.token(40),
    description: intent.description as string | null,
  });
  store.charges.insert(charge);
  recordCharge(ctx, charge);
  Object.assign(intent, {
    amount,
    amount_received: amount,
    status: 'succeeded',
    latest_charge: charge.id,
    payment_method: charge.payment_method,
  });
  Object.assign(payment, { amount_paid: amount, status: 'paid' });
  payment.status_transitions.paid_at = now;
  invoice.attempt_count = (invoice.attempt_count as number) + 1;
  markInvoicePaid(ctx, invoice, amount);
  ctx.emit('payment_intent.succeeded', intent);
  ctx.emit('charge.succeeded', charge);
  ctx.emit('invoice_payment.paid', payment);
  ctx.emit('invoice.paid', invoice);
  ctx.emit('invoice.payment_succeeded', invoice);
}

export function payOutOfBand(ctx: SimContext, invoice: InvoiceObject): void {
  cancelDefaultPayment(ctx, invoice, null);
  markInvoicePaid(ctx, invoice, invoice.amount_remaining);
  ctx.emit('invoice.paid', invoice);
}

/** Void and out-of-band payment leave the invoice's payment intent unused. */
export function cancelDefaultPayment(ctx: SimContext, invoice: InvoiceObject, reason: string | null): void {
  const payment = defaultPayment(ctx, invoice);
  if (!payment || payment.status !== 'open') return;
  const now = ctx.now();
  payment.status = 'canceled';
  payment.status_transitions.canceled_at = now;
  const intent = ctx.store.paymentIntents.get(payment.payment.payment_intent) as PaymentIntentObject | undefined;
  if (intent && intent.status !== 'succeeded') {
    Object.assign(intent, { status: 'canceled', canceled_at: now, cancellation_reason: reason });
    ctx.emit('payment_intent.canceled', intent);
  }
}
