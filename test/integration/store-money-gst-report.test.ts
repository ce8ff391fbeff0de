// The month-end GST report over real SQLite: statuses, reasons, totals, both bases,
// Sydney month boundaries and daylight saving, and the CSV read back by csv-parse.
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { monthRange } from '../../src/main/core/money/business-day';
import { buildGstReport, GST_CSV_COLUMNS, gstCsv, writeGstReport, type GstRow } from '../../src/main/core/reports/gst';
import { Store } from '../../src/main/core/store/store';
import { ex, inc, seedInvoice, seedPayment } from '../helpers/money-seed';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const SYDNEY = 'Australia/Sydney';
const MARCH = '2026-03-10T01:00:00Z';

function openStore() {
  return Store.open(tempDir(), { clock: () => new Date('2026-04-02T00:00:00.000Z') });
}

/** A ServiceM8 job and its Stripe invoice, linked both ways. */
function pair(
  store: Store,
  n: number,
  sm8Lines: ReturnType<typeof inc>[],
  stripeLines = sm8Lines,
  extra: { sm8At?: string; stripeAt?: string; stripeMethod?: 'per_line' | 'per_invoice' } = {},
) {
  store.invoices.upsert(
    seedInvoice(
      {
        side: 'servicem8',
        externalId: `job-${n}`,
        jobNumber: String(n),
        otherSideId: `in_${n}`,
        clientName: `Client ${n}`,
        invoiceAt: extra.sm8At ?? MARCH,
      },
      sm8Lines,
    ),
    SYDNEY,
  );
  store.invoices.upsert(
    seedInvoice(
      {
        side: 'stripe',
        externalId: `in_${n}`,
        invoiceNumber: `INV-${n}`,
        otherSideId: `job-${n}`,
        clientName: `Client ${n}`,
        invoiceAt: extra.stripeAt ?? MARCH,
      },
      stripeLines,
      extra.stripeMethod,
    ),
    SYDNEY,
  );
}

const byJob = (rows: GstRow[], job: string) =>
  rows.find((row) => row.servicem8JobNumber === job || row.stripeInvoiceNumber === `INV-${job}`);

describe('GST month-end report (accrual)', () => {
  it('gives every pair a status and a reason, and leaves matched rows out unless asked', () => {
    const store = openStore();
    pair(store, 1, [ex(10000), ex(2000)]);
    pair(store, 2, [inc(16), inc(16), inc(16)], undefined, { stripeMethod: 'per_invoice' }); // GST 3 c per line, 4 c per invoice
    pair(store, 3, [inc(1100, 0)], [inc(1100)]); // GST-free in ServiceM8, taxed in Stripe
    pair(store, 4, [inc(11000)], [inc(11001)]);
    store.invoices.upsert(seedInvoice({ side: 'servicem8', externalId: 'job-5', jobNumber: '5', invoiceAt: MARCH }, [inc(5500)]), SYDNEY);
    store.invoices.upsert(
      seedInvoice({ side: 'stripe', externalId: 'in_6', invoiceNumber: 'INV-6', invoiceAt: MARCH }, [inc(3300)]),
      SYDNEY,
    );
    store.invoices.upsert(seedInvoice({ side: 'servicem8', externalId: 'job-7', jobNumber: '7', invoiceAt: MARCH }, [inc(22000)]), SYDNEY);
    store.payments.upsert(
      seedPayment({
        side: 'servicem8',
        externalId: 'pay-7',
        invoiceExternalId: 'job-7',
        servicem8Pay: true,
        amountCents: 22000,
        paidAt: MARCH,
      }),
      SYDNEY,
    );
    store.payments.upsert(
      seedPayment({
        side: 'stripe',
        externalId: 'ch_7',
        otherSideId: 'pay-7',
        amountCents: 22000,
        feeCents: 368,
        feeGstCents: 33,
        payoutId: 'po_7',
        paidAt: MARCH,
      }),
      SYDNEY,
    );

    const all = buildGstReport(store, { month: '2026-03', basis: 'accrual', zone: SYDNEY, all: true });
    const status = (job: string) => byJob(all.rows, job)?.status;
    expect(['1', '2', '3', '4', '5', '6', '7'].map(status)).toEqual([
      'matched',
      'rounding',
      'gst_differs',
      'total_differs',
      'missing_in_stripe',
      'missing_in_servicem8',
      'servicem8_pay',
    ]);
    expect(byJob(all.rows, '2')).toMatchObject({
      servicem8Gst: 3,
      stripeGst: 4,
      differenceGst: 1,
      differenceTotal: 0,
      servicem8Rounding: 'per_line',
      stripeRounding: 'per_invoice',
      reason:
        'The totals agree; GST differs by 1 cent (ServiceM8 $0.03, Stripe $0.04) only through rounding: ServiceM8 rounds GST per line and Stripe once per invoice; the ATO allows both.',
    });
    expect(byJob(all.rows, '3')?.reason).toBe(
      'The totals agree but GST differs by $1.00 (ServiceM8 $0.00, Stripe $1.00), more than rounding can explain. Check the tax rate of each line.',
    );
    expect(byJob(all.rows, '4')?.reason).toBe(
      'The totals differ by 1 cent: ServiceM8 job 4 has $110.00 and Stripe invoice INV-4 $110.01, GST included.',
    );
    expect(byJob(all.rows, '5')?.reason).toBe('ServiceM8 job 5 ($55.00) has no matching Stripe invoice.');
    expect(byJob(all.rows, '6')?.reason).toBe('Stripe invoice INV-6 ($33.00) has no matching ServiceM8 job.');
    expect(byJob(all.rows, '7')).toMatchObject({
      stripeFee: 368,
      stripeFeeGst: 33,
      payoutId: 'po_7',
      paymentDate: '2026-03-10',
      stripeInvoiceId: null,
    });

    // Totals: ServiceM8 1-5 and 7; Stripe 1-4 and 6.
    const sm8Sales = 13200 + 48 + 1100 + 11000 + 5500 + 22000;
    const stripeSales = 13200 + 48 + 1100 + 11001 + 3300;
    expect(all.totals).toEqual({
      servicem8: { salesCents: sm8Sales, gstCents: 1200 + 3 + 0 + 1000 + 500 + 2000 },
      stripe: { salesCents: stripeSales, gstCents: 1200 + 4 + 100 + 1000 + 300 },
      difference: { salesCents: stripeSales - sm8Sales, gstCents: 1200 + 4 + 100 + 1000 + 300 - (1200 + 3 + 1000 + 500 + 2000) },
    });
    const mismatches = buildGstReport(store, { month: '2026-03', basis: 'accrual', zone: SYDNEY });
    expect(mismatches.rows.map((row) => row.status)).not.toContain('matched');
    expect(mismatches.rows).toHaveLength(6);
    expect(mismatches.totals).toEqual(all.totals);
    store.close();
  });

  it('files invoices by the Sydney day: 23:59:59 on the last day is in, midnight is the next month', () => {
    const store = openStore();
    // 31 March 23:59:59 AEDT in ServiceM8; its Stripe invoice at 1 April 00:00:00 AEDT.
    pair(store, 1, [inc(11000)], undefined, { sm8At: '2026-03-31T12:59:59Z', stripeAt: '2026-03-31T13:00:00Z' });
    // 28 February 23:59:59 AEDT (February) and 1 March 00:00 AEDT (March).
    store.invoices.upsert(
      seedInvoice({ side: 'servicem8', externalId: 'feb', jobNumber: 'F', invoiceAt: '2026-02-28T12:59:59Z' }, [inc(100)]),
      SYDNEY,
    );
    store.invoices.upsert(
      seedInvoice({ side: 'servicem8', externalId: 'mar', jobNumber: 'M', invoiceAt: '2026-02-28T13:00:00Z' }, [inc(200)]),
      SYDNEY,
    );
    const march = buildGstReport(store, { month: '2026-03', basis: 'accrual', zone: SYDNEY, all: true });
    expect(march.rows.map((row) => [row.servicem8JobNumber, row.status, row.servicem8InvoiceDate, row.stripeInvoiceDate])).toEqual([
      ['M', 'missing_in_stripe', '2026-03-01', null],
      ['1', 'missing_in_stripe', '2026-03-31', '2026-04-01'],
    ]);
    expect(byJob(march.rows, '1')?.reason).toBe(
      "Stripe dates Stripe invoice INV-1 2026-04-01, outside 2026-03, so it counts in another month's Stripe sales.",
    );
    expect(march.totals.stripe.salesCents).toBe(0);
    const april = buildGstReport(store, { month: '2026-04', basis: 'accrual', zone: SYDNEY, all: true });
    expect(april.rows.map((row) => [row.stripeInvoiceNumber, row.status])).toEqual([['INV-1', 'missing_in_servicem8']]);
    expect(april.totals).toMatchObject({ servicem8: { salesCents: 0 }, stripe: { salesCents: 11000, gstCents: 1000 } });
    store.close();
  });

  it('knows the month across the daylight-saving changes (April ends on +10, October starts on +10 and ends on +11)', () => {
    expect(monthRange('2026-04', SYDNEY)).toEqual({ from: '2026-03-31T13:00:00Z', to: '2026-04-30T14:00:00Z' });
    expect(monthRange('2026-10', SYDNEY)).toEqual({ from: '2026-09-30T14:00:00Z', to: '2026-10-31T13:00:00Z' });
    const store = openStore();
    const at = (id: string, invoiceAt: string) =>
      store.invoices.upsert(seedInvoice({ side: 'servicem8', externalId: id, jobNumber: id, invoiceAt }, [inc(1100)]), SYDNEY);
    at('apr-30-late', '2026-04-30T13:59:59Z'); // 23:59:59 AEST: April (with the summer offset it would be May)
    at('may-1', '2026-04-30T14:00:00Z');
    at('oct-31-late', '2026-10-31T12:59:59Z'); // 23:59:59 AEDT
    at('nov-1', '2026-10-31T13:00:00Z');
    at('oct-1', '2026-09-30T14:00:00Z'); // 00:00 AEST, before the change on the 4th
    const jobs = (month: string) =>
      buildGstReport(store, { month, basis: 'accrual', zone: SYDNEY, all: true }).rows.map((row) => row.servicem8JobNumber);
    expect(jobs('2026-04')).toEqual(['apr-30-late']);
    expect(jobs('2026-05')).toEqual(['may-1']);
    expect(jobs('2026-10')).toEqual(['oct-1', 'oct-31-late']);
    expect(jobs('2026-11')).toEqual(['nov-1']);
    store.close();
  });

  it('flags invoices of $1,000 or more with neither a buyer name nor an ABN on either side', () => {
    const store = openStore();
    const job = (id: string, cents: number, who: { clientName?: string; clientAbn?: string } = {}) =>
      store.invoices.upsert(
        seedInvoice({ side: 'servicem8', externalId: id, jobNumber: id, invoiceAt: MARCH, ...who }, [inc(cents)]),
        SYDNEY,
      );
    job('big-anon', 100000);
    job('small-anon', 99999);
    job('big-named', 250000, { clientName: 'Bondi Electrical' });
    job('big-abn', 250000, { clientAbn: '51824753556' });
    // Named only on the Stripe side.
    store.invoices.upsert(
      seedInvoice({ side: 'servicem8', externalId: 'big-pair', jobNumber: 'big-pair', otherSideId: 'in_p', invoiceAt: MARCH }, [
        inc(120000),
      ]),
      SYDNEY,
    );
    store.invoices.upsert(
      seedInvoice({ side: 'stripe', externalId: 'in_p', otherSideId: 'big-pair', clientName: 'Named in Stripe', invoiceAt: MARCH }, [
        inc(120000),
      ]),
      SYDNEY,
    );
    const rows = buildGstReport(store, { month: '2026-03', basis: 'accrual', zone: SYDNEY, all: true }).rows;
    const flag = (id: string) => rows.find((row) => row.servicem8JobNumber === id)?.needsBuyerAbn;
    expect(['big-anon', 'small-anon', 'big-named', 'big-abn', 'big-pair'].map(flag)).toEqual([true, false, false, false, false]);
    store.close();
  });

  it('a void Stripe invoice leaves its ServiceM8 job missing in Stripe, with the reason', () => {
    const store = openStore();
    pair(store, 9, [inc(4400)]);
    const voided = store.invoices.get('stripe', 'in_9')!;
    store.invoices.upsert({ ...voided, status: 'void', sourceEditedAt: null }, SYDNEY);
    const rows = buildGstReport(store, { month: '2026-03', basis: 'accrual', zone: SYDNEY }).rows;
    expect(rows).toMatchObject([
      {
        status: 'missing_in_stripe',
        reason: 'Stripe invoice INV-9 is void, so Stripe does not count the sale that ServiceM8 job 9 ($44.00) records.',
      },
    ]);
    store.close();
  });
});

describe('GST month-end report (cash)', () => {
  it('counts only what was paid in the month, with its share of the GST, on each side', () => {
    const store = openStore();
    pair(store, 1, [inc(11000)], undefined, { sm8At: '2026-02-20T01:00:00Z', stripeAt: '2026-02-20T01:00:00Z' });
    // Half paid on 10 March (both sides record it), the rest on 1 April 00:30 AEDT.
    for (const [side, invoice, id, at, amountCents] of [
      ['servicem8', 'job-1', 'pay-a', MARCH, 5500],
      ['stripe', 'in_1', 'ch_a', MARCH, 5500],
      ['servicem8', 'job-1', 'pay-b', '2026-03-31T13:30:00Z', 5500],
      ['stripe', 'in_1', 'ch_b', '2026-03-31T13:30:00Z', 5500],
    ] as const) {
      store.payments.upsert(
        seedPayment({
          side,
          externalId: id,
          invoiceExternalId: invoice,
          amountCents,
          paidAt: at,
          feeCents: side === 'stripe' ? 100 : 0,
          payoutId: side === 'stripe' ? `po_${id}` : null,
        }),
        SYDNEY,
      );
    }
    // Paid in Stripe on 31 March, but recorded in ServiceM8 only on 1 April.
    pair(store, 2, [inc(3300)]);
    store.payments.upsert(
      seedPayment({ side: 'stripe', externalId: 'ch_2', invoiceExternalId: 'in_2', amountCents: 3300, paidAt: '2026-03-31T12:00:00Z' }),
      SYDNEY,
    );
    store.payments.upsert(
      seedPayment({
        side: 'servicem8',
        externalId: 'pay-2',
        invoiceExternalId: 'job-2',
        amountCents: 3300,
        paidAt: '2026-03-31T13:00:00Z',
      }),
      SYDNEY,
    );
    // Paid and partly refunded in March.
    pair(store, 3, [inc(2200)]);
    for (const side of ['servicem8', 'stripe'] as const) {
      const invoice = side === 'servicem8' ? 'job-3' : 'in_3';
      store.payments.upsert(
        seedPayment({ side, externalId: `${side}-p3`, invoiceExternalId: invoice, amountCents: 2200, paidAt: MARCH }),
        SYDNEY,
      );
      store.payments.upsert(
        seedPayment({
          side,
          externalId: `${side}-r3`,
          kind: 'refund',
          invoiceExternalId: invoice,
          amountCents: 1100,
          paidAt: '2026-03-20T01:00:00Z',
        }),
        SYDNEY,
      );
    }

    const march = buildGstReport(store, { month: '2026-03', basis: 'cash', zone: SYDNEY, all: true });
    expect(byJob(march.rows, '1')).toMatchObject({
      status: 'matched',
      servicem8TotalInc: 5500,
      servicem8Gst: 500,
      servicem8TotalEx: 5000,
      stripeTotalInc: 5500,
      stripeGst: 500,
      paymentDate: '2026-03-10',
      stripeFee: 100,
      payoutId: 'po_ch_a',
    });
    expect(byJob(march.rows, '2')).toMatchObject({
      status: 'missing_in_servicem8',
      reason: 'Stripe invoice INV-2 records $33.00 paid in 2026-03, but ServiceM8 records no payment for ServiceM8 job 2 in this month.',
    });
    expect(byJob(march.rows, '3')).toMatchObject({ status: 'matched', servicem8TotalInc: 1100, servicem8Gst: 100, stripeGst: 100 });
    expect(march.totals).toEqual({
      servicem8: { salesCents: 5500 + 1100, gstCents: 500 + 100 },
      stripe: { salesCents: 5500 + 3300 + 1100, gstCents: 500 + 300 + 100 },
      difference: { salesCents: 3300, gstCents: 300 },
    });
    const april = buildGstReport(store, { month: '2026-04', basis: 'cash', zone: SYDNEY, all: true });
    expect(april.rows.map((row) => [row.servicem8JobNumber, row.status, row.paymentDate])).toEqual([
      ['1', 'matched', '2026-04-01'],
      ['2', 'missing_in_stripe', '2026-04-01'],
    ]);
    store.close();
  });
});

describe('GST report CSV', () => {
  it('writes the header and every cell as csv-parse reads them back, with BOM, CRLF and defused text', () => {
    const store = openStore();
    const names = ['=HYPERLINK("http://x","y")', '-Dash Co', '+61 Plumbing', '@home', '\tTabbed', 'Line one\r\nLine "two", Pty'];
    names.forEach((clientName, i) =>
      store.invoices.upsert(
        seedInvoice({ side: 'servicem8', externalId: `job-${i}`, jobNumber: `10${i}`, clientName, invoiceAt: MARCH }, [inc(123450)]),
        SYDNEY,
      ),
    );
    // A credit: negative amounts must stay numbers.
    pair(store, 7, [inc(-1200)], [inc(-1100)]);
    const dir = tempDir();
    const result = writeGstReport(store, {
      month: '2026-03',
      basis: 'accrual',
      zone: SYDNEY,
      file: path.join(dir, 'reports', 'gst-2026-03-accrual.csv'),
    });
    expect(Object.keys(result)).toEqual(['file', 'month', 'basis', 'totals', 'rows']);

    const bytes = readFileSync(result.file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    // Outside quoted cells every line ends in CRLF.
    expect(text.replace(/"(?:[^"]|"")*"/g, '').match(/(?<!\r)\n/g)).toBeNull();

    const cells: string[][] = parse(text, { bom: true, relax_column_count: false });
    expect(cells[0]).toEqual([...GST_CSV_COLUMNS]);
    expect(cells).toHaveLength(1 + names.length + 1);
    const rowFor = (job: string) => cells.find((row) => row[4] === job)!;
    const expectedNames = [
      '\'=HYPERLINK("http://x","y")',
      "'-Dash Co",
      "'+61 Plumbing",
      "'@home",
      "'\tTabbed",
      'Line one\r\nLine "two", Pty',
    ];
    expectedNames.forEach((name, i) => expect(rowFor(`10${i}`)[11]).toBe(name));
    expect(rowFor('100')).toEqual([
      '2026-03',
      'accrual',
      'missing_in_stripe',
      'ServiceM8 job 100 ($1,234.50) has no matching Stripe invoice.',
      '100',
      'job-0',
      '2026-03-10',
      '',
      '',
      '',
      '',
      '\'=HYPERLINK("http://x","y")',
      '',
      '1234.50',
      '1122.27',
      '112.23',
      '',
      '',
      '',
      '',
      '',
      'either',
      '',
      '',
      '',
      '',
      'no',
      '2026-04-02T11:00:00+11:00',
    ]);
    expect(rowFor('7').slice(13, 21)).toEqual(['-12.00', '-10.91', '-1.09', '-11.00', '-10.00', '-1.00', '1.00', '0.09']);
    expect(rowFor('7')[2]).toBe('total_differs');
    expect(result.rows.find((row) => row.servicem8JobNumber === '7')).toMatchObject({
      differenceTotal: 100,
      differenceGst: 9,
      servicem8TotalInc: -1200,
    });
    store.close();
  });

  it('an empty month is a header row only', () => {
    expect(gstCsv([])).toBe(`\uFEFF${GST_CSV_COLUMNS.join(',')}\r\n`);
  });
});
