// A cycle with a few changes must cost work in proportion to the changes, not to the
// data: it reads the mirror rows its changes touch (by id and by key), never a whole
// object's rows. Counted through a seam on the store's mirror repository (every read).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countMirrorReads } from '../helpers/mirror-reads';
import { invoiceWorld, startSides } from '../helpers/invoice-world';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
beforeAll(async () => (sides = await startSides()));
afterAll(() => sides.close());

const CLIENTS = 20;
const lines = [
  { name: 'Labour', quantity: '1.5', unit: '98.00', inclusive: false },
  { name: 'Parts', quantity: '1', unit: '40.00', inclusive: true },
];

describe('a cycle with a few changes', () => {
  it("reads only the mirror rows its changes touch: one client renamed, one invoiced job's line changed", async () => {
    const world = invoiceWorld(sides, tempDir());
    const companies: string[] = [];
    const jobs: string[] = [];
    for (let n = 0; n < CLIENTS; n += 1) {
      const company = await world.client(`Small Change ${n} Pty Ltd`);
      companies.push(company);
      jobs.push(await world.job(company, lines));
    }
    for (let n = 0; n < 5; n += 1) if ((await world.sync()).plan.length === 0 && n > 0) break;
    const { store } = world;
    expect(store.links.count('client')).toBe(CLIENTS);
    expect(store.links.count('invoice')).toBe(CLIENTS);
    expect(store.mirror.count('servicem8', 'jobmaterial')).toBe(CLIENTS * lines.length);

    const reads = countMirrorReads(store.mirror);
    const renamed = companies[2]!;
    await world.http.update('company', renamed, { name: 'Small Change Two Electrical Pty Ltd' });
    const edited = jobs[5]!;
    const parts = (await world.http.list('jobmaterial')).find((m) => m.job_uuid === edited && m.name === 'Parts')!;
    await world.http.update('jobmaterial', String(parts.uuid), { displayed_amount: '55.00' });
    const added = await world.job(companies[6]!, lines);
    const cycle = await world.sync();
    expect(cycle.state, cycle.error ?? '').toBe('completed');

    // The changes went through: the customer renamed; the sent invoice that no longer
    // matches its job is a question (a sent invoice is never rewritten silently).
    const customer = await world.stripe.customers.retrieve(store.links.byServiceM8Id('client', renamed)!.stripeId);
    expect(customer).toMatchObject({ name: 'Small Change Two Electrical Pty Ltd' });
    expect(store.conflicts.list().filter((c) => c.entity === 'invoice' && c.servicem8Id === edited)).toHaveLength(1);
    expect(await world.invoiceOf(added)).toHaveLength(1);

    // What they touch: the renamed client (its company, contact and customer: by id, by
    // key, and looked up one by one), the edited job's client, invoice and lines, and the
    // Stripe invoices the new job could match (its customer's). Never every client,
    // contact, customer, line or invoice; whole lists only of the account's reference
    // tables (tax rates, categories), whose size does not grow with the data.
    const rows = reads.rows();
    // Three clients touched (renamed, edited job's, new job's), each read at most twice.
    expect(rows['servicem8.company'] ?? 0).toBeLessThanOrEqual(6);
    expect(rows['servicem8.companycontact'] ?? 0).toBeLessThanOrEqual(3);
    expect(rows['stripe.customer'] ?? 0).toBeLessThanOrEqual(6);
    expect(rows['servicem8.jobmaterial'] ?? 0).toBeLessThanOrEqual(lines.length);
    expect(rows['stripe.invoice'] ?? 0).toBeLessThanOrEqual(3);
    expect(reads.listed().filter((object) => !['servicem8.taxrate', 'servicem8.category', 'servicem8.staff'].includes(object))).toEqual([]);
    world.store.close();
  });

  it("finds an invoice made by hand and mirrored earlier, by job number and by metadata, reading only its customer's invoices", async () => {
    const world = invoiceWorld(sides, tempDir());
    const { store } = world;
    const companies: string[] = [];
    for (let n = 0; n < 6; n += 1) {
      companies.push(await world.client(`Hand Made ${n} Pty Ltd`));
      await world.job(companies[n]!, lines);
    }
    const byNumber = await world.job(companies[1]!, lines, { complete: false });
    const byMetadata = await world.job(companies[3]!, lines, { complete: false });
    for (let n = 0; n < 5; n += 1) if ((await world.sync()).plan.length === 0 && n > 0) break;
    const customerOf = (company: string) => store.links.byServiceM8Id('client', company)!.stripeId;
    const number = String((await world.jobRecord(byNumber)).generated_job_id);
    const manual = await world.stripe.invoices.create({
      customer: customerOf(companies[1]!),
      collection_method: 'send_invoice',
      days_until_due: 7,
      custom_fields: [{ name: 'Job', value: number }],
    });
    const draft = await world.stripe.invoices.create({
      customer: customerOf(companies[3]!),
      collection_method: 'send_invoice',
      days_until_due: 7,
      metadata: { servicem8_job_uuid: byMetadata },
    });
    await world.sync(); // mirrors both invoices; neither job is complete yet
    expect(store.mirror.get('stripe', 'invoice', manual.id)).not.toBeNull();
    expect(store.mirror.get('stripe', 'invoice', draft.id)).not.toBeNull();

    const reads = countMirrorReads(store.mirror);
    for (const job of [byNumber, byMetadata]) {
      await world.http.update('job', job, { status: 'Completed' });
      await world.http.update('job', job, { invoice_sent: 1 });
    }
    const cycle = await world.sync();
    expect(cycle.state, cycle.error ?? '').toBe('completed');
    const asked = (job: string) => store.conflicts.list().find((c) => c.kind === 'hand_made' && c.servicem8Id === job);
    expect(asked(byNumber)).toMatchObject({ stripeId: manual.id });
    expect(asked(byMetadata)).toMatchObject({ stripeId: draft.id });
    expect(await world.invoiceOf(byMetadata)).toHaveLength(1); // the hand-made draft, no second invoice
    expect(reads.listed().filter((object) => !['servicem8.taxrate', 'servicem8.category', 'servicem8.staff'].includes(object))).toEqual([]);
    // Each job's customer has its sent invoice and the hand-made one: at most those, read for each of the two jobs, and once more each.
    expect(reads.rows()['stripe.invoice'] ?? 0).toBeLessThanOrEqual(8);
    world.store.close();
  });
});
