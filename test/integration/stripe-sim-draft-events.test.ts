// A draft whose lines change gets one invoice.updated per request, through the
// official SDK: Stripe's event "occurs whenever an invoice changes (e.g., the invoice
// amount)" (SDK Events.d.ts). Bulk line calls and invoice items on the draft alike;
// a pending item (no invoice) changes no invoice; a call that changes nothing, no event.
import type Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { startSim } from './stripe-sim-helpers';

let sim: RunningStripeSimulator;
let stripe: Stripe;
let customer: Stripe.Customer;
beforeAll(async () => {
  ({ sim, stripe } = await startSim());
  customer = await stripe.customers.create({ name: 'Manly Draft Events Pty Ltd', email: 'accounts@manly-draft-events.com.au' });
});
afterAll(() => sim.close());

/** The invoice.updated events `run` causes for `invoice`, oldest first: [total before, total after]. */
async function updates(invoice: string, run: () => Promise<unknown>): Promise<[unknown, number][]> {
  const since = (await stripe.events.list({ limit: 1 })).data[0]?.id;
  await run();
  const events = (await stripe.events.list({ type: 'invoice.updated', limit: 100, ...(since ? { ending_before: since } : {}) })).data;
  return events
    .filter((e) => (e.data.object as Stripe.Invoice).id === invoice)
    .reverse()
    .map((e) => [(e.data.previous_attributes as { total?: number }).total, (e.data.object as Stripe.Invoice).total]);
}

describe('invoice.updated when a draft’s lines change', () => {
  it('one per bulk call (add_lines, update_lines, remove_lines), with the total it had', async () => {
    const draft = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14 });
    let lines: Stripe.InvoiceLineItem[] = [];
    expect(
      await updates(draft.id, async () => {
        lines = (await stripe.invoices.addLines(draft.id, { lines: [{ amount: 1000 }, { amount: 2000 }] })).lines.data;
      }),
    ).toEqual([[0, 3000]]);
    expect(await updates(draft.id, () => stripe.invoices.updateLines(draft.id, { lines: [{ id: lines[0]!.id, amount: 1500 }] }))).toEqual([
      [3000, 3500],
    ]);
    expect(
      await updates(draft.id, () => stripe.invoices.removeLines(draft.id, { lines: [{ id: lines[1]!.id, behavior: 'delete' }] })),
    ).toEqual([[3500, 1500]]);
    // The same values again: nothing changed, no event.
    expect(await updates(draft.id, () => stripe.invoices.updateLines(draft.id, { lines: [{ id: lines[0]!.id, amount: 1500 }] }))).toEqual(
      [],
    );
  });

  it('one per invoice item created on, changed on or deleted from the draft; none for a pending item', async () => {
    const draft = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 14 });
    let item: Stripe.InvoiceItem | undefined;
    expect(
      await updates(draft.id, async () => {
        item = await stripe.invoiceItems.create({ customer: customer.id, invoice: draft.id, amount: 4400, currency: 'aud' });
      }),
    ).toEqual([[0, 4400]]);
    expect(await updates(draft.id, () => stripe.invoiceItems.update(item!.id, { amount: 5500 }))).toEqual([[4400, 5500]]);
    expect(await updates(draft.id, () => stripe.invoiceItems.del(item!.id))).toEqual([[5500, 0]]);
    const before = (await stripe.events.list({ type: 'invoice.updated', limit: 100 })).data.length;
    const pending = await stripe.invoiceItems.create({ customer: customer.id, amount: 700, currency: 'aud' });
    await stripe.invoiceItems.update(pending.id, { amount: 800 });
    expect((await stripe.events.list({ type: 'invoice.updated', limit: 100 })).data).toHaveLength(before);
  });
});
