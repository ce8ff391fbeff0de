// The invoice engine through the SDK: GST per-line rounding, totals in cents,
// the state machine and its errors, payments, refunds and credit notes.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { startSim } from './stripe-sim-helpers';

let sim: RunningStripeSimulator;
let stripe: Stripe;
let inclusive: Stripe.TaxRate;
let exclusive: Stripe.TaxRate;
let customer: Stripe.Customer;

beforeAll(async () => {
  ({ sim, stripe } = await startSim());
  inclusive = await stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: true, country: 'AU', tax_type: 'gst' });
  exclusive = await stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: false, country: 'AU', tax_type: 'gst' });
  customer = await stripe.customers.create({ name: 'Harbour View Cafe Pty Ltd', email: 'accounts@harbourviewcafe.com.au' });
});
afterAll(() => sim.close());

async function draftWith(lines: { amount: number; rate: Stripe.TaxRate }[]): Promise<Stripe.Invoice> {
  const invoice = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14 });
  for (const line of lines) {
    await stripe.invoiceItems.create({
      customer: customer.id,
      invoice: invoice.id,
      amount: line.amount,
      currency: 'aud',
      tax_rates: [line.rate.id],
    });
  }
  return stripe.invoices.retrieve(invoice.id);
}

describe('GST totals', () => {
  it('rounds per line: 11000 and 3333 inclusive, 10000 exclusive', async () => {
    const single = await draftWith([{ amount: 11000, rate: inclusive }]);
    expect(single.lines.data[0]?.taxes?.[0]).toMatchObject({ amount: 1000, taxable_amount: 10000, tax_behavior: 'inclusive' });
    const odd = await draftWith([{ amount: 3333, rate: inclusive }]);
    expect(odd.total_taxes?.[0]?.amount).toBe(303);
    const excl = await draftWith([{ amount: 10000, rate: exclusive }]);
    expect(excl).toMatchObject({ subtotal: 10000, total: 11000, total_excluding_tax: 10000 });
    const mixed = await draftWith([
      { amount: 11000, rate: inclusive },
      { amount: 3333, rate: inclusive },
      { amount: 10000, rate: exclusive },
    ]);
    expect(mixed).toMatchObject({
      subtotal: 24333,
      subtotal_excluding_tax: 23030,
      total: 25333,
      total_excluding_tax: 23030,
      amount_due: 25333,
      amount_paid: 0,
      amount_remaining: 25333,
      currency: 'aud',
      status: 'draft',
      number: null,
    });
    expect(mixed.total_taxes?.map((t) => [t.amount, t.tax_behavior])).toEqual([
      [1303, 'inclusive'],
      [1000, 'exclusive'],
    ]);
  });

  it('computes the reference example 11000 + 3333 inclusive → total 14333, ex-tax 13030', async () => {
    const invoice = await draftWith([
      { amount: 11000, rate: inclusive },
      { amount: 3333, rate: inclusive },
    ]);
    expect(invoice).toMatchObject({ total: 14333, total_excluding_tax: 13030, amount_due: 14333 });
  });

  it('applies unit_amount_decimal × quantity and lists lines', async () => {
    const invoice = await stripe.invoices.create({ customer: customer.id });
    await stripe.invoiceItems.create({
      customer: customer.id,
      invoice: invoice.id,
      unit_amount_decimal: Stripe.Decimal.from('2500'),
      quantity: 3,
      tax_rates: [exclusive.id],
    });
    const lines = await stripe.invoices.listLineItems(invoice.id);
    expect(lines.data[0]).toMatchObject({ amount: 7500, quantity: 3, object: 'line_item' });
    expect((await stripe.invoices.retrieve(invoice.id)).total).toBe(8250);
  });

  it('adds lines to a draft with add_lines, attaching pending items too', async () => {
    const pending = await stripe.invoiceItems.create({ customer: customer.id, amount: 5500, currency: 'aud', tax_rates: [inclusive.id] });
    expect(pending.invoice).toBeNull();
    const invoice = await stripe.invoices.create({ customer: customer.id });
    const added = await stripe.invoices.addLines(invoice.id, {
      lines: [{ invoice_item: pending.id }, { amount: 10000, description: 'Call-out', tax_rates: [exclusive.id] }],
    });
    expect(added).toMatchObject({ subtotal: 15500, total: 16500, total_excluding_tax: 15000 });
    expect(added.lines.data.map((l) => l.amount)).toEqual([5500, 10000]);
    expect((await stripe.invoiceItems.retrieve(pending.id)).invoice).toBe(invoice.id);
    await expect(stripe.invoices.addLines(invoice.id, { lines: [{ amount: 100 }, { invoice_item: 'ii_missing' }] })).rejects.toMatchObject({
      code: 'resource_missing',
      param: 'lines[1][invoice_item]',
    });
    expect((await stripe.invoices.retrieve(invoice.id)).lines.data).toHaveLength(2);
  });

  it('keeps tax rate percentage and inclusive immutable and archives with active=false', async () => {
    await expect(stripe.taxRates.update(inclusive.id, { percentage: 15 } as unknown as Stripe.TaxRateUpdateParams)).rejects.toMatchObject({
      code: 'parameter_unknown',
      param: 'percentage',
    });
    const rate = await stripe.taxRates.create({ display_name: 'Old GST', percentage: 10, inclusive: false });
    expect(await stripe.taxRates.update(rate.id, { active: false })).toMatchObject({ active: false, percentage: 10 });
    expect((await stripe.taxRates.list({ active: true, limit: 100 })).data.map((r) => r.id)).not.toContain(rate.id);
  });
});

describe('state machine', () => {
  it('finalizes with a number, timestamps and a default invoice payment, then refuses a second finalize', async () => {
    const draft = await draftWith([{ amount: 11000, rate: inclusive }]);
    const open = await stripe.invoices.finalizeInvoice(draft.id);
    expect(open.status).toBe('open');
    expect(open.number).toMatch(/^[0-9A-F]{8}-\d{4}$/);
    expect(open.status_transitions.finalized_at).toEqual(expect.any(Number));
    expect(open.due_date).toBe(open.status_transitions.finalized_at! + 14 * 86400);
    const withPayments = await stripe.invoices.retrieve(open.id, { expand: ['payments'] });
    expect(withPayments.payments?.data[0]).toMatchObject({ status: 'open', amount_requested: 11000, is_default: true });
    await expect(stripe.invoices.finalizeInvoice(open.id)).rejects.toMatchObject({ statusCode: 400, type: 'StripeInvalidRequestError' });
    await expect(stripe.invoices.del(open.id)).rejects.toMatchObject({ statusCode: 400 });
    await expect(stripe.invoiceItems.create({ customer: customer.id, invoice: open.id, amount: 100 })).rejects.toMatchObject({
      code: 'invoice_not_editable',
    });
    const edited = await stripe.invoices.update(open.id, { custom_fields: [{ name: 'Job', value: '1042' }], metadata: { job: '1042' } });
    expect(edited.custom_fields).toEqual([{ name: 'Job', value: '1042' }]);
    await expect(stripe.invoices.update(open.id, { collection_method: 'charge_automatically' })).rejects.toMatchObject({
      code: 'invoice_not_editable',
    });
  });

  it('pays out of band: paid, amount_paid = amount_due, nothing remaining, no charge', async () => {
    const open = await stripe.invoices.finalizeInvoice((await draftWith([{ amount: 10000, rate: exclusive }])).id);
    const paid = await stripe.invoices.pay(open.id, { paid_out_of_band: true });
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 11000, amount_remaining: 0 });
    expect(paid.status_transitions.paid_at).toEqual(expect.any(Number));
    await expect(stripe.invoices.voidInvoice(paid.id)).rejects.toMatchObject({ statusCode: 400 });
    await expect(stripe.invoices.pay(paid.id, { paid_out_of_band: true })).rejects.toMatchObject({ statusCode: 400 });
    // After payment only metadata stays editable (reference §8): a PO in metadata yes, custom fields no.
    const tagged = await stripe.invoices.update(paid.id, { metadata: { servicem8_po_number: 'PO-7' } });
    expect(tagged.metadata).toMatchObject({ servicem8_po_number: 'PO-7' });
    await expect(stripe.invoices.update(paid.id, { custom_fields: [{ name: 'PO', value: 'PO-7' }] })).rejects.toMatchObject({
      statusCode: 400,
      code: 'invoice_not_editable',
    });
  });

  it('voids and marks uncollectible only from the allowed states', async () => {
    const draft = await draftWith([{ amount: 500, rate: exclusive }]);
    await expect(stripe.invoices.voidInvoice(draft.id)).rejects.toMatchObject({ statusCode: 400 });
    await expect(stripe.invoices.markUncollectible(draft.id)).rejects.toMatchObject({ statusCode: 400 });
    await stripe.invoices.finalizeInvoice(draft.id);
    const bad = await stripe.invoices.markUncollectible(draft.id);
    expect(bad.status).toBe('uncollectible');
    const voided = await stripe.invoices.voidInvoice(draft.id);
    expect(voided.status).toBe('void');
    expect(voided.status_transitions.voided_at).toEqual(expect.any(Number));
    await expect(stripe.invoices.finalizeInvoice(draft.id)).rejects.toMatchObject({ statusCode: 400 });
  });

  it('keeps days_until_due across draft updates and emits invoice.updated with previous_attributes', async () => {
    const draft = await stripe.invoices.create({
      customer: customer.id,
      collection_method: 'send_invoice',
      days_until_due: 7,
      description: 'old',
    });
    const updated = await stripe.invoices.update(draft.id, { description: 'new', footer: 'Thanks' });
    expect(updated).toMatchObject({ description: 'new', footer: 'Thanks', collection_method: 'send_invoice' });
    const [event] = (await stripe.events.list({ type: 'invoice.updated', limit: 1 })).data;
    expect(event?.data.previous_attributes).toEqual({ description: 'old', footer: null });
    await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 100 });
    const open = await stripe.invoices.finalizeInvoice(draft.id);
    expect(open.due_date).toBe(open.status_transitions.finalized_at! + 7 * 86400);
  });

  it('sends open invoices only, emitting invoice.sent', async () => {
    const draft = await draftWith([{ amount: 500, rate: exclusive }]);
    await expect(stripe.invoices.sendInvoice(draft.id)).rejects.toMatchObject({ statusCode: 400 });
    await stripe.invoices.finalizeInvoice(draft.id);
    expect((await stripe.invoices.sendInvoice(draft.id)).status).toBe('open');
    const [event] = (await stripe.events.list({ type: 'invoice.sent', limit: 1 })).data;
    expect((event?.data.object as Stripe.Invoice).id).toBe(draft.id);
  });

  it('deletes drafts into a stub', async () => {
    const draft = await draftWith([{ amount: 500, rate: exclusive }]);
    expect(await stripe.invoices.del(draft.id)).toEqual({ id: draft.id, object: 'invoice', deleted: true });
    await expect(stripe.invoices.retrieve(draft.id)).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });

  it('limits custom_fields to 4 and validates lengths', async () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `n${i}`, value: 'v' }));
    await expect(stripe.invoices.create({ customer: customer.id, custom_fields: five })).rejects.toMatchObject({ param: 'custom_fields' });
    await expect(
      stripe.invoices.create({ customer: customer.id, custom_fields: [{ name: 'x'.repeat(41), value: 'v' }] }),
    ).rejects.toMatchObject({ param: 'custom_fields[0][name]' });
    await expect(stripe.invoices.create({})).rejects.toMatchObject({ code: 'parameter_missing', param: 'customer' });
  });

  it('filters invoice lists by customer and status', async () => {
    const other = await stripe.customers.create({ name: 'Other' });
    const mine = await stripe.invoices.create({ customer: other.id });
    expect((await stripe.invoices.list({ customer: other.id })).data.map((i) => i.id)).toEqual([mine.id]);
    expect((await stripe.invoices.list({ customer: other.id, status: 'open' })).data).toHaveLength(0);
  });
});

describe('card payments, refunds, credit notes', () => {
  it('pays by card through /_sim/ and links payment intent, charge and invoice payment', async () => {
    const open = await stripe.invoices.finalizeInvoice((await draftWith([{ amount: 11000, rate: inclusive }])).id);
    const paid = (await stripe.rawRequest('POST', `/_sim/invoices/${open.id}/pay_by_card`, {})) as unknown as Stripe.Invoice;
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 11000, amount_remaining: 0 });
    const [payment] = (await stripe.invoicePayments.list({ invoice: open.id })).data;
    expect(payment).toMatchObject({ status: 'paid', amount_paid: 11000 });
    const intentId = payment!.payment.payment_intent as string;
    const intent = await stripe.paymentIntents.retrieve(intentId);
    expect(intent).toMatchObject({ status: 'succeeded', amount_received: 11000 });
    const byIntent = await stripe.invoicePayments.list({ payment: { type: 'payment_intent', payment_intent: intentId } });
    expect(byIntent.data.map((p) => p.invoice)).toEqual([open.id]);
    const charge = await stripe.charges.retrieve(intent.latest_charge as string);
    expect(charge).toMatchObject({ status: 'succeeded', paid: true, amount: 11000, payment_intent: intentId, refunded: false });

    const partial = await stripe.refunds.create({ charge: charge.id, amount: 1000 });
    expect(partial).toMatchObject({ amount: 1000, status: 'succeeded', charge: charge.id });
    await expect(stripe.refunds.create({ charge: charge.id, amount: 20000 })).rejects.toMatchObject({ code: 'amount_too_large' });
    await stripe.refunds.create({ payment_intent: intentId });
    expect(await stripe.charges.retrieve(charge.id)).toMatchObject({ amount_refunded: 11000, refunded: true });
    await expect(stripe.refunds.create({ charge: charge.id })).rejects.toMatchObject({ code: 'charge_already_refunded' });
    expect((await stripe.invoices.retrieve(open.id)).status).toBe('paid');
  });

  it('a post-payment credit note on a card-paid invoice refunds the charge', async () => {
    const open = await stripe.invoices.finalizeInvoice((await draftWith([{ amount: 11000, rate: inclusive }])).id);
    await stripe.rawRequest('POST', `/_sim/invoices/${open.id}/pay_by_card`, {});
    const note = await stripe.creditNotes.create({ invoice: open.id, amount: 2200, refund_amount: 2200, reason: 'order_change' });
    expect(note).toMatchObject({ type: 'post_payment', amount: 2200, reason: 'order_change' });
    expect(note.refunds[0]).toMatchObject({ amount_refunded: 2200 });
    const refund = await stripe.refunds.retrieve(note.refunds[0]!.refund as string);
    expect(refund.amount).toBe(2200);
    expect(await stripe.charges.retrieve(refund.charge as string)).toMatchObject({ amount_refunded: 2200, refunded: false });
    expect(await stripe.invoices.retrieve(open.id)).toMatchObject({ status: 'paid', post_payment_credit_notes_amount: 2200 });
  });

  it('credit notes reduce amount_remaining before payment and need the split after', async () => {
    const open = await stripe.invoices.finalizeInvoice((await draftWith([{ amount: 11000, rate: inclusive }])).id);
    const note = await stripe.creditNotes.create({ invoice: open.id, amount: 1100 });
    expect(note).toMatchObject({ type: 'pre_payment', amount: 1100, status: 'issued' });
    expect(await stripe.invoices.retrieve(open.id)).toMatchObject({
      amount_due: 9900,
      amount_remaining: 9900,
      pre_payment_credit_notes_amount: 1100,
    });
    const voided = await stripe.creditNotes.voidCreditNote(note.id);
    expect(voided.status).toBe('void');
    expect((await stripe.invoices.retrieve(open.id)).amount_remaining).toBe(11000);
    await stripe.invoices.pay(open.id, { paid_out_of_band: true });
    await expect(stripe.creditNotes.create({ invoice: open.id, amount: 500 })).rejects.toMatchObject({ statusCode: 400 });
    const post = await stripe.creditNotes.create({ invoice: open.id, amount: 500, out_of_band_amount: 500 });
    expect(post).toMatchObject({ type: 'post_payment', post_payment_amount: 500, out_of_band_amount: 500 });
    await expect(stripe.creditNotes.create({ invoice: open.id, amount: 500, refund_amount: 500 })).rejects.toMatchObject({
      param: 'refund_amount',
    });
    expect((await stripe.creditNotes.listLineItems(post.id)).data[0]).toMatchObject({ amount: 500, object: 'credit_note_line_item' });
  });
});
