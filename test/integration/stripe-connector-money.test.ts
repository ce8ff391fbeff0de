// The connector's invoice and payment surface against the simulator (through the
// official SDK): drafts with effective_at, decimal quantities, GST rates found by
// tag, idempotent line replacement, the state moves without surprise emails,
// credit notes, the invoice events in the feed, and the money records (fee GST, payouts,
// ServiceM8's own card payments).
import { afterEach, describe, expect, it } from 'vitest';
import { StripeConnector, StripeConnectorError, TAX_RATE_TAG } from '../../src/main/core/connectors/stripe/index';
import { startStripeSimulator, type RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { TEST_KEY, sdkFor } from './stripe-sim-helpers';

let sim: RunningStripeSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function connect(): Promise<{ stripe: StripeConnector; sim: RunningStripeSimulator }> {
  sim = await startStripeSimulator({ rateLimits: 'off' });
  const stripe = new StripeConnector({ apiKey: TEST_KEY, baseUrl: sim.url, maxRequestsPerSecond: null, retry: { baseMs: 20, maxMs: 200 } });
  return { stripe, sim };
}

async function customerAndGst(stripe: StripeConnector) {
  const customer = await stripe.createCustomer({ name: 'Conn Pty', email: 'conn@example.com' }, 'cus-1');
  return { customer, gst: await stripe.ensureGstRates('gst') };
}

describe('tax rates', () => {
  it('tags what it creates, adopts an untagged identical rate instead of a second, and never makes two', async () => {
    const { stripe, sim } = await connect();
    const sdk = sdkFor(sim);
    const handMade = await sdk.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: true, country: 'AU' });
    const first = await stripe.ensureGstRates('gst-a');
    expect(first.inclusive.id).toBe(handMade.id);
    expect(first.inclusive.metadata[TAX_RATE_TAG]).toBe('gst-10-inclusive');
    const second = await stripe.ensureGstRates('gst-b');
    expect([second.inclusive.id, second.exclusive.id]).toEqual([first.inclusive.id, first.exclusive.id]);
    expect((await sdk.taxRates.list({ limit: 100 })).data).toHaveLength(2);
    expect((await stripe.findTaxRateByMetadata(TAX_RATE_TAG, 'gst-10-exclusive'))?.id).toBe(first.exclusive.id);
  });
});

describe('invoices', () => {
  it('creates a draft with effective_at, a decimal quantity and both GST rates; finalizing does not email', async () => {
    const { stripe, sim } = await connect();
    const { customer, gst } = await customerAndGst(stripe);
    const draft = await stripe.createDraftInvoice(
      {
        customerId: customer.id,
        effectiveAt: '2026-11-02T00:00:00Z',
        customFields: [{ name: 'Job', value: '1042' }],
        metadata: { servicem8_invoice_uuid: 'inv-1' },
        lines: [
          { description: 'Labour 1.5 h', unitAmountCents: 9900, quantity: '1.5', taxRateId: gst.inclusive.id },
          { description: 'Parts', amountCents: 2000, taxRateIds: [gst.exclusive.id] },
        ],
      },
      'inv-1',
    );
    expect(draft).toMatchObject({
      status: 'draft',
      effectiveAt: '2026-11-02T00:00:00.000Z',
      autoAdvance: false,
      collectionMethod: 'send_invoice',
    });
    expect(draft.lines.map((l) => [l.amountCents, l.quantityDecimal, l.taxCents, l.taxBehavior])).toEqual([
      [14850, '1.5', 1350, 'inclusive'],
      [2000, '1', 200, 'exclusive'],
    ]);
    expect(draft).toMatchObject({ totalCents: 17050, taxCents: 1550, totalExcludingTaxCents: 15500 });
    expect(draft.totalTaxes.map((t) => [t.taxRateId, t.amountCents])).toEqual([
      [gst.inclusive.id, 1350],
      [gst.exclusive.id, 200],
    ]);
    const open = await stripe.finalizeInvoice(draft.id, 'fin-1');
    expect(open).toMatchObject({ status: 'open', effectiveAt: '2026-11-02T00:00:00.000Z' });
    expect(open.number).not.toBeNull();
    expect(sim.store.emails).toHaveLength(0);
    await stripe.sendInvoice(open.id, 'send-1');
    expect(sim.store.emails.map((e) => e.invoice)).toEqual([open.id]);
  });

  it('replaces draft lines idempotently: the same key twice leaves exactly the new lines', async () => {
    const { stripe, sim } = await connect();
    const { customer, gst } = await customerAndGst(stripe);
    const draft = await stripe.createDraftInvoice(
      { customerId: customer.id, lines: [{ description: 'Old', amountCents: 1000, taxRateId: gst.inclusive.id }] },
      'inv-2',
    );
    const lines = [
      { description: 'New A', amountCents: 3300, taxRateId: gst.inclusive.id },
      { description: 'New B', amountCents: 1100, taxRateId: gst.inclusive.id },
    ];
    const once = await stripe.replaceDraftLines(draft.id, lines, 'replace-1');
    const twice = await stripe.replaceDraftLines(draft.id, lines, 'replace-1');
    expect(twice.lines.map((l) => l.description)).toEqual(['New A', 'New B']);
    expect(twice.lines.map((l) => l.id)).toEqual(once.lines.map((l) => l.id));
    expect(twice.totalCents).toBe(4400);
    const items = [...sim.store.invoiceItems.inOrder()].filter((i) => i.invoice === draft.id);
    expect(items).toHaveLength(2);
  });

  it('sets draft lines in bulk calls: grows, shrinks, and a replay after a crash between steps asks only for what is missing', async () => {
    const { stripe, sim } = await connect();
    const { customer, gst } = await customerAndGst(stripe);
    const line = (description: string, amountCents: number) => ({ description, amountCents, taxRateId: gst.inclusive.id });
    const draft = await stripe.createDraftInvoice({ customerId: customer.id, lines: [line('A', 1000), line('B', 2000)] }, 'inv-3');
    const calls = () => ({ ...sim.stats.routes });
    const before = calls();
    const grown = await stripe.updateDraftInvoice(draft.id, { lines: [line('A2', 1100), line('B2', 2200), line('C', 3300)] }, 'grow');
    const made = (route: string) => (sim.stats.routes[route] ?? 0) - (before[route] ?? 0);
    expect(grown.lines.map((l) => [l.description, l.amountCents])).toEqual([
      ['A2', 1100],
      ['B2', 2200],
      ['C', 3300],
    ]);
    expect([made('POST /v1/invoices/:id/update_lines'), made('POST /v1/invoices/:id/add_lines'), made('POST /v1/invoiceitems')]).toEqual([
      1, 1, 0,
    ]);

    // A crash after the first step of a shrink: the lines were updated, the surplus not yet removed.
    const sdk = sdkFor(sim);
    const ids = grown.lines.map((l) => l.id);
    await sdk.invoices.updateLines(draft.id, { lines: [{ id: ids[0]!, description: 'Only', amount: 500 }] });
    const shrunk = await stripe.replaceDraftLines(draft.id, [line('Only', 500)], 'shrink');
    const again = await stripe.replaceDraftLines(draft.id, [line('Only', 500)], 'shrink');
    for (const result of [shrunk, again])
      expect(result.lines.map((l) => [l.id, l.description, l.amountCents])).toEqual([[ids[0], 'Only', 500]]);
    expect(again.totalCents).toBe(500);
    expect([...sim.store.invoiceItems.inOrder()].filter((i) => i.invoice === draft.id)).toHaveLength(1);
  });

  it('rejects bad input before sending anything, with the field named', async () => {
    const { stripe, sim } = await connect();
    const { customer } = await customerAndGst(stripe);
    const before = sim.requestCount;
    const five = Array.from({ length: 5 }, (_, i) => ({ name: `F${i}`, value: 'x' }));
    const error = await stripe
      .createDraftInvoice({ customerId: customer.id, customFields: five, lines: [] }, 'bad-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StripeConnectorError);
    expect(error).toMatchObject({ kind: 'validation', details: { param: 'custom_fields' } });
    const fractional = await stripe
      .createDraftInvoice({ customerId: customer.id, lines: [{ description: 'x', amountCents: 10.5 }] }, 'bad-2')
      .catch((e: unknown) => e);
    expect(fractional).toMatchObject({ kind: 'validation', details: { param: 'lines[0].amountCents' } });
    expect(sim.requestCount).toBe(before);
  });

  it('voids, marks uncollectible, pays out of band, credits, and reports the changes through the event feed', async () => {
    const { stripe } = await connect();
    const { customer, gst } = await customerAndGst(stripe);
    const start = await stripe.listEventsSince(null);
    expect(start.needsFullRescan).toBe(true);
    const make = async (key: string) =>
      stripe.finalizeInvoice(
        (
          await stripe.createDraftInvoice(
            { customerId: customer.id, lines: [{ description: key, amountCents: 11000, taxRateId: gst.inclusive.id }] },
            key,
          )
        ).id,
        `${key}:fin`,
      );
    const a = await make('a');
    const b = await make('b');
    const c = await make('c');
    expect((await stripe.voidInvoice(a.id, 'void-a')).status).toBe('void');
    expect((await stripe.markInvoiceUncollectible(b.id, 'unc-b')).status).toBe('uncollectible');
    const paid = await stripe.payInvoiceOutOfBand(c.id, 'oob-c');
    expect(paid).toMatchObject({ status: 'paid', amountPaidCents: 11000, amountRemainingCents: 0 });
    const note = await stripe.createCreditNote(
      { invoiceId: c.id, amountCents: 2200, outOfBandAmountCents: 2200, reason: 'order_change' },
      'cn-c',
    );
    expect(note).toMatchObject({ invoiceId: c.id, amountCents: 2200, postPaymentCents: 2200, outOfBandCents: 2200, status: 'issued' });
    expect((await stripe.listCreditNotes({ invoiceId: c.id })).map((n) => n.id)).toEqual([note.id]);
    expect(await stripe.getInvoice(c.id)).toMatchObject({ postPaymentCreditNotesCents: 2200 });
    const feed = await stripe.listEventsSince(start.cursor, ['invoice.voided']);
    expect(feed.needsFullRescan).toBe(false);
    expect(feed.events.map((e) => [e.objectId, e.idempotencyKey])).toEqual([[a.id, 'void-a']]);
    const listed = await stripe.listInvoices({ customerId: customer.id, createdGte: 0, createdLt: 4_000_000_000 });
    expect(listed.map((i) => i.id).sort()).toEqual([a.id, b.id, c.id].sort());
  });
});

describe('payments', () => {
  it('charges, refunds, balance transactions with fee GST, payouts, and ServiceM8 card payments', async () => {
    const { stripe, sim } = await connect();
    const { customer, gst } = await customerAndGst(stripe);
    const invoice = await stripe.finalizeInvoice(
      (
        await stripe.createDraftInvoice(
          { customerId: customer.id, lines: [{ description: 'Job', amountCents: 20000, taxRateId: gst.inclusive.id }] },
          'p-1',
        )
      ).id,
      'p-1:fin',
    );
    const sdk = sdkFor(sim);
    await sdk.rawRequest('POST', `/_sim/invoices/${invoice.id}/pay_by_card`, {});
    const [charge] = await stripe.listCharges({ customerId: customer.id });
    expect(charge).toMatchObject({ amountCents: 20000, status: 'succeeded', servicem8Job: null });
    expect(await stripe.findInvoiceIdForPaymentIntent(charge!.paymentIntentId!)).toBe(invoice.id);
    expect((await stripe.getPaymentIntent(charge!.paymentIntentId!)).status).toBe('succeeded');
    const refund = await sdk.refunds.create({ charge: charge!.id, amount: 5000 });
    expect((await stripe.getRefund(refund.id)).balanceTransactionId).not.toBeNull();
    const txn = await stripe.getBalanceTransaction(charge!.balanceTransactionId!);
    // 1.7 % of 20000 = 340 + 30 = 370c, GST = 370/11 = 33.6 → 34c.
    expect(txn).toMatchObject({
      amountCents: 20000,
      feeCents: 370,
      feeGstCents: 34,
      feeExGstCents: 336,
      netCents: 19630,
      reportingCategory: 'charge',
    });
    const sm8 = await sdk.rawRequest('POST', '/_sim/servicem8/charges', { job_number: '1042', job_uuid: 'job-1042', amount: 5500 });
    expect((await stripe.getCharge(String(sm8.id))).servicem8Job).toEqual({ uuid: 'job-1042', number: '1042' });
    const legacy = await sdk.rawRequest('POST', '/_sim/servicem8/charges', {
      job_number: '7',
      job_uuid: 'job-7',
      amount: 1000,
      style: 'legacy_stripe_addon',
    });
    expect((await stripe.getCharge(String(legacy.id))).servicem8Job).toEqual({ uuid: 'job-7', number: '7' });
    const dispute = await sdk.rawRequest('POST', `/_sim/charges/${String(legacy.id)}/dispute`, {});
    expect((await stripe.listDisputes({ chargeId: String(legacy.id) })).map((d) => [d.id, d.status])).toEqual([
      [dispute.id, 'needs_response'],
    ]);
    const payout = await sdk.rawRequest('POST', '/_sim/payouts/run', { include_pending: true });
    const [record] = await stripe.listPayouts();
    expect(record).toMatchObject({ id: payout.id, status: 'paid' });
    const grouped = await stripe.listBalanceTransactions({ payoutId: record!.id });
    // Fee GST per charge: 20000 → 370c fee, 34c GST; 5500 → 94+30 = 124c, 11c; 1000 → 17+30 = 47c, 4c.
    expect(grouped.reduce((sum, t) => sum + t.netCents, 0)).toBe(0);
    expect(grouped.find((t) => t.type === 'payout')?.amountCents).toBe(-record!.amountCents);
    expect(grouped.filter((t) => t.type === 'charge').reduce((sum, t) => sum + t.feeGstCents, 0)).toBe(34 + 11 + 4);
  });
});
