// A linked draft edited by someone else in the Stripe Dashboard (a line repriced and
// renamed, a metadata key added to it, a discount, a line added): the gap is shown, and
// when its job next changes in ServiceM8 the sync puts the draft right in bulk calls, so
// its lines, amounts, GST and line metadata are exactly the job's again, and the sync
// after writes nothing. A line added in the Dashboard and reused for a job's new line
// keeps none of its keys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceWorld, startSides, type Line } from '../helpers/invoice-world';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
beforeAll(async () => (sides = await startSides()));
afterAll(() => sides.close());

type World = ReturnType<typeof invoiceWorld>;

async function synced(world: World) {
  const result = await world.sync();
  expect(result.state, result.error ?? '').toBe('completed');
  return result;
}

/** The Stripe requests `run` makes, per route, leaving out the events feed every cycle reads. */
async function requestsOf(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = { ...sides.stripe.stats.routes };
  await run();
  const made: Record<string, number> = {};
  for (const [route, n] of Object.entries(sides.stripe.stats.routes))
    if (n !== (before[route] ?? 0) && !route.includes('/v1/events')) made[route] = n - (before[route] ?? 0);
  return made;
}

const LINES: Line[] = [
  { name: 'Call-out', quantity: '1', unit: '88.00', inclusive: true },
  { name: 'Labour', quantity: '2.5', unit: '110.00', inclusive: true },
];

/** A hand-made draft for the job, equal to it, which the sync links (as in invoices-draft-lines). */
async function linkedDraft(world: World, client: string) {
  const company = await world.client(client);
  const job = await world.job(company, LINES, { complete: false });
  await synced(world); // links the client
  const customer = world.store.links.byServiceM8Id('client', company)!.stripeId;
  const rate = (await world.stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: true, country: 'AU' })).id;
  const draft = await world.stripe.invoices.create({
    customer,
    collection_method: 'send_invoice',
    days_until_due: 14,
    metadata: { servicem8_job_uuid: job },
  });
  await world.stripe.invoices.addLines(draft.id, {
    lines: [
      { description: 'Call-out', amount: 8800, tax_rates: [rate] },
      { description: 'Labour', amount: 27500, tax_rates: [rate] },
    ],
  });
  await world.http.update('job', job, { status: 'Completed' });
  await world.http.update('job', job, { invoice_sent: 1 });
  await synced(world);
  expect(world.store.links.byServiceM8Id('invoice', job)?.stripeId).toBe(draft.id);
  return { job, draftId: draft.id, rate };
}

describe('invoices: a draft edited in the Stripe Dashboard', () => {
  it('is put right by the next update: lines, amounts, GST and line metadata exactly the job’s', async () => {
    const world = invoiceWorld(sides, tempDir());
    const { job, draftId, rate } = await linkedDraft(world, 'Dashboard Edits Electrical');
    const materials = (await world.http.list('jobmaterial')).filter((m) => m.job_uuid === job);

    // In the Dashboard: the first line repriced, renamed and given a note; a discount on the second; a line added.
    const [first, second] = (await world.stripe.invoices.retrieve(draftId)).lines.data;
    await world.stripe.invoices.updateLines(draftId, {
      lines: [{ id: first!.id, amount: 9900, description: 'Call-out (after hours)', metadata: { dashboard_note: 'ask Sam' } }],
    });
    await world.stripe.invoices.addLines(draftId, { lines: [{ description: 'Site induction', amount: 5500, tax_rates: [rate] }] });
    // Coupons are not modelled by the simulator, so the discount is put on the stored line, as the Dashboard would.
    Object.assign(sides.stripe.store.lines.get(second!.id) as object, { discounts: ['di_dashboard'] });
    const edited = await world.stripe.invoices.retrieve(draftId);
    expect(edited.lines.data[0]!.metadata).toEqual({ dashboard_note: 'ask Sam' });
    expect(edited.total).toBe(9900 + 27500 + 5500);

    // A sync with the job unchanged writes nothing (a draft follows its job's changes, DESIGN.md) but shows the gap.
    expect((await synced(world)).plan).toEqual([]);
    expect(world.store.invoiceJobs.get(job)?.difference).toMatch(/total \$429\.00 in Stripe vs \$363\.00 in ServiceM8/);

    // The job changes in ServiceM8: three hours of labour instead of two and a half.
    const labour = materials.find((m) => m.name === 'Labour')!;
    await world.http.update('jobmaterial', labour.uuid as string, { quantity: '3' });
    const requests = await requestsOf(() => synced(world));
    // The draft read, its two lines set in one call, the Dashboard's line removed in one, its fields; and, once
    // per runner (this is its first write), the GST rate found and tagged and the line product found and made.
    expect(requests).toEqual({
      'GET /v1/tax_rates': 1,
      'POST /v1/tax_rates/:id': 1,
      'GET /v1/products': 1,
      'POST /v1/products': 1,
      'GET /v1/invoices/:id': 1,
      'POST /v1/invoices/:id/update_lines': 1,
      'POST /v1/invoices/:id/remove_lines': 1,
      'POST /v1/invoices/:id': 1,
    });

    const invoice = await world.stripe.invoices.retrieve(draftId);
    const record = await world.jobRecord(job);
    expect(invoice.status).toBe('draft');
    expect(invoice.total).toBe(Math.round(Number(record.total_invoice_amount) * 100));
    // 88.00 incl. GST 8.00; 3 × 110.00 = 330.00 incl. GST 30.00.
    expect(invoice.lines.data.map((l) => [l.description, l.amount, String(l.quantity_decimal), l.taxes?.map((t) => t.amount)])).toEqual([
      ['Call-out', 8800, '1', [800]],
      ['Labour', 33000, '3', [3000]],
    ]);
    expect(invoice.total).toBe(41800);
    expect(invoice.total_taxes?.reduce((sum, t) => sum + t.amount, 0)).toBe(3800);
    const byName = new Map(materials.map((m) => [m.name as string, m.uuid as string]));
    expect(invoice.lines.data.map((l) => l.metadata)).toEqual([
      { servicem8_material_uuid: byName.get('Call-out') },
      { servicem8_material_uuid: byName.get('Labour') },
    ]);
    expect(invoice.lines.data.map((l) => l.discounts)).toEqual([[], []]);
    // The invoice items behind the lines carry the same metadata (the line is the item's view).
    for (const line of invoice.lines.data) {
      const item = await world.stripe.invoiceItems.retrieve(line.parent!.invoice_item_details!.invoice_item);
      expect(item.metadata).toEqual(line.metadata);
    }
    expect([...sides.stripe.store.invoiceItems.inOrder()].filter((i) => i.invoice === draftId)).toHaveLength(2);

    // Nothing changed since: nothing written.
    expect((await synced(world)).plan).toEqual([]);
  });

  it('a line added in the Dashboard, reused in place for a line the job gained, carries only our metadata', async () => {
    const world = invoiceWorld(sides, tempDir());
    const { job, draftId, rate } = await linkedDraft(world, 'Dashboard Lines Plumbing');
    await world.stripe.invoices.addLines(draftId, {
      lines: [{ description: 'Site induction', amount: 5500, tax_rates: [rate], metadata: { dashboard_note: 'ask Sam', po: 'PO-7' } }],
    });
    const dashboardLine = (await world.stripe.invoices.retrieve(draftId)).lines.data[2]!.id;

    // The job gains a third line in ServiceM8: the Dashboard's line is the one set to it (the draft has three).
    const parts = await world.line(job, { name: 'Cable and conduit', quantity: '1', unit: '42.90', inclusive: true }, 3);
    const requests = await requestsOf(() => synced(world));
    expect(requests['POST /v1/invoices/:id/update_lines']).toBe(1);
    expect(Object.keys(requests).filter((route) => /remove_lines|add_lines|invoiceitems/.test(route))).toEqual([]);
    const invoice = await world.stripe.invoices.retrieve(draftId);
    expect(invoice.lines.data.map((l) => [l.id === dashboardLine, l.description, l.amount, l.metadata])).toEqual([
      [false, 'Call-out', 8800, { servicem8_material_uuid: expect.any(String) }],
      [false, 'Labour', 27500, { servicem8_material_uuid: expect.any(String) }],
      [true, 'Cable and conduit', 4290, { servicem8_material_uuid: parts }],
    ]);
    expect(invoice.total_taxes?.reduce((sum, t) => sum + t.amount, 0)).toBe(800 + 2500 + 390);
    expect((await synced(world)).plan).toEqual([]);
  });
});
