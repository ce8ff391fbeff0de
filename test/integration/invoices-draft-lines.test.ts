// A linked draft's lines follow its 5-line job in bulk calls, against both simulators:
// lines changed in place (one update_lines), a line gone (remove_lines), lines added
// (add_lines), never one invoice item per request; the draft's lines are then exactly
// the job's, and the next sync writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceWorld, startSides, type Line } from '../helpers/invoice-world';
import { SM8_KEY } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
beforeAll(async () => (sides = await startSides()));
afterAll(() => sides.close());

type World = ReturnType<typeof invoiceWorld>;

/** Stripe requests per route made by `run`, and how many in all. */
async function requestsOf(run: () => Promise<unknown>): Promise<{ total: number; routes: Record<string, number> }> {
  const before = { ...sides.stripe.stats.routes };
  const count = sides.stripe.requestCount;
  await run();
  const routes: Record<string, number> = {};
  for (const [route, n] of Object.entries(sides.stripe.stats.routes))
    if (n !== (before[route] ?? 0)) routes[route] = n - (before[route] ?? 0);
  return { total: sides.stripe.requestCount - count, routes };
}

async function synced(world: World) {
  const result = await world.sync();
  expect(result.state, result.error ?? '').toBe('completed');
  return result;
}

const FIVE: Line[] = [
  { name: 'Call-out', quantity: '1', unit: '88.00', inclusive: true },
  { name: 'Labour', quantity: '2.5', unit: '110.00', inclusive: true },
  { name: 'Hot water valve', quantity: '1', unit: '64.90', inclusive: true },
  { name: 'Copper fittings', quantity: '4', unit: '7.15', inclusive: true },
  { name: 'Disposal', quantity: '1', unit: '33.00', inclusive: true, taxRate: null },
];

describe('invoices: a linked draft follows its job in bulk line calls', () => {
  it('updates, removes and adds lines in one call each; the lines are exactly the job’s', async () => {
    const world = invoiceWorld(sides, tempDir());
    const company = await world.client('Bulk Lines Plumbing');
    const job = await world.job(company, [FIVE[0]!], { complete: false });
    await synced(world); // links the client
    const customer = world.store.links.byServiceM8Id('client', company)!.stripeId;
    const draft = await world.stripe.invoices.create({
      customer,
      collection_method: 'send_invoice',
      days_until_due: 14,
      metadata: { servicem8_job_uuid: job },
    });
    const rate = (await world.stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: true, country: 'AU' })).id;
    await world.stripe.invoiceItems.create({
      customer,
      invoice: draft.id,
      amount: 8800,
      currency: 'aud',
      description: 'Call-out',
      tax_rates: [rate],
    });
    await world.http.update('job', job, { status: 'Completed' });
    await world.http.update('job', job, { invoice_sent: 1 });
    await synced(world);
    expect(world.store.links.byServiceM8Id('invoice', job)?.stripeId).toBe(draft.id);

    const materials = [(await world.http.list('jobmaterial')).find((m) => m.job_uuid === job)!.uuid as string];
    for (const [index, line] of FIVE.slice(1).entries()) materials.push(await world.line(job, line, index + 2));
    const linesOf = async () => (await world.stripe.invoices.listLineItems(draft.id, { limit: 100 })).data;
    const expectJobLines = async () => {
      const record = await world.jobRecord(job);
      const invoice = await world.stripe.invoices.retrieve(draft.id);
      expect(invoice.status).toBe('draft');
      expect(invoice.total).toBe(Math.round(Number(record.total_invoice_amount) * 100));
      const wanted = (await world.http.list('jobmaterial')).filter((m) => m.job_uuid === job && m.active === 1);
      const lines = await linesOf();
      expect(lines.map((l) => [l.description, l.metadata.servicem8_material_uuid])).toEqual(wanted.map((m) => [m.name, m.uuid]));
      return lines;
    };

    // Four lines added to a one-line draft: the line it has changes in place, the rest come in one add_lines.
    const grown = await requestsOf(() => synced(world));
    expect(grown.routes['POST /v1/invoices/:id/update_lines']).toBe(1);
    expect(grown.routes['POST /v1/invoices/:id/add_lines']).toBe(1);
    expect(Object.keys(grown.routes).filter((r) => r.includes('invoiceitems'))).toEqual([]);
    const five = await expectJobLines();
    expect(five.map((l) => [l.amount, String(l.quantity_decimal), l.taxes?.[0]?.amount ?? null])).toEqual([
      [8800, '1', 800],
      [27500, '2.5', 2500],
      [6490, '1', 590],
      [2860, '4', 260],
      [3300, '1', 0], // no tax rate in ServiceM8: Stripe's GST-free rate
    ]);

    // Every line repriced: one update_lines for all five, the same lines kept. The draft update is 3 requests
    // besides the events feed (the draft read, its lines, its fields); before, the five lines were replaced as
    // invoice items one at a time: 14 requests (5 creates, a list, 5 deletes, 2 reads, the fields).
    for (const [index, uuid] of materials.entries())
      await world.http.update('jobmaterial', uuid, { displayed_amount: (Number(FIVE[index]!.unit) + 1).toFixed(2) });
    const repriced = await requestsOf(() => synced(world));
    const besidesEvents = Object.entries(repriced.routes).filter(([route]) => !route.includes('/v1/events'));
    expect(Object.fromEntries(besidesEvents)).toEqual({
      'GET /v1/invoices/:id': 1,
      'POST /v1/invoices/:id/update_lines': 1,
      'POST /v1/invoices/:id': 1,
    });
    const after = await expectJobLines();
    expect(after.map((l) => l.id)).toEqual(five.map((l) => l.id));
    expect(after.map((l) => l.amount)).toEqual([8900, 27750, 6590, 3260, 3400]);

    // A line deleted in ServiceM8: one remove_lines for it, the rest shifted into place in one update_lines.
    const gone = await fetch(`${sides.sm8.url}/api_1.0/jobmaterial/${materials[2]}.json`, {
      method: 'DELETE',
      headers: { 'X-API-Key': SM8_KEY },
    });
    expect(gone.ok).toBe(true);
    const shrunk = await requestsOf(() => synced(world));
    expect(shrunk.routes['POST /v1/invoices/:id/remove_lines']).toBe(1);
    expect(Object.keys(shrunk.routes).filter((r) => /invoiceitems|add_lines/.test(r))).toEqual([]);
    expect((await expectJobLines()).map((l) => l.amount)).toEqual([8900, 27750, 3260, 3400]);
    const stripeItems = [...sides.stripe.store.invoiceItems.inOrder()].filter((i) => i.invoice === draft.id);
    expect(stripeItems).toHaveLength(4);

    // Nothing changed: nothing written.
    expect((await synced(world)).plan).toEqual([]);
  });
});
