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

const CLIENTS = 8;
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
    const cycle = await world.sync();
    expect(cycle.state, cycle.error ?? '').toBe('completed');

    // The changes went through: the customer renamed; the sent invoice that no longer
    // matches its job is a question (a sent invoice is never rewritten silently).
    const customer = await world.stripe.customers.retrieve(store.links.byServiceM8Id('client', renamed)!.stripeId);
    expect(customer).toMatchObject({ name: 'Small Change Two Electrical Pty Ltd' });
    expect(store.conflicts.list().filter((c) => c.entity === 'invoice' && c.servicem8Id === edited)).toHaveLength(1);

    // What they touch: the renamed client (its company, contact and customer: by id, by
    // key, and looked up one by one) and the edited job's client and lines. Never every
    // client, contact, customer or line; whole lists only of the account's reference
    // tables (tax rates, categories), whose size does not grow with the data.
    const rows = reads.rows();
    expect(rows['servicem8.company'] ?? 0).toBeLessThanOrEqual(4);
    expect(rows['servicem8.companycontact'] ?? 0).toBeLessThanOrEqual(2);
    expect(rows['stripe.customer'] ?? 0).toBeLessThanOrEqual(4);
    expect(rows['servicem8.jobmaterial'] ?? 0).toBeLessThanOrEqual(lines.length);
    expect(reads.listed().filter((object) => !['servicem8.taxrate', 'servicem8.category', 'servicem8.staff'].includes(object))).toEqual([]);
    world.store.close();
  });
});
