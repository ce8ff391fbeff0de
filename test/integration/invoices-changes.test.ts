// Changes after export, against both simulators: a draft made by hand for a job is
// linked (not duplicated) and updated when the job changes; a hand-made invoice that
// differs is a question, not an overwrite; a finalized invoice whose job changed is a
// question whose every answer does what it says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceWorld, startSides } from '../helpers/invoice-world';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
beforeAll(async () => (sides = await startSides()));
afterAll(() => sides.close());

const cents = (text: unknown) => Math.round(Number(text) * 100); // whole-cent strings only here
const taxOf = (invoice: { total_taxes?: { amount: number }[] | null }) => (invoice.total_taxes ?? []).reduce((s, t) => s + t.amount, 0);

async function linkedCustomer(world: ReturnType<typeof invoiceWorld>, company: string): Promise<string> {
  const customers = await world.stripe.customers.list({ limit: 100 }).autoPagingToArray({ limit: 1000 });
  return customers.find((c) => c.metadata?.servicem8_uuid === company)!.id;
}

function openConflicts(world: ReturnType<typeof invoiceWorld>, kind: string) {
  return world.store.conflicts.list(['open']).filter((c) => c.entity === 'invoice' && c.kind === kind);
}

describe('invoices: changes after export', () => {
  it('links a hand-made draft (no second invoice) and replaces its lines when the job changes', async () => {
    const world = invoiceWorld(sides, tempDir());
    const company = await world.client('Draft Plumbing Pty Ltd');
    const job = await world.job(company, [{ name: 'Labour', quantity: '2', unit: '110.00', inclusive: true }], { complete: false });
    expect((await world.sync()).state).toBe('completed'); // links the client
    const customer = await linkedCustomer(world, company);
    const { draft } = await world.draftByHand(job, customer, { cents: 22000, description: 'Labour' });
    await world.http.update('job', job, { status: 'Completed' });
    await world.http.update('job', job, { invoice_sent: 1 });

    const linked = await world.sync();
    expect(linked.state, linked.error ?? '').toBe('completed');
    expect(await world.invoiceOf(job)).toHaveLength(1);
    expect(world.store.links.byServiceM8Id('invoice', job)?.stripeId).toBe(draft);
    expect((await world.stripe.taxRates.list({ limit: 100 })).data.filter((r) => r.percentage === 10 && r.inclusive)).toHaveLength(1);

    await world.line(job, { name: 'Parts', quantity: '1', unit: '55.00', inclusive: true }, 2);
    const updated = await world.sync();
    expect(updated.entities.find((e) => e.entity === 'invoice')).toMatchObject({ updated: { stripe: 1 } });
    const after = await world.stripe.invoices.retrieve(draft);
    expect(after.status).toBe('draft');
    expect(after.total).toBe(cents((await world.jobRecord(job)).total_invoice_amount));
    expect(after.lines.data.map((l) => l.description)).toEqual(['Labour', 'Parts']);
    expect(taxOf(after)).toBe(2000 + 500);
    expect((await world.sync()).plan).toEqual([]);
  });

  it('asks when a hand-made invoice for the job differs, and makes no second invoice', async () => {
    const world = invoiceWorld(sides, tempDir());
    const company = await world.client('Differs Electrical');
    const job = await world.job(company, [{ name: 'Switchboard', quantity: '1', unit: '880.00', inclusive: true }], { complete: false });
    await world.sync();
    const customer = await linkedCustomer(world, company);
    const number = String((await world.jobRecord(job)).generated_job_id);
    const manual = await world.stripe.invoices.create({
      customer,
      collection_method: 'send_invoice',
      days_until_due: 7,
      custom_fields: [{ name: 'Job', value: number }],
    });
    await world.stripe.invoiceItems.create({ customer, invoice: manual.id, amount: 80000, currency: 'aud', description: 'Switchboard' });
    await world.stripe.invoices.finalizeInvoice(manual.id);
    await world.http.update('job', job, { status: 'Completed' });
    await world.http.update('job', job, { invoice_sent: 1 });
    await world.sync();
    const [question] = openConflicts(world, 'hand_made');
    expect(question).toMatchObject({ servicem8Id: job, stripeId: manual.id });
    expect(question!.detail).toContain(`job number ${number}`);
    expect((await world.stripe.invoices.list({ customer, limit: 10 })).data).toHaveLength(1);
    expect(world.store.invoiceJobs.get(job)?.planState).toBe('needs_approval');

    world.store.conflicts.resolve(question!.id, 'link_as_is');
    await world.sync();
    expect(world.store.links.byServiceM8Id('invoice', job)?.stripeId).toBe(manual.id);
    expect(world.store.conflicts.get(question!.id)?.state).toBe('applied');
    expect(world.store.invoiceJobs.get(job)?.difference).toMatch(/total \$800\.00 in Stripe vs \$880\.00 in ServiceM8/);
    expect((await world.stripe.invoices.list({ customer, limit: 10 })).data).toHaveLength(1);
  });

  it('a finalized invoice whose job changed is a question: leave as is, credit note, void and reissue each do what they say', async () => {
    const world = invoiceWorld(sides, tempDir());
    const company = await world.client('Finalized HVAC');
    const job = await world.job(company, [{ name: 'Split system service', quantity: '2', unit: '165.00', inclusive: true }]);
    await world.sync();
    const [original] = await world.invoiceOf(job);
    expect(original!.total).toBe(33000);
    const material = (await world.http.list('jobmaterial')).find((m) => m.job_uuid === job)!;
    const decide = async (action: string) => {
      const [question] = openConflicts(world, 'finalized_changed');
      expect(question, action).toBeDefined();
      world.store.conflicts.resolve(question!.id, action);
      await world.sync();
      expect(world.store.conflicts.get(question!.id)?.state).toBe('applied');
    };

    // 1. Leave as is: nothing written, the difference recorded.
    await world.http.update('jobmaterial', String(material.uuid), { quantity: '1' });
    await world.sync();
    expect(openConflicts(world, 'finalized_changed')[0]).toMatchObject({
      servicem8Value: { totalCents: 16500 },
      stripeValue: { totalCents: 33000 },
    });
    expect((await world.stripe.invoices.retrieve(original!.id)).total).toBe(33000);
    await decide('leave_as_is');
    expect((await world.stripe.invoices.retrieve(original!.id)).status).toBe('open');
    expect(world.store.invoiceJobs.get(job)?.difference).toMatch(/total \$330\.00 in Stripe vs \$165\.00/);
    expect((await world.sync()).plan).toEqual([]);

    // 2. Credit note for the difference: the job went from $330 to $220; $110 credited.
    await world.http.update('jobmaterial', String(material.uuid), { quantity: '1.3333' });
    await world.sync();
    await world.http.update('jobmaterial', String(material.uuid), { quantity: '2', displayed_amount: '110.00' });
    await world.sync();
    await decide('credit_note_difference');
    const notes = await world.stripe.creditNotes.list({ invoice: original!.id });
    expect(notes.data.map((n) => n.amount)).toEqual([11000]);
    const credited = world.store.invoices.get('stripe', original!.id)!;
    expect(credited.totalIncCents).toBe(22000);
    expect(world.store.invoiceJobs.get(job)?.difference).toBeNull();

    // 3. Void and reissue: the job goes up to $440; the old invoice is void, a new one carries the job.
    await world.http.update('jobmaterial', String(material.uuid), { quantity: '4' });
    await world.sync();
    await decide('void_and_reissue');
    expect((await world.stripe.invoices.retrieve(original!.id)).status).toBe('void');
    const current = (await world.invoiceOf(job)).filter((i) => i.status !== 'void');
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ status: 'open', total: 44000 });
    expect(world.store.links.byServiceM8Id('invoice', job)?.stripeId).toBe(current[0]!.id);
    expect(world.store.invoices.get('stripe', original!.id)?.status).toBe('void');
    expect((await world.sync()).plan).toEqual([]);
  });
});
