// Credit notes on finalized invoices. The pre-payment part (up to what is still
// owed) lowers amount_due/amount_remaining; the post-payment part must be split
// exactly across `refund_amount`, `credit_amount` and `out_of_band_amount`.
// Voiding restores the pre-payment part. Lines are one custom line per note.
import type { Json, Route, SimContext } from '../context';
import { SimError } from '../errors';
import { refreshAmountDue } from '../invoice-totals';
import { LIST_PARAMS, paginate } from '../list';
import { applyMetadata } from '../metadata';
import { newCreditNote, newCreditNoteLine, type CreditNoteObject } from '../objects/credit-note';
import type { InvoiceObject } from '../objects/invoice';
import type { InvoicePaymentObject } from '../objects/invoice-payment';
import type { ChargeObject } from '../objects/payment';
import { allowOnly, int, nullableStr, oneOf, requireStr } from '../params';
import { render, stripCreditNoteLink } from '../render';
import { refundCharge } from './refunds';

function create(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, ['invoice', 'amount', 'credit_amount', 'refund_amount', 'out_of_band_amount', 'reason', 'memo', 'metadata']);
  const invoiceId = requireStr(params, 'invoice');
  const invoice = store.invoices.get(invoiceId) as InvoiceObject | undefined;
  if (!invoice) throw SimError.invalid(`No such invoice: '${invoiceId}'`, 'invoice', 'resource_missing');
  if (invoice.status === 'draft' || invoice.status === 'void') {
    throw SimError.state(
      `You can only create credit notes for finalized invoices; this invoice is ${invoice.status}.`,
      undefined,
      'invoice',
    );
  }
  const amount = int(params, 'amount');
  if (amount === undefined) throw SimError.missingParam('amount');
  const already = invoice.pre_payment_credit_notes_amount + invoice.post_payment_credit_notes_amount;
  if (amount <= 0 || amount + already > invoice.total)
    throw SimError.invalid('The credit note amount must be positive and no more than what is left to credit on the invoice.', 'amount');
  const prePayment = Math.min(amount, invoice.status === 'paid' ? 0 : invoice.amount_remaining);
  const postPayment = amount - prePayment;
  const refundAmount = int(params, 'refund_amount') ?? 0;
  const creditAmount = int(params, 'credit_amount') ?? 0;
  const outOfBand = int(params, 'out_of_band_amount') ?? 0;
  if (refundAmount + creditAmount + outOfBand !== postPayment) {
    throw SimError.invalid(
      `The sum of credit_amount, refund_amount and out_of_band_amount (${refundAmount + creditAmount + outOfBand}) must equal the post-payment amount of the credit note (${postPayment}).`,
      'refund_amount',
    );
  }
  const reason = oneOf(params, 'reason', ['duplicate', 'fraudulent', 'order_change', 'product_unsatisfactory'] as const) ?? null;
  const metadata = applyMetadata({}, params);
  const refunds = refundAmount > 0 ? [refundForInvoice(ctx, invoice, refundAmount)] : [];
  const sequence = store.creditNotes.where('invoice', invoice.id).length + 1;
  const note = newCreditNote(store.ids.next('cn'), ctx.now(), {
    invoice: invoice.id,
    customer: invoice.customer,
    currency: invoice.currency,
    number: `${invoice.number ?? 'DRAFT'}-CN-${String(sequence).padStart(2, '0')}`,
    amount,
    prePayment,
    postPayment,
    outOfBand: outOfBand > 0 ? outOfBand : null,
    refunds: refunds.map((r) => ({ amount_refunded: r.amount, refund: r.id })),
    reason,
    memo: nullableStr(params, 'memo') ?? null,
    metadata,
    pdfToken: store.ids.token(24),
  });
  store.creditNotes.insert(note);
  store.creditNoteLines.insert(newCreditNoteLine(store.ids.next('cnli'), note.id, amount, 'Credit'));
  const before = { ...invoice };
  invoice.pre_payment_credit_notes_amount += prePayment;
  invoice.post_payment_credit_notes_amount += postPayment;
  refreshAmountDue(invoice);
  ctx.emit('credit_note.created', note);
  ctx.emit('invoice.updated', invoice, {
    amount_due: before.amount_due,
    amount_remaining: before.amount_remaining,
    pre_payment_credit_notes_amount: before.pre_payment_credit_notes_amount,
    post_payment_credit_notes_amount: before.post_payment_credit_notes_amount,
  });
  return { body: render(store, note) };
}

function refundForInvoice(ctx: SimContext, invoice: InvoiceObject, amount: number) {
  const intents = new Set(
    (ctx.store.invoicePayments.inOrder() as InvoicePaymentObject[])
      .filter((p) => p.invoice === invoice.id && p.status === 'paid')
      .map((p) => p.payment.payment_intent),
  );
  const charge = (ctx.store.charges.newestFirst() as ChargeObject[]).find(
    (c) => c.payment_intent !== null && intents.has(c.payment_intent),
  );
  if (!charge)
    throw SimError.invalid(
      'This invoice was not paid by a charge that can be refunded; use out_of_band_amount or credit_amount.',
      'refund_amount',
    );
  return refundCharge(ctx, charge, amount);
}

function voidNote(ctx: SimContext): { body: Json } {
  const note = ctx.store.creditNotes.require(ctx.path.id ?? '') as CreditNoteObject;
  if (note.status === 'void') throw SimError.state('This credit note has already been voided.');
  const invoice = ctx.store.invoices.require(note.invoice) as InvoiceObject;
  note.status = 'void';
  note.voided_at = ctx.now();
  invoice.pre_payment_credit_notes_amount -= note.pre_payment_amount;
  invoice.post_payment_credit_notes_amount -= note.post_payment_amount;
  refreshAmountDue(invoice);
  ctx.emit('credit_note.voided', note);
  return { body: render(ctx.store, note) };
}

function listLines(ctx: SimContext): { body: Json } {
  const note = ctx.store.creditNotes.require(ctx.path.id ?? '');
  allowOnly(ctx.params, [...LIST_PARAMS]);
  const lines = ctx.store.creditNoteLines.newestWhere('credit_note', note.id);
  const page = paginate(
    lines,
    ctx.params,
    `/v1/credit_notes/${note.id}/lines`,
    (id) => ctx.store.creditNoteLines.sortKey(id),
    'credit_note_line_item',
  );
  return { body: { ...page, data: page.data.map(stripCreditNoteLink) } };
}

export const creditNoteRoutes: Route[] = [
  { method: 'POST', pattern: '/v1/credit_notes', handler: create },
  { method: 'POST', pattern: '/v1/credit_notes/:id/void', handler: voidNote },
  { method: 'GET', pattern: '/v1/credit_notes/:id/lines', handler: listLines },
];
