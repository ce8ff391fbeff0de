// The connector's reads and writes for the invoices and payments pairs, against the
// simulator: incremental pulls of every object they need, typed with cents and exact
// quantities; a job payment saved with our uuid (idempotent through dropped answers);
// job updates; and a whole job with its materials made for a Stripe invoice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ServiceM8Client,
  apiKeyAuth,
  createJobWithMaterials,
  saveJobPayment,
  updateJob,
  JobWriteError,
} from '../../src/main/core/connectors/servicem8';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { testClock } from './servicem8-test-helpers';

const GST = 'a1b2c3d4-0001-4a10-8b10-000000000010';
const GST_FREE = 'a1b2c3d4-0002-4a10-8b10-000000000000';
const PULLED = ['job', 'jobmaterial', 'jobpayment', 'taxrate', 'staff', 'category', 'badge'] as const;
const wall = testClock('2026-12-01T02:00:00Z');
let sim: RunningServiceM8Simulator;
let client: ServiceM8Client;

beforeAll(async () => {
  sim = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'off', now: wall.now });
  client = new ServiceM8Client({
    baseUrl: sim.url,
    auth: apiKeyAuth(new MemorySecretStore({ 'servicem8.apiKey': 'sm8-demo-key' })),
    retry: { retries: 8, baseMs: 5, maxMs: 40 },
    limits: { perMinute: 100_000, perDay: 1_000_000 },
    now: wall.now,
  });
});
afterAll(() => sim.close());

/** Dollars text (4 dp) → cents rounded half up, by string surgery: an oracle independent of the connector's toCents. */
const cents = (text: unknown) => {
  const [whole = '0', fraction = ''] = String(text).replace('-', '').split('.');
  const digits = `${fraction}000`;
  const value = Number(whole) * 100 + Number(digits.slice(0, 2)) + (Number(digits[2]) >= 5 ? 1 : 0);
  return (String(text).startsWith('-') ? -1 : 1) * value;
};

describe('ServiceM8 connector: pulls for invoices and payments', () => {
  it('reads every record of each object, typed, nothing rejected; an idle pull costs one request and returns nothing', async () => {
    for (const object of PULLED) {
      const first = await client.listChangedSince(object, null);
      expect(first.rejected, object).toEqual([]);
      expect(first.records.length, object).toBe(sim.store.count(object));
      const before = sim.requestCount;
      const idle = await client.listChangedSince(object, first.cursor);
      expect(idle.records, object).toEqual([]);
      expect(sim.requestCount - before, object).toBe(1);
    }
  });

  it('reads materials and payments exactly: unit amounts in cents, quantities as decimal text, deposits flagged', async () => {
    const materials = (await client.list('jobmaterial')).records;
    for (const wire of sim.store.list('jobmaterial')) {
      const line = materials.find((m) => m.uuid === wire.uuid)!;
      expect(line.unitPriceExTaxCents).toBe(cents(wire.price));
      expect(line.displayedAmountCents).toBe(cents(wire.displayed_amount));
      expect(line.quantity).toBe(wire.quantity);
      expect(line.sortOrder).toBe(Number(wire.sort_order));
      expect(line.displayedAmountIsTaxInclusive).toBe(wire.displayed_amount_is_tax_inclusive === '1');
    }
    const payments = (await client.list('jobpayment')).records;
    expect(payments.some((p) => p.isDeposit)).toBe(true);
    expect(payments.some((p) => !p.isDeposit)).toBe(true);
    const staff = (await client.list('staff')).records;
    expect(staff.map((s) => s.email)).toContain('mark@harboursidepe.com.au');
    const gst = (await client.get('taxrate', GST)).records[0]!;
    expect(gst).toMatchObject({ name: 'GST', ratePercent: '10', isDefault: true });
  });
});

describe('ServiceM8 connector: writes for invoices and payments', () => {
  const jobUuid = 'b0b0b0b0-0000-4000-8000-000000000001';

  it('creates a job with its lines for a Stripe invoice, marks it sent last, and a repeat changes nothing', async () => {
    const company = String(sim.store.list('company')[0]!.uuid);
    const job = {
      uuid: jobUuid,
      companyUuid: company,
      status: 'Completed' as const,
      jobDescription: 'Invoice made in Stripe',
      invoiceSent: true,
      lines: [
        {
          uuid: 'b0b0b0b0-0000-4000-8000-000000000011',
          name: 'Labour',
          quantity: '1.5',
          unitAmountCents: 11000,
          amountIncludesTax: false,
          taxRateUuid: GST,
        },
        {
          uuid: 'b0b0b0b0-0000-4000-8000-000000000012',
          name: 'Mixer tap',
          quantity: '1',
          unitAmountCents: 18995,
          amountIncludesTax: true,
          taxRateUuid: GST,
        },
        {
          uuid: 'b0b0b0b0-0000-4000-8000-000000000013',
          name: 'Permit',
          quantity: '1',
          unitAmountCents: 9835,
          amountIncludesTax: false,
          taxRateUuid: GST_FREE,
        },
      ],
    };
    const jobsBefore = sim.store.count('job');
    await createJobWithMaterials(client, job);
    await createJobWithMaterials(client, job);
    expect(sim.store.count('job')).toBe(jobsBefore + 1);
    const read = (await client.get('job', jobUuid)).records[0]!;
    // 1.5 × 110.00 = 165.00 + 16.50 GST; 189.95 inc.; 98.35 GST-free → 469.80
    expect(read).toMatchObject({ status: 'Completed', invoiceSent: true, totalInvoiceAmountCents: 46980, companyUuid: company });
    const lines = (await client.list('jobmaterial', { filter: [{ field: 'job_uuid', op: 'eq', value: jobUuid }] })).records;
    expect(lines.map((l) => [l.name, l.quantity, l.sortOrder])).toEqual([
      ['Labour', '1.5', 1],
      ['Mixer tap', '1', 2],
      ['Permit', '1', 3],
    ]);
  });

  it('refuses a float quantity or fractional cents before writing anything', async () => {
    const bad = { uuid: 'b0b0b0b0-0000-4000-8000-000000000099', companyUuid: '', status: 'Quote' as const, jobDescription: 'x' };
    const line = {
      uuid: 'b0b0b0b0-0000-4000-8000-000000000098',
      name: 'Tap',
      unitAmountCents: 100,
      amountIncludesTax: false,
      taxRateUuid: GST,
    };
    const before = sim.requestCount;
    await expect(createJobWithMaterials(client, { ...bad, lines: [{ ...line, quantity: '1e3' }] })).rejects.toThrow(JobWriteError);
    await expect(createJobWithMaterials(client, { ...bad, lines: [{ ...line, quantity: '1', unitAmountCents: 10.5 }] })).rejects.toThrow(
      /whole cents/,
    );
    expect(sim.requestCount).toBe(before);
  });

  it('saves a payment with our uuid, once, through dropped answers; full payment sets payment_received', async () => {
    const uuid = 'b0b0b0b0-0000-4000-8000-000000000021';
    sim.faults.configure({ dropAfterWriteRate: 0.7 });
    try {
      await saveJobPayment(client, uuid, {
        jobUuid,
        amountCents: 46980,
        method: 'Stripe',
        paidAt: '2026-11-30T23:15:00Z',
        note: 'pi_3Q123',
      });
    } finally {
      sim.faults.configure({ dropAfterWriteRate: 0 });
    }
    const payments = (await client.list('jobpayment', { filter: [{ field: 'job_uuid', op: 'eq', value: jobUuid }] })).records;
    expect(payments).toHaveLength(1);
    // 23:15 UTC on 30 Nov is 10:15 on 1 Dec in Sydney (AEDT): stored local, read back as the same instant.
    expect(payments[0]).toMatchObject({
      uuid,
      amountCents: 46980,
      method: 'Stripe',
      note: 'pi_3Q123',
      timestamp: '2026-11-30T23:15:00Z',
      isDeposit: false,
    });
    expect(sim.store.get('jobpayment', uuid)?.timestamp).toBe('2026-12-01 10:15:00');
    expect((await client.get('job', jobUuid)).records[0]!.paymentReceived).toBe(true);
  });

  it('updates a job: only the fields given, flags and stamps as the API writes them', async () => {
    wall.advance(60_000);
    const before = sim.store.get('job', jobUuid)!;
    await updateJob(client, jobUuid, { paymentProcessed: true, purchaseOrderNumber: 'PO-778' });
    const after = sim.store.get('job', jobUuid)!;
    expect(after).toMatchObject({ payment_processed: 1, purchase_order_number: 'PO-778', job_description: before.job_description });
    expect(String(after.edit_date) > String(before.edit_date)).toBe(true);
    const requests = sim.requestCount;
    await updateJob(client, jobUuid, {});
    expect(sim.requestCount).toBe(requests); // nothing to send, nothing sent
  });
});
