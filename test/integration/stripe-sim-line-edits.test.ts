// update_lines and remove_lines, through the official SDK: lines changed in place
// (a total, a unit price times a quantity, tax rates set or cleared, metadata merged
// with '' removing a key, a description '' unset),
// lines deleted or unassigned (pending again), invoice_metadata merged (add_lines
// too), drafts only, and a bad entry leaves the draft untouched.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { startSim } from './stripe-sim-helpers';

let sim: RunningStripeSimulator;
let stripe: Stripe;
let gst: Stripe.TaxRate;
let customer: Stripe.Customer;
let product: Stripe.Product;

beforeAll(async () => {
  ({ sim, stripe } = await startSim());
  gst = await stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: true, country: 'AU', tax_type: 'gst' });
  customer = await stripe.customers.create({ name: 'Bondi Line Edits Pty Ltd', email: 'accounts@bondi-line-edits.com.au' });
  product = await stripe.products.create({ name: 'Job line' });
});
afterAll(() => sim.close());

async function draftWith(lines: Stripe.InvoiceAddLinesParams.Line[]): Promise<Stripe.Invoice> {
  const invoice = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14 });
  return stripe.invoices.addLines(invoice.id, { lines });
}

const summary = (invoice: Stripe.Invoice) =>
  invoice.lines.data.map((l) => [l.description, l.amount, String(l.quantity_decimal), l.taxes?.[0]?.amount ?? null]);

describe('update_lines', () => {
  it('changes lines in place: a total, a unit price times a quantity, a new quantity, tax rates set and cleared, metadata merged', async () => {
    const invoice = await draftWith([
      { description: 'Call-out', amount: 11000, tax_rates: [gst.id], metadata: { servicem8_material_uuid: 'm-1', theirs: 'kept' } },
      { description: 'Labour', price_data: { currency: 'aud', product: product.id, unit_amount: 9900 }, quantity: 2, tax_rates: [gst.id] },
      { description: 'Parts', amount: 5500, tax_rates: [gst.id] },
    ]);
    const [callOut, labour, parts] = invoice.lines.data.map((l) => l.id);
    const updated = await stripe.invoices.updateLines(invoice.id, {
      lines: [
        {
          id: callOut!,
          description: 'Labour (1.5 h)',
          price_data: { currency: 'aud', product: product.id, unit_amount_decimal: Stripe.Decimal.from('9800') },
          quantity_decimal: Stripe.Decimal.from('1.5'),
          metadata: { servicem8_material_uuid: 'm-9' },
        },
        { id: labour!, quantity: 3 },
        { id: parts!, amount: 4400, tax_rates: '' },
      ],
      invoice_metadata: { servicem8_job_uuid: 'job-1' },
    });
    // 98.00 × 1.5 = 147.00 incl. GST 13.36; 3 × 99.00 = 297.00 incl. GST 27.00; 44.00 without tax.
    expect(summary(updated)).toEqual([
      ['Labour (1.5 h)', 14700, '1.5', 1336],
      ['Labour', 29700, '3', 2700],
      ['Parts', 4400, '1', null],
    ]);
    expect(updated.lines.data.map((l) => l.id)).toEqual([callOut, labour, parts]); // the same lines, changed in place
    expect(updated.lines.data[0]!.metadata).toEqual({ servicem8_material_uuid: 'm-9', theirs: 'kept' });
    expect(updated).toMatchObject({ subtotal: 48800, total: 48800, metadata: { servicem8_job_uuid: 'job-1' } });
    expect(updated.total_taxes?.reduce((sum, t) => sum + t.amount, 0)).toBe(4036);
    // The invoice items behind the lines changed with them.
    const itemOf = (line: Stripe.InvoiceLineItem) => line.parent!.invoice_item_details!.invoice_item;
    const item = await stripe.invoiceItems.retrieve(itemOf(updated.lines.data[2]!));
    expect(item).toMatchObject({ amount: 4400, tax_rates: [] });
    // One invoice.updated for the call ("whenever an invoice changes (e.g., the invoice amount)"): what it was before.
    const [event] = (await stripe.events.list({ type: 'invoice.updated', limit: 1 })).data;
    expect(event!.data.previous_attributes).toMatchObject({ metadata: {}, subtotal: 36300, total: 36300, amount_due: 36300 });
    expect(event!.data.previous_attributes).not.toHaveProperty('lines');
    expect((event!.data.object as Stripe.Invoice).total).toBe(48800);
    expect((await stripe.invoices.retrieve(invoice.id)).total).toBe(48800);
  });

  it('refuses a bad entry (unknown line, a total with a quantity, a quantity of a total line) without touching the draft', async () => {
    const invoice = await draftWith([
      { description: 'Call-out', amount: 11000, tax_rates: [gst.id] },
      { description: 'Labour', price_data: { currency: 'aud', product: product.id, unit_amount: 9900 }, quantity: 2 },
      { description: 'Spare', amount: 500 },
    ]);
    const [first, second, spare] = invoice.lines.data.map((l) => l.id);
    const refusals: [Stripe.InvoiceUpdateLinesParams.Line, string, string?][] = [
      [{ id: 'il_missing', amount: 1 }, 'lines[1][id]', 'resource_missing'],
      [{ id: second!, amount: 100, quantity: 2 }, 'lines[1][quantity]'],
      [{ id: first!, quantity: 2 }, 'lines[1][quantity]'],
      [{ id: second!, price_data: { currency: 'usd', product: product.id, unit_amount: 1 } }, 'lines[1][price_data][currency]'],
      [{ id: second!, tax_rates: ['txr_missing'] }, 'lines[1][tax_rates][0]', 'resource_missing'],
      [{ id: first!, period: { start: 1, end: 2 } }, 'lines[1][period]', 'parameter_unknown'],
      [{ id: spare!, amount: 1 }, 'lines[1][id]'], // named twice
    ];
    for (const [line, param, code] of refusals) {
      const attempt = stripe.invoices.updateLines(invoice.id, { lines: [{ id: spare!, amount: 1 }, line] });
      await expect(attempt).rejects.toMatchObject({ type: 'StripeInvalidRequestError', param, ...(code ? { code } : {}) });
    }
    await expect(stripe.invoices.updateLines(invoice.id, { lines: [] })).rejects.toMatchObject({
      code: 'parameter_missing',
      param: 'lines',
    });
    expect(summary(await stripe.invoices.retrieve(invoice.id))).toEqual([
      ['Call-out', 11000, '1', 1000],
      ['Labour', 19800, '2', null],
      ['Spare', 500, '1', null],
    ]);
  });
});

describe('remove_lines', () => {
  it('deletes an item or unassigns it (pending again), in one call', async () => {
    const invoice = await draftWith([
      { description: 'Keep', amount: 1000 },
      { description: 'Delete', amount: 2000 },
      { description: 'Unassign', amount: 3000 },
    ]);
    const [, deleted, unassigned] = invoice.lines.data;
    const removed = await stripe.invoices.removeLines(invoice.id, {
      lines: [
        { id: deleted!.id, behavior: 'delete' },
        { id: unassigned!.id, behavior: 'unassign' },
      ],
    });
    expect(summary(removed)).toEqual([['Keep', 1000, '1', null]]);
    expect(removed.total).toBe(1000);
    const itemOf = (line: Stripe.InvoiceLineItem) => line.parent!.invoice_item_details!.invoice_item;
    await expect(stripe.invoiceItems.retrieve(itemOf(deleted!))).rejects.toMatchObject({ statusCode: 404 });
    expect(await stripe.invoiceItems.retrieve(itemOf(unassigned!))).toMatchObject({ invoice: null, amount: 3000 });
    const [event] = (await stripe.events.list({ type: 'invoiceitem.deleted', limit: 1 })).data;
    expect((event!.data.object as Stripe.InvoiceItem).id).toBe(itemOf(deleted!));
  });

  it('needs a behavior, refuses an unknown line and any finalized invoice', async () => {
    const invoice = await draftWith([{ description: 'Only', amount: 1000 }]);
    const [line] = invoice.lines.data;
    await expect(
      stripe.invoices.removeLines(invoice.id, { lines: [{ id: line!.id } as Stripe.InvoiceRemoveLinesParams.Line] }),
    ).rejects.toMatchObject({ code: 'parameter_missing', param: 'lines[0][behavior]' });
    await expect(stripe.invoices.removeLines(invoice.id, { lines: [{ id: line!.id, behavior: 'archive' }] })).rejects.toMatchObject({
      param: 'lines[0][behavior]',
    });
    await expect(stripe.invoices.removeLines(invoice.id, { lines: [{ id: 'il_missing', behavior: 'delete' }] })).rejects.toMatchObject({
      code: 'resource_missing',
    });
    await stripe.invoices.finalizeInvoice(invoice.id, { auto_advance: false });
    for (const attempt of [
      stripe.invoices.removeLines(invoice.id, { lines: [{ id: line!.id, behavior: 'delete' }] }),
      stripe.invoices.updateLines(invoice.id, { lines: [{ id: line!.id, amount: 1 }] }),
    ])
      await expect(attempt).rejects.toMatchObject({ code: 'invoice_not_editable' });
    expect((await stripe.invoices.retrieve(invoice.id)).lines.data.map((l) => l.amount)).toEqual([1000]);
  });
});

describe('invoice_metadata on add_lines', () => {
  it('merges into the invoice’s metadata, a key set to empty removed', async () => {
    const invoice = await draftWith([{ amount: 100 }]);
    await stripe.invoices.update(invoice.id, { metadata: { a: '1', b: '2' } });
    const added = await stripe.invoices.addLines(invoice.id, { lines: [{ amount: 200 }], invoice_metadata: { b: '', c: '3' } });
    expect(added.metadata).toEqual({ a: '1', c: '3' });
  });
});

describe('update_lines discounts', () => {
  it("clears a line's discounts with '' and refuses coupon ids (coupons are not modelled)", async () => {
    const invoice = await draftWith([{ description: 'Call-out', amount: 11000, tax_rates: [gst.id] }]);
    const line = invoice.lines.data[0]!;
    // A discount put on the line outside the API (as in the Dashboard): set on the stored objects.
    const stored = sim.store.lines.get(line.id) as unknown as { discounts: string[] };
    stored.discounts = ['di_dashboard'];
    const cleared = await stripe.invoices.updateLines(invoice.id, { lines: [{ id: line.id, discounts: '' }] });
    expect(cleared.lines.data[0]!.discounts).toEqual([]);
    await expect(
      stripe.invoices.updateLines(invoice.id, { lines: [{ id: line.id, discounts: [{ coupon: 'c1' }] }] }),
    ).rejects.toMatchObject({
      statusCode: 400,
      param: 'lines[0][discounts]',
    });
  });
});

describe('update_lines metadata and description', () => {
  const itemOf = (line: Stripe.InvoiceLineItem) => stripe.invoiceItems.retrieve(line.parent!.invoice_item_details!.invoice_item);

  it("merges a line's metadata: a key sent as '' is removed, metadata '' removes all; the invoice item follows", async () => {
    const metadata = { servicem8_material_uuid: 'm-1', dashboard_note: 'ask Sam', po: '7' };
    const invoice = await draftWith([{ description: 'Call-out', amount: 11000, tax_rates: [gst.id], metadata }]);
    const id = invoice.lines.data[0]!.id;
    const merged = await stripe.invoices.updateLines(invoice.id, {
      lines: [{ id, metadata: { dashboard_note: '', po: '8', not_there: '', extra: 'x' } }],
    });
    const wanted = { servicem8_material_uuid: 'm-1', po: '8', extra: 'x' };
    expect(merged.lines.data[0]!.metadata).toEqual(wanted);
    expect((await itemOf(merged.lines.data[0]!)).metadata).toEqual(wanted);
    // Left out, the metadata stays; '' removes every key.
    const kept = await stripe.invoices.updateLines(invoice.id, { lines: [{ id, amount: 9900 }] });
    expect(kept.lines.data[0]!.metadata).toEqual(wanted);
    const cleared = await stripe.invoices.updateLines(invoice.id, { lines: [{ id, metadata: '' }] });
    expect(cleared.lines.data[0]!.metadata).toEqual({});
    expect((await itemOf(cleared.lines.data[0]!)).metadata).toEqual({});
  });

  it('checks the merged metadata against the limits, naming the entry, and leaves the draft untouched', async () => {
    const full = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    const invoice = await draftWith([{ description: 'Full', amount: 100, metadata: full }]);
    const id = invoice.lines.data[0]!.id;
    await expect(stripe.invoices.updateLines(invoice.id, { lines: [{ id, metadata: { k50: 'v' } }] })).rejects.toMatchObject({
      type: 'StripeInvalidRequestError',
      param: 'lines[0][metadata]',
    });
    const long = 'k'.repeat(41);
    await expect(stripe.invoices.updateLines(invoice.id, { lines: [{ id, metadata: { [long]: 'v' } }] })).rejects.toMatchObject({
      param: `lines[0][metadata][${long}]`,
    });
    // add_lines names its entry the same way.
    await expect(stripe.invoices.addLines(invoice.id, { lines: [{ amount: 1, metadata: { [long]: 'v' } }] })).rejects.toMatchObject({
      param: `lines[0][metadata][${long}]`,
    });
    expect((await stripe.invoices.retrieve(invoice.id)).lines.data.map((l) => l.metadata)).toEqual([full]);
    // One key out and one in: 50 after the merge, allowed.
    const swapped = await stripe.invoices.updateLines(invoice.id, { lines: [{ id, metadata: { k0: '', k50: 'v' } }] });
    expect(Object.keys(swapped.lines.data[0]!.metadata)).toHaveLength(50);
    expect(swapped.lines.data[0]!.metadata).not.toHaveProperty('k0');
  });

  it("unsets a line's description with '' (null on the line and its item); left out, it stays", async () => {
    const invoice = await draftWith([
      { description: 'Call-out', amount: 11000 },
      { description: 'Labour', amount: 9900 },
    ]);
    const [first, second] = invoice.lines.data;
    const updated = await stripe.invoices.updateLines(invoice.id, {
      lines: [
        { id: first!.id, description: '' },
        { id: second!.id, amount: 8800 },
      ],
    });
    expect(updated.lines.data.map((l) => l.description)).toEqual([null, 'Labour']);
    expect((await itemOf(updated.lines.data[0]!)).description).toBeNull();
    expect((await stripe.invoices.listLineItems(invoice.id)).data.map((l) => l.description)).toEqual([null, 'Labour']);
  });
});
