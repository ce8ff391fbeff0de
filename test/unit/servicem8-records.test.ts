// The connector keeps reading both forms live accounts send for the objects the
// invoices and payments pairs use: flags as 1/"1"/true, amounts as strings or numbers,
// sort_order and is_individual as numbers or text; anything else is rejected with a reason.
import { describe, expect, it } from 'vitest';
import { buildSchemas } from '../../src/main/core/connectors/servicem8/records';
import { jobChangeFields, jobLineFields, JobWriteError } from '../../src/main/core/connectors/servicem8/job-writes';
import { parseRows } from '../../src/main/core/connectors/servicem8/read-result';

const schemas = buildSchemas('Australia/Sydney');
const base = { uuid: 'u-1', active: 1, edit_date: '2026-11-10 09:30:00' };
const FLAGS = [
  [1, true],
  ['1', true],
  [true, true],
  [0, false],
  ['0', false],
  [false, false],
] as const;

describe('ServiceM8 records: both wire forms', () => {
  it('reads company.is_individual as the spec\'s "0"/"1" and as the numbers older data has', () => {
    for (const [value, expected] of FLAGS)
      expect(schemas.company.parse({ ...base, name: 'A', is_individual: value }).isIndividual).toBe(expected);
  });

  it('reads job flags and money in either form', () => {
    for (const [value, expected] of FLAGS) {
      const job = schemas.job.parse({
        ...base,
        status: 'Completed',
        invoice_sent: value,
        payment_received: value,
        total_invoice_amount: '10.0000',
      });
      expect([job.invoiceSent, job.paymentReceived]).toEqual([expected, expected]);
    }
    expect(schemas.job.parse({ ...base, status: 'Quote', total_invoice_amount: 1911.35 }).totalInvoiceAmountCents).toBe(191135);
    expect(schemas.job.parse({ ...base, status: 'Quote', total_invoice_amount: '1911.3500' }).totalInvoiceAmountCents).toBe(191135);
  });

  it('reads job materials: sort_order as "3" or 3, quantities exact, the inclusive flag in any form', () => {
    const line = (extra: Record<string, unknown>) =>
      schemas.jobmaterial.parse({ ...base, job_uuid: 'j', quantity: '2.50', price: '41.7273', displayed_amount: 45.9, ...extra });
    expect(line({ sort_order: '3' }).sortOrder).toBe(3);
    expect(line({ sort_order: 3 }).sortOrder).toBe(3);
    expect(line({}).sortOrder).toBe(0);
    expect(line({ quantity: 2.5 }).quantity).toBe('2.5');
    expect(line({}).quantity).toBe('2.5');
    expect(line({}).unitPriceExTaxCents).toBe(4173);
    expect(line({}).displayedAmountCents).toBe(4590);
    // The exact unit as entered, 4 dp kept (the invoices pair builds lines from it, never from rounded cents).
    expect(line({}).displayedAmountDecimal).toBe('45.9');
    expect(line({ displayed_amount: '45.4545' })).toMatchObject({ displayedAmountCents: 4545, displayedAmountDecimal: '45.4545' });
    expect(line({ displayed_amount: '110.0000' }).displayedAmountDecimal).toBe('110');
    expect(() => line({ displayed_amount: '12,50' })).toThrow();
    for (const [value, expected] of FLAGS)
      expect(line({ displayed_amount_is_tax_inclusive: value }).displayedAmountIsTaxInclusive).toBe(expected);
  });

  it('reads payments and their deposit flag in either form; tax rates keep the percentage as text', () => {
    for (const [value, expected] of FLAGS) {
      const payment = schemas.jobpayment.parse({
        ...base,
        job_uuid: 'j',
        amount: '100.00',
        is_deposit: value,
        timestamp: '2026-11-10 09:00:00',
      });
      expect(payment.isDeposit).toBe(expected);
      expect(payment.timestamp).toBe('2026-11-09T22:00:00Z');
    }
    expect(schemas.taxrate.parse({ ...base, name: 'GST', amount: 10, is_default_tax_rate: '1' })).toMatchObject({
      ratePercent: '10',
      isDefault: true,
    });
    expect(schemas.taxrate.parse({ ...base, name: 'GST', amount: '10.0000' }).ratePercent).toBe('10');
  });

  it('reads badges and staff (email lower-cased for matching)', () => {
    expect(schemas.badge.parse({ ...base, name: 'Commercial', automatically_allocated: '0' })).toMatchObject({
      name: 'Commercial',
      automaticallyAllocated: false,
    });
    expect(schemas.staff.parse({ ...base, first: 'Mark', last: 'J', email: ' Mark@Example.com ' }).email).toBe('mark@example.com');
  });

  it('rejects what is neither form, with the field and the reason, and keeps the good rows', () => {
    const result = parseRows(schemas, 'jobmaterial', [
      { ...base, uuid: 'ok', job_uuid: 'j', quantity: '1', price: '1', displayed_amount: '1' },
      { ...base, uuid: 'bad-sort', job_uuid: 'j', quantity: '1', price: '1', displayed_amount: '1', sort_order: '2.5' },
      { ...base, uuid: 'bad-money', job_uuid: 'j', quantity: '1', price: '1,50', displayed_amount: '1' },
      {
        ...base,
        uuid: 'bad-flag',
        job_uuid: 'j',
        quantity: '1',
        price: '1',
        displayed_amount: '1',
        displayed_amount_is_tax_inclusive: 'yes',
      },
    ]);
    expect(result.records.map((r) => r.uuid)).toEqual(['ok']);
    expect(result.rejected.map((r) => [r.uuid, r.reason])).toEqual([
      ['bad-sort', 'sort_order: not a whole number: "2.5"'],
      ['bad-money', 'price: not a money amount: "1,50"'],
      ['bad-flag', 'displayed_amount_is_tax_inclusive: not a 0/1 flag: "yes"'],
    ]);
  });
});

describe('ServiceM8 job writes: wire fields', () => {
  it('writes cents as decimals, flags as 0/1, sort order as text, stamps in the account zone', () => {
    const line = jobLineFields(
      'j',
      { uuid: 'l', name: 'Tap', quantity: '2', unitAmountCents: 18995, amountIncludesTax: true, taxRateUuid: null },
      4,
    );
    expect(line).toMatchObject({
      displayed_amount: '189.95',
      displayed_amount_is_tax_inclusive: '1',
      tax_rate_uuid: '',
      sort_order: '4',
      quantity: '2',
    });
    expect(
      jobChangeFields(
        { paymentReceived: true, invoiceSent: false, completionDate: '2026-11-10T22:00:00Z', badges: ['b-1'] },
        'Australia/Sydney',
      ),
    ).toEqual({
      payment_received: 1,
      invoice_sent: 0,
      completion_date: '2026-11-11 09:00:00',
      badges: '["b-1"]',
    });
    expect(() =>
      jobLineFields('j', { uuid: 'l', name: 'Tap', quantity: '2.5.1', unitAmountCents: 1, amountIncludesTax: false, taxRateUuid: null }, 1),
    ).toThrow(JobWriteError);
  });
});
