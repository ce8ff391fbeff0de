// The invoice state machine of reference §8: finalize (draft → open: number,
// timestamps, customer snapshot, default invoice payment), pay (open or
// uncollectible → paid; by card or out of band), send, void, mark_uncollectible.
import type { Json, Route, SimContext } from '../context';
import { SimError } from '../errors';
import type { InvoiceObject } from '../objects/invoice';
import type { CustomerObject } from '../objects/customer';
import { newInvoicePayment } from '../objects/invoice-payment';
import { newPaymentIntent } from '../objects/payment';
import { allowOnly, bool, str } from '../params';
import { render } from '../render';
import { cancelDefaultPayment, payByCard, payOutOfBand } from './card-payment';
import { requireInvoice } from './invoices';
import { emailIfAutoAdvancing, emailInvoice } from './invoice-email';
import { snapshotCustomer } from './invoice-snapshot';

function finalize(ctx: SimContext): { body: Json } {
  const invoice = requireInvoice(ctx);
  allowOnly(ctx.params, ['auto_advance']);
  if (invoice.status !== 'draft') {
    throw SimError.state("This invoice is already finalized, you can't re-finalize a non-draft invoice.", 'invoice_not_editable');
  }
  finalizeInvoice(ctx, invoice);
  return { body: render(ctx.store, invoice) };
}

export function finalizeInvoice(ctx: SimContext, invoice: InvoiceObject): void {
  const { store } = ctx;
  const now = ctx.now();
  const customer = store.customers.require(invoice.customer) as CustomerObject;
  const autoAdvance = bool(ctx.params, 'auto_advance');
  if (autoAdvance !== undefined) invoice.auto_advance = autoAdvance;
  if (invoice.number === null) {
    invoice.number = `${customer.invoice_prefix}-${String(customer.next_invoice_sequence).padStart(4, '0')}`;
    customer.next_invoice_sequence += 1;
  }
  snapshotCustomer(ctx, invoice, customer);
  const token = store.ids.token(40);
  Object.assign(invoice, {
    status: 'open',
    // `effective_at` is the finalization time unless the caller set its own date.
    effective_at: invoice.effective_at ?? now,
    automatically_finalizes_at: null,
    hosted_invoice_url: `https://invoice.stripe.com/i/acct_sim/test_${token}`,
    invoice_pdf: `https://pay.stripe.com/invoice/acct_sim/test_${token}/pdf`,
    ending_balance: 0,
  });
  invoice.status_transitions.finalized_at = now;
  if (invoice.collection_method === 'send_invoice' && invoice.due_date === null) {
    invoice.due_date = now + (ctx.store.daysUntilDue.get(invoice.id) ?? 30) * 86_400;
  }
  ctx.emit('invoice.finalized', invoice);
  if (invoice.amount_due === 0) {
    // Nothing to collect: Stripe marks a zero-total invoice paid straight away.
    invoice.status = 'paid';
    invoice.status_transitions.paid_at = now;
    ctx.emit('invoice.paid', invoice);
    return;
  }
  const intent = newPaymentIntent(
    store.ids.next('pi'),
    now,
    store.ids.token(24),
    invoice.amount_due,
    invoice.currency,
    invoice.customer,
    `Invoice ${invoice.number}`,
  );
  store.paymentIntents.insert(intent);
  store.invoicePayments.insert(
    newInvoicePayment(store.ids.next('inpay'), now, invoice.id, invoice.amount_due, invoice.currency, intent.id),
  );
  emailIfAutoAdvancing(ctx, invoice);
}

function pay(ctx: SimContext): { body: Json } {
  const invoice = requireInvoice(ctx);
  allowOnly(ctx.params, ['paid_out_of_band', 'payment_method', 'forgive', 'off_session']);
  if (invoice.status === 'paid') throw SimError.state('Invoice is already paid.', 'invoice_not_editable');
  if (invoice.status === 'void') throw SimError.state('You cannot pay an invoice with status void.');
  const outOfBand = bool(ctx.params, 'paid_out_of_band') === true;
  if (!outOfBand && !str(ctx.params, 'payment_method')) {
    throw SimError.state(
      'This customer has no attached payment source or default payment method. Please consider adding a default payment method.',
    );
  }
  // Paying a draft finalizes it first, as Stripe does.
  if (invoice.status === 'draft') finalizeInvoice(ctx, invoice);
  if ((invoice.status as InvoiceObject['status']) === 'paid') return { body: render(ctx.store, invoice) };
  if (outOfBand) payOutOfBand(ctx, invoice);
  else payByCard(ctx, invoice);
  return { body: render(ctx.store, invoice) };
}

function transition(from: InvoiceObject['status'][], apply: (ctx: SimContext, invoice: InvoiceObject) => void, verb: string) {
  return (ctx: SimContext): { body: Json } => {
    const invoice = requireInvoice(ctx);
    allowOnly(ctx.params, []);
    if (!from.includes(invoice.status)) {
      throw SimError.state(`You can only ${verb} an invoice with status ${from.join(' or ')}; this invoice is ${invoice.status}.`);
    }
    apply(ctx, invoice);
    return { body: render(ctx.store, invoice) };
  };
}

const voidInvoice = transition(
  ['open', 'uncollectible'],
  (ctx, invoice) => {
    invoice.status = 'void';
    invoice.status_transitions.voided_at = ctx.now();
    cancelDefaultPayment(ctx, invoice, 'void_invoice');
    ctx.emit('invoice.voided', invoice);
  },
  'void',
);

const markUncollectible = transition(
  ['open'],
  (ctx, invoice) => {
    invoice.status = 'uncollectible';
    invoice.status_transitions.marked_uncollectible_at = ctx.now();
    ctx.emit('invoice.marked_uncollectible', invoice);
  },
  'mark as uncollectible',
);

const send = transition(['open'], (ctx, invoice) => emailInvoice(ctx, invoice, 'send'), 'send');

export const invoiceActionRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/invoices/:id/finalize', handler: finalize },
  { method: 'POST', pattern: '/v1/invoices/:id/pay', handler: pay },
  { method: 'POST', pattern: '/v1/invoices/:id/void', handler: voidInvoice },
  { method: 'POST', pattern: '/v1/invoices/:id/mark_uncollectible', handler: markUncollectible },
  { method: 'POST', pattern: '/v1/invoices/:id/send', handler: send },
];
