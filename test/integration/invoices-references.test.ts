// What the invoices pair keeps in step besides the money, against both simulators:
// open quotes on the client's Stripe customer (written once, beside the clients pair's
// keys, never over them); reference-only changes (PO, site, status) written to a
// finalized invoice without a question, metadata only once it is paid; ServiceM8's own
// job total checked against its lines; and a credit note made by hand in Stripe shown
// on the job, net, in `sm8sync invoices` and the typed rows the GST report reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { listInvoices } from '../../src/main/core/app/invoice-list';
import { buildGstReport } from '../../src/main/core/reports/gst/gst-report';
import { invoiceWorld, startSides } from '../helpers/invoice-world';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
beforeAll(async () => (sides = await startSides()));
afterAll(() => sides.close());

type World = ReturnType<typeof invoiceWorld>;

function customerOf(world: World, company: string): string {
  return world.store.links.byServiceM8Id('client', company)!.stripeId;
}

async function quote(world: World, company: string, number: string, amount: string, quoteDate: string): Promise<string> {
  const job = await world.http.create('job', {
    company_uuid: company,
    status: 'Quote',
    job_description: `Quote ${number}`,
    quote_date: quoteDate,
  });
  await world.line(job, { name: 'Quoted work', quantity: '1', unit: amount, inclusive: true });
  return job;
}

const writesOf = (result: { plan: { operation: string }[] }, operation: string) => result.plan.filter((p) => p.operation === operation);

describe('invoices: quotes on the Stripe customer', () => {
  it('lists open quotes newest first with a count, writes once, keeps the clients pair’s keys and removes the keys when no quote is left', async () => {
    const world = invoiceWorld(sides, tempDir());
    const company = await world.client('Quote Keepers Pty Ltd');
    const older = await quote(world, company, 'older', '880.00', '2026-10-28 09:00:00');
    const newer = await quote(world, company, 'newer', '1234.50', '2026-11-03 10:00:00');
    await world.job(company, [{ name: 'Done job', quantity: '1', unit: '200.00', inclusive: true }]);
    const first = await world.sync();
    expect(first.state, first.error ?? '').toBe('completed');
    const numberOf = async (uuid: string) => String((await world.jobRecord(uuid)).generated_job_id);

    const customerId = customerOf(world, company);
    const customer = await world.stripe.customers.retrieve(customerId);
    expect('deleted' in customer && customer.deleted).toBe(false);
    const metadata = (customer as { metadata: Record<string, string> }).metadata;
    expect(metadata.servicem8_quotes).toBe(`#${await numberOf(newer)} $1,234.50 3 Nov 2026; #${await numberOf(older)} $880.00 28 Oct 2026`);
    expect(metadata.servicem8_quotes_count).toBe('2');
    expect(metadata.servicem8_uuid).toBe(company); // the clients pair's key is still there
    const audit = world.store.audit.list({ entity: 'invoice' }).find((e) => e.operation === 'record_quotes')!;
    expect(audit.message).toContain('Recorded 2 open quotes of Quote Keepers Pty Ltd');

    // Idempotent: the next syncs write nothing to the customer.
    const updatesBefore = (await world.stripe.events.list({ type: 'customer.updated', limit: 100 })).data.filter(
      (e) => (e.data.object as { id: string }).id === customerId,
    ).length;
    expect((await world.sync()).plan).toEqual([]);
    expect((await world.sync()).plan).toEqual([]);
    const updatesAfter = (await world.stripe.events.list({ type: 'customer.updated', limit: 100 })).data.filter(
      (e) => (e.data.object as { id: string }).id === customerId,
    ).length;
    expect(updatesAfter).toBe(updatesBefore);

    // The clients pair writes the customer (a new name) while a quote is won: neither write removes the other's keys.
    await world.http.update('company', company, { name: 'Quote Keepers Group' });
    await world.http.update('job', newer, { status: 'Work Order' });
    const both = await world.sync();
    expect(writesOf(both, 'record_quotes')).toHaveLength(1);
    const after = (await world.stripe.customers.retrieve(customerId)) as { name: string; metadata: Record<string, string> };
    expect(after.name).toBe('Quote Keepers Group');
    expect(after.metadata).toMatchObject({
      servicem8_uuid: company,
      servicem8_quotes: `#${await numberOf(older)} $880.00 28 Oct 2026`,
      servicem8_quotes_count: '1',
    });
    expect((await world.sync()).plan).toEqual([]);

    // The last quote lost: both keys removed, the clients pair's key kept.
    await world.http.update('job', older, { status: 'Unsuccessful' });
    await world.sync();
    const cleared = (await world.stripe.customers.retrieve(customerId)) as { metadata: Record<string, string> };
    expect(cleared.metadata.servicem8_quotes).toBeUndefined();
    expect(cleared.metadata.servicem8_quotes_count).toBeUndefined();
    expect(cleared.metadata.servicem8_uuid).toBe(company);
    expect((await world.sync()).plan).toEqual([]);
  });

  it('refuses in words, writing nothing, when the customer has no room left under Stripe’s 50 metadata keys', async () => {
    const world = invoiceWorld(sides, tempDir());
    const company = await world.client('Crowded Metadata Co');
    await world.sync(); // the client becomes a customer
    const customerId = customerOf(world, company);
    const theirs = Object.fromEntries(Array.from({ length: 47 }, (_, i) => [`crm_field_${i}`, 'x']));
    await world.stripe.customers.update(customerId, { metadata: theirs });
    await quote(world, company, 'crowded', '450.00', '2026-11-10 08:00:00');
    const result = await world.sync();
    expect(result.state, result.error ?? '').toBe('completed');
    const [failed] = world.store.outbox.list({ state: 'failed' }).filter((i) => i.operation === 'record_quotes');
    expect(failed?.lastError).toMatch(/already has 49 metadata keys; Stripe allows 50, so the quotes were not recorded/);
    const customer = (await world.stripe.customers.retrieve(customerId)) as { metadata: Record<string, string> };
    expect(customer.metadata.servicem8_quotes).toBeUndefined();
    expect(Object.keys(customer.metadata)).toHaveLength(49); // 47 of theirs, servicem8_uuid and servicem8_edit_date
  });
});

describe('invoices: reference-only changes on a finalized invoice', () => {
  it('writes a new PO, site and status to an open invoice (custom fields and metadata), metadata only once paid, audited, no question', async () => {
    const world = invoiceWorld(sides, tempDir());
    const company = await world.client('Reference Plumbing');
    const job = await world.job(company, [{ name: 'Blocked drain', quantity: '1', unit: '385.00', inclusive: true }], { po: 'PO-100' });
    await world.sync();
    const [invoice] = await world.invoiceOf(job);
    expect(invoice).toMatchObject({ status: 'open', total: 38500 });

    await world.http.update('job', job, { purchase_order_number: 'PO-200', job_address: '5 Ocean St, Bondi NSW 2026' });
    const changed = await world.sync();
    expect(changed.state, changed.error ?? '').toBe('completed');
    expect(writesOf(changed, 'update_references')).toHaveLength(1);
    const open = await world.stripe.invoices.retrieve(invoice!.id);
    expect(open).toMatchObject({ status: 'open', total: 38500 });
    expect(open.metadata).toMatchObject({ servicem8_po_number: 'PO-200', servicem8_site_address: '5 Ocean St, Bondi NSW 2026' });
    expect(open.custom_fields).toEqual(
      expect.arrayContaining([
        { name: 'PO', value: 'PO-200' },
        { name: 'Site', value: '5 Ocean St, Bondi NSW 2026' },
      ]),
    );
    expect(world.store.conflicts.list(['open']).filter((c) => c.entity === 'invoice')).toHaveLength(0);
    const audit = world.store.audit.list({ entity: 'invoice' }).find((e) => e.operation === 'update_references')!;
    expect(audit.before).toMatchObject({ metadata: { servicem8_po_number: 'PO-100' } });
    expect(audit.after).toMatchObject({ metadata: { servicem8_po_number: 'PO-200' } });
    expect(audit.message).toContain(`job ${String((await world.jobRecord(job)).generated_job_id)}`);
    expect((await world.sync()).plan).toEqual([]);

    // Paid: Stripe keeps only metadata editable, so the PO reaches the metadata and the custom fields stay as paid.
    await world.stripe.invoices.pay(invoice!.id, { paid_out_of_band: true });
    await world.sync();
    await world.http.update('job', job, { purchase_order_number: 'PO-300' });
    const paidSync = await world.sync();
    expect(paidSync.state, paidSync.error ?? '').toBe('completed');
    const paid = await world.stripe.invoices.retrieve(invoice!.id);
    expect(paid.status).toBe('paid');
    expect(paid.metadata?.servicem8_po_number).toBe('PO-300');
    expect(paid.custom_fields).toEqual(expect.arrayContaining([{ name: 'PO', value: 'PO-200' }]));
    expect(world.store.outbox.busySubjects('invoice').size).toBe(0);
    expect((await world.sync()).plan).toEqual([]);

    // An edit that changes nothing the invoice carries but the edit date writes nothing.
    await world.http.update('job', job, { job_description: 'Blocked drain, camera inspection' });
    expect(writesOf(await world.sync(), 'update_references')).toHaveLength(0);
  });
});

describe('invoices: totals checked', () => {
  it('a job whose total_invoice_amount differs from its lines is recorded and shown on the invoice', async () => {
    const world = invoiceWorld(sides, tempDir());
    const company = await world.client('Rounding Electrical');
    const job = await world.job(company, [{ name: 'Switchboard upgrade', quantity: '1', unit: '1210.00', inclusive: true }]);
    // ServiceM8 holds a job total its lines do not add up to (how it derives the total is unconfirmed in
    // the reference): the stored total is 1 cent above the lines; a later edit makes the job pulled again.
    const stored = sides.sm8.store.get('job', job)!;
    sides.sm8.store.put('job', { ...stored, total_invoice_amount: '1210.0100' });
    await world.http.update('job', job, { job_description: 'Switchboard upgrade, 3 circuits' });
    await world.sync();
    const [invoice] = await world.invoiceOf(job);
    expect(invoice!.total).toBe(121000); // the lines are what is billed
    const entry = listInvoices(world.store, {}).find((e) => e.jobUuid === job)!;
    expect(entry).toMatchObject({ state: 'sent', servicem8TotalCents: 121000, stripeTotalCents: 121000 });
    expect(entry.reason).toMatch(/ServiceM8's job total is \$1210\.01 but the job's lines add up to \$1210\.00 incl\. GST \(1 c\)/);

    // A job whose total agrees says nothing.
    const fine = await world.job(company, [{ name: 'Smoke alarm', quantity: '2', unit: '95.00', inclusive: false }]);
    await world.sync();
    expect(listInvoices(world.store, {}).find((e) => e.jobUuid === fine)).toMatchObject({ state: 'sent', reason: null });
  });

  it('a credit note made by hand in Stripe shows on the job, net, in the list and the typed rows', async () => {
    const world = invoiceWorld(sides, tempDir());
    const company = await world.client('Credit Note Roofing');
    const job = await world.job(company, [{ name: 'Gutter replacement', quantity: '1', unit: '2200.00', inclusive: true }]);
    await world.sync();
    const [invoice] = await world.invoiceOf(job);
    expect(invoice!.total).toBe(220000);
    await world.stripe.creditNotes.create({ invoice: invoice!.id, amount: 22000, reason: 'order_change' });
    const after = await world.sync();
    expect(after.plan).toEqual([]); // nothing is written back: the difference is shown, not fixed
    const entry = listInvoices(world.store, {}).find((e) => e.jobUuid === job)!;
    expect(entry).toMatchObject({ state: 'sent', servicem8TotalCents: 220000, stripeTotalCents: 198000, stripeGstCents: 18000 });
    expect(entry.reason).toMatch(/total \$1980\.00 in Stripe vs \$2200\.00 in ServiceM8/);
    const stripeRow = world.store.invoices.get('stripe', invoice!.id)!;
    expect(stripeRow).toMatchObject({ totalIncCents: 198000, gstCents: 18000 });
    // The GST report of the invoice's month reads the same rows: Stripe's side is net of the credit note.
    const month = DateTime.fromISO(stripeRow.invoiceAt, { zone: 'utc' }).setZone('Australia/Sydney').toFormat('yyyy-MM');
    const report = buildGstReport(world.store, { month, basis: 'accrual', zone: 'Australia/Sydney', all: true });
    expect(report.rows.find((r) => r.servicem8JobUuid === job)).toMatchObject({
      servicem8TotalInc: 220000,
      servicem8Gst: 20000,
      stripeTotalInc: 198000,
      stripeGst: 18000,
      differenceTotal: -22000,
    });
  });
});
