// A staff member's new email reaches the owner reference (`owner_email`) of every
// linked invoice of the jobs they made, against both simulators: ServiceM8 records the
// change on the staff record alone, so no job is pulled for it. Written once, metadata
// only on a paid invoice, a linked draft updated whole; a staff edit that leaves the
// email alone writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceWorld, startSides } from '../helpers/invoice-world';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
beforeAll(async () => (sides = await startSides()));
afterAll(() => sides.close());

type World = ReturnType<typeof invoiceWorld>;

const writesOf = (result: { plan: { operation: string }[] }, operation: string) => result.plan.filter((p) => p.operation === operation);

async function updatedEvents(world: World): Promise<number> {
  return (await world.stripe.events.list({ type: 'invoice.updated', limit: 100 }).autoPagingToArray({ limit: 10_000 })).length;
}

describe('invoices: a staff member’s email is the owner reference', () => {
  it('writes the new email to every linked invoice of their jobs once, leaves other owners’ invoices alone', async () => {
    const world = invoiceWorld(sides, tempDir());
    const company = await world.client('Owner Email Plumbing');
    const dana = await world.http.create('staff', { first: 'Dana', last: 'Office', email: 'dana@owner-plumbing.com.au' });
    const lee = await world.http.create('staff', { first: 'Lee', last: 'Field', email: 'lee@owner-plumbing.com.au' });
    const owned = async (staff: string, unit: string) => {
      const job = await world.job(company, [{ name: 'Tap washer', quantity: '1', unit, inclusive: true }], { complete: false });
      await world.http.update('job', job, { created_by_staff_uuid: staff, status: 'Completed' });
      await world.http.update('job', job, { invoice_sent: 1 });
      return job;
    };
    const open = await owned(dana, '110.00');
    const paid = await owned(dana, '220.00');
    const other = await owned(lee, '330.00');
    // A draft made by hand in Stripe for one more of Dana's jobs, linked to it (no second invoice).
    const drafted = await world.job(company, [{ name: 'Tap washer', quantity: '1', unit: '440.00', inclusive: true }], { complete: false });
    await world.http.update('job', drafted, { created_by_staff_uuid: dana });
    expect((await world.sync()).state).toBe('completed'); // the client becomes a customer
    const customer = world.store.links.byServiceM8Id('client', company)!.stripeId;
    const rate = (await world.stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: true, country: 'AU' })).id;
    const draft = await world.stripe.invoices.create({ customer, collection_method: 'send_invoice', days_until_due: 14 });
    await world.stripe.invoiceItems.create({
      customer,
      invoice: draft.id,
      amount: 44000,
      currency: 'aud',
      description: 'Tap washer',
      tax_rates: [rate],
    });
    await world.http.update('job', drafted, { status: 'Completed' });
    await world.http.update('job', drafted, { invoice_sent: 1 });
    const first = await world.sync();
    expect(first.state, first.error ?? '').toBe('completed');
    expect(world.store.links.byServiceM8Id('invoice', drafted)?.stripeId).toBe(draft.id);
    const invoiceOf = async (job: string) => (await world.invoiceOf(job))[0]!;
    for (const job of [open, paid]) expect((await invoiceOf(job)).metadata).toMatchObject({ owner_email: 'dana@owner-plumbing.com.au' });
    await world.stripe.invoices.pay((await invoiceOf(paid)).id, { paid_out_of_band: true });
    expect((await world.sync()).state).toBe('completed');
    const otherBefore = await invoiceOf(other);

    // The email alone changes (typed in capitals: staff are matched by email case-insensitively).
    await world.http.update('staff', dana, { email: 'Dana.Smith@Owner-Plumbing.com.au' });
    const changed = await world.sync();
    expect(changed.state, changed.error ?? '').toBe('completed');
    expect(writesOf(changed, 'update_references')).toHaveLength(2);
    expect(writesOf(changed, 'update_draft')).toHaveLength(1); // a draft is updated whole
    const draftAfter = await world.stripe.invoices.retrieve(draft.id);
    expect(draftAfter).toMatchObject({ status: 'draft', total: 44000, metadata: { owner_email: 'dana.smith@owner-plumbing.com.au' } });
    expect(draftAfter.lines.data.map((l) => [l.description, l.amount])).toEqual([['Tap washer', 44000]]);
    const openAfter = await invoiceOf(open);
    const paidAfter = await invoiceOf(paid);
    expect(openAfter).toMatchObject({ status: 'open', total: 11000, metadata: { owner_email: 'dana.smith@owner-plumbing.com.au' } });
    expect(paidAfter).toMatchObject({ status: 'paid', total: 22000, metadata: { owner_email: 'dana.smith@owner-plumbing.com.au' } });
    const otherAfter = await invoiceOf(other);
    expect(otherAfter.metadata).toEqual(otherBefore.metadata);
    const audits = world.store.audit.list({ entity: 'invoice' }).filter((e) => e.operation === 'update_references');
    expect(audits).toHaveLength(2);
    expect(audits[0]!.before).toMatchObject({ metadata: { owner_email: 'dana@owner-plumbing.com.au' } });
    expect(audits[0]!.after).toMatchObject({ metadata: { owner_email: 'dana.smith@owner-plumbing.com.au' } });

    // Once: the next sync writes nothing, and neither does a staff edit that leaves the email as it is.
    const events = await updatedEvents(world);
    expect((await world.sync()).plan).toEqual([]);
    await world.http.update('staff', dana, { mobile: '0412 345 678' });
    const unrelated = await world.sync();
    expect(unrelated.state, unrelated.error ?? '').toBe('completed');
    expect(unrelated.plan).toEqual([]);
    expect(await updatedEvents(world)).toBe(events);
  });
});
