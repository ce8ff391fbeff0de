// The invoices pair with the real sync runner, real SQLite and both simulators in
// process: completed, invoiced jobs become finalized, unsent Stripe invoices equal to
// ServiceM8 to the cent (totals from ServiceM8's own total_invoice_amount, GST from an
// independent BigInt oracle); a zero-value job is not sent and says why; a second
// sync writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceWorld, startSides, GST_FREE, type Line } from '../helpers/invoice-world';
import { q, qDecimal, qMul, qRound } from '../helpers/rational-oracle';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
beforeAll(async () => (sides = await startSides()));
afterAll(() => sides.close());

/** GST of a line by an oracle that shares no code with the app: 10 % (or 0), rounded half away from zero per line. */
function oracleGst(lines: Line[]): bigint {
  let gst = 0n;
  for (const line of lines) {
    if (line.taxRate === GST_FREE) continue;
    const amount = qRound(qMul(qDecimal(line.quantity), qMul(qDecimal(line.unit), q(100))));
    gst += line.inclusive ? qRound(q(amount, 11)) : qRound(q(amount, 10));
  }
  return gst;
}

const CASES: Record<string, Line[]> = {
  inclusive: [{ name: 'Hot water unit', quantity: '1', unit: '1650.00', inclusive: true }],
  exclusive: [
    { name: 'Labour', quantity: '2', unit: '95.00', inclusive: false },
    { name: 'Call-out', quantity: '1', unit: '79.95', inclusive: false },
  ],
  mixed: [
    { name: 'Tempering valve', quantity: '1', unit: '189.99', inclusive: true },
    { name: 'Labour', quantity: '1.5', unit: '98.00', inclusive: false },
    { name: 'Council permit', quantity: '1', unit: '46.50', inclusive: false, taxRate: GST_FREE },
  ],
  decimals: [
    { name: 'Copper pipe (m)', quantity: '3.75', unit: '12.33', inclusive: false },
    { name: 'Solder (kg)', quantity: '0.125', unit: '88.88', inclusive: true },
    { name: 'Gas-free item', quantity: '2.5', unit: '9.99', inclusive: true, taxRate: GST_FREE },
  ],
};

describe('invoices: jobs → Stripe invoices', () => {
  it('creates finalized, unsent invoices equal to ServiceM8 to the cent, says why a zero job is not sent, and writes nothing the second time', async () => {
    const world = invoiceWorld(sides, tempDir());
    const jobs: Record<string, string> = {};
    for (const [name, lines] of Object.entries(CASES))
      jobs[name] = await world.job(await world.client(`${name} client Pty Ltd`), lines, { po: `PO-${name}` });
    const zero = await world.job(await world.client('Zero Co'), [{ name: 'Warranty check', quantity: '1', unit: '0.00', inclusive: true }]);
    const quote = await world.job(await world.client('Quote Co'), [{ name: 'Quote only', quantity: '1', unit: '500', inclusive: true }], {
      complete: false,
    });

    const first = await world.sync();
    expect(first.state, first.error ?? '').toBe('completed');
    expect(first.entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 4, servicem8: 0 }, failed: 0 });

    for (const [name, lines] of Object.entries(CASES)) {
      const [invoice, ...others] = await world.invoiceOf(jobs[name]!);
      expect(others, name).toHaveLength(0);
      const job = await world.jobRecord(jobs[name]!);
      const servicem8Total = qRound(qMul(qDecimal(String(job.total_invoice_amount)), q(100)));
      expect(invoice!.status, name).toBe('open');
      expect(invoice!.auto_advance, name).toBe(false);
      expect(invoice!.collection_method).toBe('send_invoice');
      expect(BigInt(invoice!.total), name).toBe(servicem8Total);
      const tax = (invoice!.total_taxes ?? []).reduce((s, t) => s + t.amount, 0);
      expect(BigInt(tax), name).toBe(oracleGst(lines));
      expect(invoice!.custom_fields).toEqual(
        expect.arrayContaining([
          { name: 'Job', value: String(job.generated_job_id) },
          { name: 'PO', value: `PO-${name}` },
        ]),
      );
      expect(invoice!.metadata).toMatchObject({ servicem8_job_uuid: jobs[name], servicem8_job_number: String(job.generated_job_id) });
      // effective_at is the ServiceM8 invoice date (invoice_sent_stamp), not the time of the sync.
      expect(invoice!.effective_at).not.toBeNull();
      expect(invoice!.lines.data).toHaveLength(lines.length);
      const stored = world.store.invoices.get('stripe', invoice!.id)!;
      expect(stored).toMatchObject({ otherSideId: jobs[name], totalIncCents: invoice!.total, gstCents: tax, status: 'open' });
      expect(world.store.invoices.get('servicem8', jobs[name]!)).toMatchObject({
        otherSideId: invoice!.id,
        totalIncCents: invoice!.total,
        gstCents: tax,
      });
    }
    expect(await world.invoiceOf(zero)).toHaveLength(0);
    expect(await world.invoiceOf(quote)).toHaveLength(0);
    expect(world.store.invoiceJobs.get(zero)).toMatchObject({ planState: 'not_sent', reasonCode: 'zero_value' });
    expect(world.store.invoiceJobs.get(zero)!.reason).toMatch(/\$0\.00/);
    expect(world.store.invoiceJobs.get(quote)).toMatchObject({ planState: 'not_sent', reasonCode: 'not_completed' });
    const rates = await world.stripe.taxRates.list({ limit: 100 });
    expect(rates.data.filter((r) => r.percentage === 10 && r.inclusive)).toHaveLength(1);
    expect(rates.data.filter((r) => r.percentage === 10 && !r.inclusive)).toHaveLength(1);

    const second = await world.sync();
    expect(second.plan).toEqual([]);
    expect(second.entities.find((e) => e.entity === 'invoice')).toMatchObject({
      created: { stripe: 0, servicem8: 0 },
      updated: { stripe: 0, servicem8: 0 },
    });
    expect((await world.stripe.invoices.list({ limit: 100 })).data).toHaveLength(4);
  });
});
