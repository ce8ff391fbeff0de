// Invoice rules the invoice pair depends on, through the official SDK:
// `effective_at`, custom field and metadata limits with Stripe's error shape,
// decimal quantities with GST, emailing only when asked (auto_advance / send),
// the test clock, and the events of each step.
import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { TEST_KEY, startSim } from './stripe-sim-helpers';

let sim: RunningStripeSimulator;
let stripe: Stripe;
let customer: Stripe.Customer;
beforeEach(async () => {
  ({ sim, stripe } = await startSim());
  customer = await stripe.customers.create({ name: 'Rules Pty', email: 'rules@example.com' });
});
afterEach(() => sim.close());

const sendInvoice = (extra: Partial<Stripe.InvoiceCreateParams> = {}) =>
  stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14, ...extra });

async function withLine(invoice: Stripe.Invoice, amount = 11000): Promise<void> {
  await stripe.invoiceItems.create({ customer: customer.id, invoice: invoice.id, amount });
}

const emails = async (id: string) =>
  (await stripe.rawRequest('GET', `/_sim/invoices/${id}/emails`, {})) as unknown as {
    emailed: boolean;
    data: { reason: string; to: string }[];
  };

describe('effective_at', () => {
  it('is accepted on create and update, rendered, kept at finalization, and unset with an empty value', async () => {
    const draft = await sendInvoice({ effective_at: 1_767_225_600 });
    expect(draft.effective_at).toBe(1_767_225_600);
    const moved = await stripe.invoices.update(draft.id, { effective_at: 1_767_312_000 });
    expect(moved.effective_at).toBe(1_767_312_000);
    const [updated] = (await stripe.events.list({ type: 'invoice.updated' })).data;
    expect(updated!.data.previous_attributes).toEqual({ effective_at: 1_767_225_600 });
    await withLine(draft);
    const open = await stripe.invoices.finalizeInvoice(draft.id);
    expect(open.effective_at).toBe(1_767_312_000);
    expect(open.status_transitions.finalized_at).not.toBe(open.effective_at);
    const other = await sendInvoice({ effective_at: 1_767_225_600 });
    expect((await stripe.invoices.update(other.id, { effective_at: '' })).effective_at).toBeNull();
    await withLine(other);
    const finalized = await stripe.invoices.finalizeInvoice(other.id);
    expect(finalized.effective_at).toBe(finalized.status_transitions.finalized_at);
    await expect(stripe.invoices.update(open.id, { effective_at: 1 })).rejects.toMatchObject({ code: 'invoice_not_editable' });
  });
});

describe('limits, answered with Stripe error shapes', () => {
  it('custom fields: at most 4, name ≤40, value ≤140', async () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `F${i}`, value: 'v' }));
    await expect(sendInvoice({ custom_fields: five })).rejects.toMatchObject({ type: 'StripeInvalidRequestError', param: 'custom_fields' });
    await expect(sendInvoice({ custom_fields: [{ name: 'n'.repeat(41), value: 'v' }] })).rejects.toMatchObject({
      param: 'custom_fields[0][name]',
    });
    await expect(sendInvoice({ custom_fields: [{ name: 'Job', value: 'v'.repeat(141) }] })).rejects.toMatchObject({
      param: 'custom_fields[0][value]',
    });
    const ok = await sendInvoice({ custom_fields: [{ name: 'n'.repeat(40), value: 'v'.repeat(140) }] });
    expect(ok.custom_fields).toHaveLength(1);
  });

  it('metadata: 50 keys, key ≤40 chars, value ≤500 chars', async () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    await expect(sendInvoice({ metadata: many })).rejects.toMatchObject({
      statusCode: 400,
      rawType: 'invalid_request_error',
      param: 'metadata',
    });
    await expect(sendInvoice({ metadata: { ['k'.repeat(41)]: 'v' } })).rejects.toMatchObject({ param: `metadata[${'k'.repeat(41)}]` });
    await expect(sendInvoice({ metadata: { note: 'v'.repeat(501) } })).rejects.toMatchObject({ param: 'metadata[note]' });
    // Nothing was created by the refused requests.
    expect((await stripe.invoices.list()).data).toHaveLength(0);
  });
});

describe('decimal quantities and GST', () => {
  it('unit_amount_decimal × quantity_decimal, exact, with inclusive and exclusive GST per line', async () => {
    const incl = await stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: true });
    const excl = await stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: false });
    const draft = await sendInvoice();
    // 1.5 h at $85.555 = 12833.25c → 12833c, GST inside: 12833/11 = 1166.6 → 1167c.
    await stripe.invoiceItems.create({
      customer: customer.id,
      invoice: draft.id,
      unit_amount_decimal: Stripe.Decimal.from('8555.5'),
      quantity_decimal: Stripe.Decimal.from('1.5'),
      tax_rates: [incl.id],
    });
    // 3 × $10 ex GST = 3000c + 300c GST.
    await stripe.invoiceItems.create({
      customer: customer.id,
      invoice: draft.id,
      unit_amount_decimal: Stripe.Decimal.from('1000'),
      quantity: 3,
      tax_rates: [excl.id],
    });
    const invoice = await stripe.invoices.retrieve(draft.id);
    const [first, second] = invoice.lines.data;
    expect(first!.amount).toBe(12833);
    // SDK ≥21 turns decimal strings into Stripe.Decimal; on the wire it is "1.5".
    expect(String(first!.quantity_decimal)).toBe('1.5');
    expect(first!.taxes?.[0]).toMatchObject({ amount: 1167, tax_behavior: 'inclusive', taxable_amount: 11666 });
    expect(second!.taxes?.[0]).toMatchObject({ amount: 300, tax_behavior: 'exclusive', taxable_amount: 3000 });
    expect(invoice).toMatchObject({ subtotal: 15833, total: 16133, total_excluding_tax: 14666 });
    expect(invoice.total_taxes?.map((t) => t.amount)).toEqual([1167, 300]);
  });
});

describe('emailing happens only when asked', () => {
  it('auto_advance false: finalized without email; /send emails it and emits invoice.sent', async () => {
    const draft = await sendInvoice();
    await withLine(draft);
    await stripe.invoices.finalizeInvoice(draft.id, { auto_advance: false });
    expect(await emails(draft.id)).toMatchObject({ emailed: false, data: [] });
    expect((await stripe.events.list({ type: 'invoice.sent' })).data).toHaveLength(0);
    await stripe.invoices.sendInvoice(draft.id, {}, { idempotencyKey: 'send-1' });
    expect(await emails(draft.id)).toMatchObject({ emailed: true, data: [{ reason: 'send', to: 'rules@example.com' }] });
    const [sent] = (await stripe.events.list({ type: 'invoice.sent' })).data;
    expect(sent!.request).toMatchObject({ idempotency_key: 'send-1' });
  });

  it('auto_advance true on a send_invoice invoice: Stripe emails it at finalization', async () => {
    const draft = await sendInvoice({ auto_advance: true });
    await withLine(draft);
    await stripe.invoices.finalizeInvoice(draft.id);
    expect((await emails(draft.id)).data.map((e) => e.reason)).toEqual(['auto_advance']);
    const types = (await stripe.events.list({ limit: 5 })).data.map((e) => e.type);
    expect(types.slice(0, 2)).toEqual(['invoice.sent', 'invoice.finalized']);
  });

  it('charge_automatically is never emailed, even auto-advancing; a customer without email is not emailed', async () => {
    const charged = await stripe.invoices.create({ customer: customer.id, auto_advance: true });
    await withLine(charged);
    await stripe.invoices.finalizeInvoice(charged.id);
    const silent = await stripe.customers.create({ name: 'No Email' });
    const draft = await stripe.invoices.create({
      customer: silent.id,
      collection_method: 'send_invoice',
      days_until_due: 7,
      auto_advance: true,
    });
    await stripe.invoiceItems.create({ customer: silent.id, invoice: draft.id, amount: 500 });
    await stripe.invoices.finalizeInvoice(draft.id);
    const all = (await stripe.rawRequest('GET', '/_sim/emails', {})) as unknown as { data: unknown[] };
    expect(all.data).toEqual([]);
    await expect(stripe.invoices.sendInvoice(draft.id)).rejects.toMatchObject({ statusCode: 400 });
  });
});

describe('test clock', () => {
  it('POST /_sim/clock with JSON sets the time, which then runs on; objects are stamped with it', async () => {
    const response = await fetch(`${sim.url}/_sim/clock`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ now: '2027-03-01T09:30:00+11:00' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { now: string };
    expect(Date.parse(body.now) - Date.parse('2027-02-28T22:30:00Z')).toBeGreaterThanOrEqual(0);
    expect(Date.parse(body.now) - Date.parse('2027-02-28T22:30:00Z')).toBeLessThan(5_000);
    const created = await stripe.customers.create({ name: 'Later' });
    expect(created.created - Date.parse('2027-02-28T22:30:00Z') / 1000).toBeGreaterThanOrEqual(0);
    expect(created.created - Date.parse('2027-02-28T22:30:00Z') / 1000).toBeLessThan(5);
    const [event] = (await stripe.events.list({ type: 'customer.created', limit: 1 })).data;
    expect(event!.created).toBe(created.created);
    const bad = await stripe.rawRequest('POST', '/_sim/clock', { now: '2027-03-01' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ param: 'now' });
  });

  it('an auto-advancing draft is finalized (and emailed) about an hour after creation, on the simulated clock', async () => {
    const draft = await sendInvoice({ auto_advance: true });
    await withLine(draft);
    expect(draft.automatically_finalizes_at).toBe(draft.created + 3600);
    expect((await stripe.invoices.retrieve(draft.id)).status).toBe('draft');
    await stripe.rawRequest('POST', '/_sim/clock', { now: new Date((draft.created + 3601) * 1000).toISOString() });
    const later = await stripe.invoices.retrieve(draft.id);
    expect(later.status).toBe('open');
    expect(later.automatically_finalizes_at).toBeNull();
    const finalized = (await stripe.events.list({ type: 'invoice.finalized' })).data[0]!;
    expect(finalized.request).toEqual({ id: null, idempotency_key: null });
    expect((await emails(draft.id)).emailed).toBe(true);
  });
});
