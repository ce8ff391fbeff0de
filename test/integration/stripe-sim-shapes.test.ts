// Every object type the simulator returns has exactly the keys of Stripe's own
// example object (test/fixtures/stripe-fixtures.json, copied from the reference),
// recursively for nested objects. Values are not compared: fixture values are
// placeholders. A nested value may be null where the fixture shows an object
// (nullable fields), and lists are compared by envelope and first item.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { startSim } from './stripe-sim-helpers';

type Json = Record<string, unknown>;
const fixtures = JSON.parse(readFileSync(path.join(__dirname, '../fixtures/stripe-fixtures.json'), 'utf8')) as Record<string, Json>;

/** Keys that are present only in some variants (documented in ASSUMPTIONS.md). */
const OPTIONAL: Record<string, string[]> = {
  'invoice_payment.payment': ['payment_intent', 'charge', 'payment_record'],
  'event.data': ['previous_attributes'],
  // Only lines of type invoice_line_item point at one (the fixture's custom line has none).
  credit_note_line_item: ['invoice_line_item'],
  'credit_note.lines.data[]': ['invoice_line_item'],
};
/** Subtrees whose contents depend on another type (an event's object) or are user data (metadata) are not compared. */
const OPAQUE = new Set(['event.data.object', 'charge.metadata', 'payment_intent.metadata']);

function isPlainObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function keyDiff(actual: Json, expected: Json, where: string): string[] {
  const problems: string[] = [];
  const optional = OPTIONAL[where] ?? [];
  for (const key of Object.keys(expected)) if (!(key in actual) && !optional.includes(key)) problems.push(`${where}: missing ${key}`);
  for (const key of Object.keys(actual)) if (!(key in expected) && !optional.includes(key)) problems.push(`${where}: extra ${key}`);
  for (const key of Object.keys(expected)) {
    const here = `${where}.${key}`;
    if (OPAQUE.has(here)) continue;
    const a = actual[key];
    const e = expected[key];
    if (isPlainObject(a) && isPlainObject(e)) problems.push(...keyDiff(a, e, here));
    else if (Array.isArray(a) && Array.isArray(e) && isPlainObject(a[0]) && isPlainObject(e[0]))
      problems.push(...keyDiff(a[0], e[0], `${here}[]`));
  }
  return problems;
}

/** Top-level fields of an interface in the SDK's own type declarations: an oracle independent of the simulator. */
function sdkFields(file: string, name: string): { required: string[]; optional: string[] } {
  const text = readFileSync(path.join(__dirname, '../../node_modules/stripe/cjs/resources', file), 'utf8');
  const start = text.indexOf(`export interface ${name} {`);
  const body = text.slice(start, text.indexOf('\n}', start));
  const required: string[] = [];
  const optional: string[] = [];
  for (const match of body.matchAll(/^ {4}(\w+)(\??):/gm)) (match[2] ? optional : required).push(match[1]!);
  return { required, optional };
}

let sim: RunningStripeSimulator;
let stripe: Stripe;
const samples: Record<string, Json> = {};

beforeAll(async () => {
  ({ sim, stripe } = await startSim());
  const rate = await stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: true, country: 'AU', tax_type: 'gst' });
  const customer = await stripe.customers.create({
    name: 'Shape Pty',
    email: 'shape@example.com',
    address: { city: 'Sydney', country: 'AU' },
  });
  const taxId = await stripe.customers.createTaxId(customer.id, { type: 'au_abn', value: '12345678912' });
  const invoice = await stripe.invoices.create({ customer: customer.id, custom_fields: [{ name: 'Job', value: '1' }] });
  const item = await stripe.invoiceItems.create({ customer: customer.id, invoice: invoice.id, amount: 11000, tax_rates: [rate.id] });
  const extraItem = await stripe.invoiceItems.create({ customer: customer.id, invoice: invoice.id, amount: 100 });
  const deletedItem = await stripe.invoiceItems.del(extraItem.id);
  await stripe.invoices.finalizeInvoice(invoice.id);
  await stripe.rawRequest('POST', `/_sim/invoices/${invoice.id}/pay_by_card`, {});
  const paid = await stripe.invoices.retrieve(invoice.id);
  const [payment] = (await stripe.invoicePayments.list({ invoice: invoice.id })).data;
  const intent = await stripe.paymentIntents.retrieve(payment!.payment.payment_intent as string);
  const refund = await stripe.refunds.create({ payment_intent: intent.id, amount: 500 });
  const charge = await stripe.charges.retrieve(intent.latest_charge as string);
  const note = await stripe.creditNotes.create({ invoice: invoice.id, amount: 300, out_of_band_amount: 300 });
  const draft = await stripe.invoices.create({ customer: customer.id });
  const deletedInvoice = await stripe.invoices.del(draft.id);
  const gone = await stripe.customers.create({ name: 'Gone' });
  const deletedCustomer = await stripe.customers.del(gone.id);
  const event = (await stripe.events.list({ type: 'customer.updated' })).data[0] ?? (await stripe.events.list({ limit: 1 })).data[0];
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as Json;
  Object.assign(samples, {
    customer: plain(await stripe.customers.retrieve(customer.id)),
    tax_id: plain(taxId),
    tax_rate: plain(rate),
    invoice: plain(paid),
    line_item: plain(paid.lines.data[0]),
    invoiceitem: plain(item),
    invoice_payment: plain(payment),
    payment_intent: plain(intent),
    charge: plain(charge),
    refund: plain(refund),
    credit_note: plain(note),
    credit_note_line_item: plain(note.lines.data[0]),
    event: plain(event),
    deleted_customer: plain(deletedCustomer),
    deleted_invoice: plain(deletedInvoice),
    deleted_invoiceitem: plain(deletedItem),
  });
});
afterAll(() => sim.close());

describe('object shapes match the fixtures', () => {
  const types = [
    'customer',
    'invoice',
    'line_item',
    'invoiceitem',
    'charge',
    'payment_intent',
    'refund',
    'credit_note',
    'tax_rate',
    'event',
    'invoice_payment',
    'tax_id',
    'credit_note_line_item',
    'deleted_customer',
    'deleted_invoice',
    'deleted_invoiceitem',
  ];
  for (const type of types) {
    it(`${type} has exactly the fixture's keys`, () => {
      const sample = samples[type];
      expect(sample, `no sample collected for ${type}`).toBeDefined();
      expect(keyDiff(sample!, fixtures[type]!, type)).toEqual([]);
    });
  }

  it('adds includable fields only when expanded', async () => {
    const customer = samples.customer!;
    expect(customer).not.toHaveProperty('tax_ids');
    expect(samples.invoice).not.toHaveProperty('payments');
    const expanded = await stripe.invoices.retrieve(String(samples.invoice!.id), { expand: ['payments', 'customer.tax_ids'] });
    expect(expanded.payments?.data).toHaveLength(1);
    expect((expanded.customer as Stripe.Customer).tax_ids?.data).toHaveLength(1);
    const listed = await stripe.invoices.list({ expand: ['data.customer'], limit: 1 });
    expect(typeof listed.data[0]!.customer).toBe('object');
  });

  it('ServiceM8 card payments (both shapes) and decimal-quantity lines have the fixture keys', async () => {
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as Json;
    for (const style of ['servicem8_pay', 'legacy_stripe_addon']) {
      const charge = await stripe.rawRequest('POST', '/_sim/servicem8/charges', {
        job_number: '1001',
        job_uuid: 'u-1',
        amount: 5500,
        style,
      });
      expect(keyDiff(plain(await stripe.charges.retrieve(String(charge.id))), fixtures.charge!, 'charge')).toEqual([]);
      const intent = (charge as unknown as { payment_intent: string | null }).payment_intent;
      if (intent)
        expect(keyDiff(plain(await stripe.paymentIntents.retrieve(intent)), fixtures.payment_intent!, 'payment_intent')).toEqual([]);
      else expect(style).toBe('legacy_stripe_addon');
    }
    const customer = await stripe.customers.create({ name: 'Decimal Pty' });
    const draft = await stripe.invoices.create({ customer: customer.id, effective_at: 1_700_000_000 });
    await stripe.invoiceItems.create({
      customer: customer.id,
      invoice: draft.id,
      unit_amount_decimal: Stripe.Decimal.from('1000'),
      quantity_decimal: Stripe.Decimal.from('1.5'),
    });
    const line = (await stripe.invoices.retrieve(draft.id)).lines.data[0];
    expect(keyDiff(plain(line), fixtures.line_item!, 'line_item')).toEqual([]);
    expect(keyDiff(plain(await stripe.invoices.retrieve(draft.id)), fixtures.invoice!, 'invoice')).toEqual([]);
  });

  it('balance transactions, disputes and payouts carry every field of the SDK 23 types (no fixture exists)', async () => {
    const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as Json;
    const charge = await stripe.rawRequest('POST', '/_sim/servicem8/charges', { job_number: '1002', job_uuid: 'u-2', amount: 10000 });
    const txn = await stripe.balanceTransactions.retrieve(
      String((charge as unknown as { balance_transaction: string }).balance_transaction),
    );
    const dispute = await stripe.rawRequest('POST', `/_sim/charges/${String(charge.id)}/dispute`, {});
    const payout = await stripe.rawRequest('POST', '/_sim/payouts/run', { include_pending: true });
    const checks: [string, string, Json][] = [
      ['BalanceTransactions.d.ts', 'BalanceTransaction', plain(txn)],
      ['Disputes.d.ts', 'Dispute', plain(await stripe.disputes.retrieve(String(dispute.id)))],
      ['Payouts.d.ts', 'Payout', plain(await stripe.payouts.retrieve(String(payout.id)))],
    ];
    for (const [file, name, sample] of checks) {
      const { required, optional } = sdkFields(file, name);
      expect(
        required.filter((key) => !(key in sample)),
        `${name} missing`,
      ).toEqual([]);
      expect(
        Object.keys(sample).filter((key) => !required.includes(key) && !optional.includes(key)),
        `${name} extra`,
      ).toEqual([]);
    }
  });

  it('the key checker itself notices a missing and an extra key', () => {
    const { email: _dropped, ...missing } = samples.customer!;
    expect(keyDiff(missing, fixtures.customer!, 'customer')).toEqual(['customer: missing email']);
    expect(keyDiff({ ...samples.customer!, paid: true }, fixtures.customer!, 'customer')).toEqual(['customer: extra paid']);
  });
});
