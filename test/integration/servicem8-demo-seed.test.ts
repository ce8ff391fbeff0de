// The demo month (November 2026) in the ServiceM8 simulator: a small Sydney business's
// month with jobs in every state the invoices and payments pairs handle, and the
// notable jobs' description (for the Stripe seed) checked value by value against what
// the seed actually wrote. GST is recomputed here from the lines, independently.
import { DateTime } from 'luxon';
import { beforeAll, describe, expect, it } from 'vitest';
import { NOTABLE_JOBS } from '../../src/main/simulators/servicem8/seed/demo-notable-jobs';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';
import type { WireRecord } from '../../src/main/simulators/servicem8/store';

let sim: RunningServiceM8Simulator;
let rows: Record<string, WireRecord[]>;

beforeAll(async () => {
  sim = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'off' });
  rows = Object.fromEntries(
    ['company', 'companycontact', 'job', 'jobmaterial', 'jobpayment', 'staff', 'badge', 'category', 'taxrate', 'material'].map((o) => [
      o,
      sim.store.list(o),
    ]),
  );
  await sim.close();
});

/** "1234.5600" → 123456, half up at the third decimal (string arithmetic, no floats). */
function cents(text: unknown): number {
  const [whole = '0', fraction = ''] = String(text).split('.');
  const digits = `${fraction}000`;
  return Number(whole) * 100 + Number(digits.slice(0, 2)) + (Number(digits[2]) >= 5 ? 1 : 0);
}
const divRound = (a: number, b: number) => Math.floor((2 * a + b) / (2 * b));
const utc = (naive: unknown) => DateTime.fromSQL(String(naive), { zone: 'Australia/Sydney' }).toUTC().toISO({ suppressMilliseconds: true });

/** GST of a job's active lines, line by line: inclusive lines carry 1/11 of their amount (at 10%), exclusive ones rate × amount. */
function gstOf(jobUuid: string): number {
  let gst = 0;
  for (const line of rows.jobmaterial!.filter((m) => m.job_uuid === jobUuid && m.active === 1)) {
    const rate = Number(rows.taxrate!.find((t) => t.uuid === line.tax_rate_uuid)?.amount ?? 0);
    const quantity = Number(line.quantity);
    expect(Number.isInteger(quantity), 'notable lines have whole quantities').toBe(true);
    if (line.displayed_amount_is_tax_inclusive === '1') {
      const inc = quantity * cents(line.displayed_amount);
      gst += inc - divRound(inc * 100, 100 + rate);
    } else gst += divRound(quantity * cents(line.price) * rate, 100);
  }
  return gst;
}

describe('demo seed: the notable jobs description matches the seeded account', () => {
  for (const notable of Object.values(NOTABLE_JOBS)) {
    it(`${notable.key}: ${notable.why}`, () => {
      const job = rows.job!.find((j) => j.uuid === notable.jobUuid)!;
      const company = rows.company!.find((c) => c.uuid === job.company_uuid)!;
      const billing = rows.companycontact!.find((c) => c.company_uuid === company.uuid && c.type === 'BILLING')!;
      const payments = rows.jobpayment!.filter((p) => p.job_uuid === job.uuid && p.active === 1);
      expect({
        jobNumber: job.generated_job_id,
        clientUuid: company.uuid,
        clientName: company.name,
        clientEmail: billing.email,
        status: job.status,
        invoiceSent: job.invoice_sent === 1,
        invoiceSentAt: job.invoice_sent === 1 ? utc(job.invoice_sent_stamp) : null,
        totalCents: cents(job.total_invoice_amount),
        gstCents: gstOf(notable.jobUuid),
        paidCents: payments.reduce((sum, p) => sum + cents(p.amount), 0),
        paymentReceived: job.payment_received === 1,
        payments: payments.map((p) => ({
          uuid: p.uuid,
          amountCents: cents(p.amount),
          method: p.method,
          paidAt: utc(p.timestamp),
          isDeposit: p.is_deposit === 1,
        })),
      }).toEqual({
        jobNumber: notable.jobNumber,
        clientUuid: notable.clientUuid,
        clientName: notable.clientName,
        clientEmail: notable.clientEmail,
        status: notable.status,
        invoiceSent: notable.invoiceSent,
        invoiceSentAt: notable.invoiceSentAt,
        totalCents: notable.totalCents,
        gstCents: notable.gstCents,
        paidCents: notable.paidCents,
        paymentReceived: notable.paymentReceived,
        payments: notable.payments,
      });
    });
  }
});

describe('demo seed: a month of a small Sydney plumbing business', () => {
  it('has about 40 clients and 120 jobs, all written during working days of November 2026, Sydney time', () => {
    expect(rows.company).toHaveLength(40);
    expect(rows.job).toHaveLength(120);
    for (const object of ['job', 'jobmaterial', 'jobpayment'])
      for (const record of rows[object]!) expect(String(record.edit_date), object).toMatch(/^2026-11-(0[2-9]|[12]\d|30) (0[7-9]|1[0-7]):/);
    const numbers = rows.job!.map((j) => Number(j.generated_job_id)).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it('has jobs in every state: quotes (sent and not), work orders, completed, invoiced, paid in part and in full, deposits, lost', () => {
    const jobs = rows.job!;
    const paid = (j: WireRecord) => rows.jobpayment!.filter((p) => p.job_uuid === j.uuid).reduce((s, p) => s + cents(p.amount), 0);
    const counts = {
      quoteUnsent: jobs.filter((j) => j.status === 'Quote' && j.quote_sent === 0).length,
      quoteSent: jobs.filter((j) => j.status === 'Quote' && j.quote_sent === 1).length,
      workOrder: jobs.filter((j) => j.status === 'Work Order').length,
      completedNotInvoiced: jobs.filter((j) => j.status === 'Completed' && j.invoice_sent === 0).length,
      invoicedUnpaid: jobs.filter((j) => j.invoice_sent === 1 && paid(j) === 0 && cents(j.total_invoice_amount) > 0).length,
      partPaid: jobs.filter((j) => j.invoice_sent === 1 && paid(j) > 0 && j.payment_received === 0).length,
      paidInFull: jobs.filter((j) => j.payment_received === 1).length,
      lost: jobs.filter((j) => j.status === 'Unsuccessful').length,
      deposits: rows.jobpayment!.filter((p) => p.is_deposit === 1).length,
      servicem8Pay: rows.jobpayment!.filter((p) => p.method === 'Stripe').length,
    };
    for (const [state, count] of Object.entries(counts)) expect(count, state).toBeGreaterThan(0);
    expect(counts.paidInFull).toBeGreaterThanOrEqual(15);
  });

  it('has staff with emails, badges referenced by uuid, categories, a materials catalogue and both tax rates in use', () => {
    expect(rows.staff!.find((s) => s.job_title === 'Owner / Master Plumber')?.email).toBe('mark@harboursidepe.com.au');
    const badgeUuids = new Set(rows.badge!.map((b) => b.uuid));
    expect(rows.badge!.map((b) => b.name)).toEqual(expect.arrayContaining(['Commercial', 'Strata', 'VIP', 'Warranty']));
    const used = [...rows.company!, ...rows.job!].flatMap((r) => JSON.parse(String(r.badges)) as string[]);
    expect(used.length).toBeGreaterThan(20);
    expect(used.filter((uuid) => !badgeUuids.has(uuid))).toEqual([]);
    const staff = new Set(rows.staff!.map((s) => s.uuid));
    expect(rows.job!.every((j) => staff.has(j.created_by_staff_uuid))).toBe(true);
    expect(rows.category!.length).toBeGreaterThanOrEqual(4);
    const materials = new Set(rows.material!.map((m) => m.uuid));
    expect(rows.jobmaterial!.filter((m) => m.material_uuid !== '' && !materials.has(m.material_uuid))).toEqual([]);
    const rates = new Set(rows.jobmaterial!.map((m) => m.tax_rate_uuid));
    expect(rates).toEqual(new Set(rows.taxrate!.map((t) => t.uuid)));
    expect(rows.jobmaterial!.some((m) => m.displayed_amount_is_tax_inclusive === '1')).toBe(true);
  });
});
