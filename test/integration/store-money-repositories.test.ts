import { describe, expect, it } from 'vitest';
import { monthRange } from '../../src/main/core/money/business-day';
import { MIGRATIONS } from '../../src/main/core/store/migrations/index';
import type { InvoiceInput } from '../../src/main/core/store/repositories/invoices-repository';
import type { PaymentInput } from '../../src/main/core/store/repositories/payments-repository';
import { Store } from '../../src/main/core/store/store';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const SYDNEY = 'Australia/Sydney';

function openStore(dir = tempDir()) {
  let now = Date.parse('2026-04-02T00:00:00.000Z');
  const store = Store.open(dir, { clock: () => new Date(now) });
  return { store, dir, advance: (ms: number) => (now += ms) };
}

const invoice = (overrides: Partial<InvoiceInput> = {}): InvoiceInput => ({
  side: 'servicem8',
  externalId: 'job-1',
  jobUuid: 'job-1',
  jobNumber: '1042',
  clientName: 'Harbour Plumbing Pty Ltd',
  clientAbn: '51824753556',
  status: 'open',
  totalIncCents: 11000,
  totalExCents: 10000,
  gstCents: 1000,
  invoiceAt: '2026-03-31T12:59:59Z', // 23:59:59 on 31 March in Sydney (AEDT, +11)
  otherSideId: 'in_1',
  sourceEditedAt: '2026-03-31T12:59:59Z',
  lines: [
    {
      description: 'Labour',
      quantity: '2',
      unitAmountCents: '5000',
      amountCents: 10000,
      taxInclusive: false,
      rateBp: 1000,
      gstCents: 1000,
      exCents: 10000,
      incCents: 11000,
    },
  ],
  ...overrides,
});

const payment = (overrides: Partial<PaymentInput> = {}): PaymentInput => ({
  side: 'stripe',
  externalId: 'ch_1',
  kind: 'payment',
  invoiceExternalId: 'in_1',
  status: 'succeeded',
  amountCents: 11000,
  feeCents: 217,
  feeGstCents: 20,
  payoutId: 'po_1',
  paidAt: '2026-03-31T13:00:00Z', // 00:00 on 1 April in Sydney
  ...overrides,
});

describe('money repositories (real SQLite)', () => {
  it('stores every instant in one UTC form, so a month range holds what the business day says (milliseconds, offsets)', () => {
    const { store } = openStore();
    // 1 April 00:00 in Sydney, as Stripe's connector writes it; and 31 March 23:30 in Sydney with its offset.
    store.invoices.upsert(
      invoice({ side: 'stripe', externalId: 'in_a', invoiceAt: '2026-03-31T13:00:00.000Z', otherSideId: null }),
      SYDNEY,
    );
    store.invoices.upsert(
      invoice({ externalId: 'job-b', jobUuid: 'job-b', invoiceAt: '2026-03-31T23:30:00+11:00', otherSideId: null }),
      SYDNEY,
    );
    const april = monthRange('2026-04', SYDNEY);
    const march = monthRange('2026-03', SYDNEY);
    expect(store.invoices.inRange(april.from, april.to).map((i) => [i.externalId, i.invoiceDate])).toEqual([['in_a', '2026-04-01']]);
    expect(store.invoices.inRange(march.from, march.to).map((i) => [i.externalId, i.invoiceDate])).toEqual([['job-b', '2026-03-31']]);
    expect(store.invoices.get('servicem8', 'job-b')!.invoiceAt).toBe('2026-03-31T12:30:00Z');
    store.payments.upsert(payment({ externalId: 'pay-x', paidAt: '2026-04-01T00:10:00+11:00' }), SYDNEY);
    expect(store.payments.inRange(april.from, april.to).map((p) => p.externalId)).toContain('pay-x');
    store.close();
  });

  it('invoices: upsert with lines, found by id and by side id, filed by the Sydney day', () => {
    const { store } = openStore();
    const id = store.invoices.upsert(invoice(), SYDNEY)!;
    const stored = store.invoices.byId(id)!;
    expect(stored).toMatchObject({
      side: 'servicem8',
      externalId: 'job-1',
      jobNumber: '1042',
      invoiceNumber: null,
      invoiceDate: '2026-03-31',
      invoiceMonth: '2026-03',
      totalIncCents: 11000,
      amountPaidCents: 0,
      currency: 'aud',
      lastSyncedAt: '2026-04-02T00:00:00.000Z',
    });
    expect(stored.lines).toEqual([
      {
        position: 0,
        externalId: null,
        description: 'Labour',
        quantity: '2',
        unitAmountCents: '5000',
        amountCents: 10000,
        taxInclusive: false,
        rateBp: 1000,
        gstCents: 1000,
        exCents: 10000,
        incCents: 11000,
      },
    ]);
    expect(store.invoices.get('servicem8', 'job-1')?.id).toBe(id);
    expect(store.invoices.get('stripe', 'job-1')).toBeNull();
    store.close();
  });

  it('invoices: a newer copy replaces the row and its lines; an older one is kept out', () => {
    const { store, advance } = openStore();
    const id = store.invoices.upsert(invoice(), SYDNEY);
    advance(60_000);
    const newer = invoice({
      sourceEditedAt: '2026-04-01T01:00:00Z',
      status: 'paid',
      totalIncCents: 5500,
      totalExCents: 5000,
      gstCents: 500,
      lines: [
        { quantity: '1', amountCents: 2200, taxInclusive: true, rateBp: 1000, gstCents: 200, exCents: 2000, incCents: 2200 },
        { quantity: '1', amountCents: 3300, taxInclusive: true, rateBp: 1000, gstCents: 300, exCents: 3000, incCents: 3300 },
      ],
    });
    expect(store.invoices.upsert(newer, SYDNEY)).toBe(id);
    expect(store.invoices.upsert(invoice({ sourceEditedAt: '2026-03-01T00:00:00Z' }), SYDNEY)).toBeNull();
    const stored = store.invoices.get('servicem8', 'job-1')!;
    expect(stored).toMatchObject({ status: 'paid', totalIncCents: 5500, lastSyncedAt: '2026-04-02T00:01:00.000Z' });
    expect(stored.lines.map((line) => line.amountCents)).toEqual([2200, 3300]);
    store.close();
  });

  it('invoices: a month holds what falls in it in Sydney, either side of midnight and across the DST change', () => {
    const { store } = openStore();
    store.invoices.upsert(invoice({ externalId: 'march-last', invoiceAt: '2026-03-31T12:59:59Z' }), SYDNEY);
    store.invoices.upsert(invoice({ externalId: 'april-first', invoiceAt: '2026-03-31T13:00:00Z' }), SYDNEY);
    // DST ends 5 April 2026, 03:00 AEDT → 02:00 AEST. 13:30Z on the 5th is 23:30 AEST the same day
    // (with the summer offset it would wrongly be 00:30 on the 6th).
    store.invoices.upsert(invoice({ externalId: 'dst-day', invoiceAt: '2026-04-05T13:30:00Z' }), SYDNEY);
    store.invoices.upsert(invoice({ externalId: 'april-last', invoiceAt: '2026-04-30T13:59:59Z' }), SYDNEY); // 23:59:59 AEST
    store.invoices.upsert(invoice({ externalId: 'may-first', invoiceAt: '2026-04-30T14:00:00Z' }), SYDNEY);
    store.invoices.upsert(invoice({ externalId: 'stripe-april', side: 'stripe', invoiceAt: '2026-04-10T00:00:00Z' }), SYDNEY);
    expect(store.invoices.byMonth('2026-03').map((i) => i.externalId)).toEqual(['march-last']);
    expect(store.invoices.byMonth('2026-04').map((i) => i.externalId)).toEqual(['april-first', 'dst-day', 'stripe-april', 'april-last']);
    expect(store.invoices.byMonth('2026-04', 'stripe').map((i) => i.externalId)).toEqual(['stripe-april']);
    expect(store.invoices.get('servicem8', 'dst-day')?.invoiceDate).toBe('2026-04-05');
    expect(store.invoices.inRange('2026-03-31T13:00:00Z', '2026-04-30T14:00:00Z').map((i) => i.externalId)).toEqual(
      store.invoices.byMonth('2026-04').map((i) => i.externalId),
    );
    expect(store.invoices.byExternalIds('servicem8', ['may-first', 'nope']).map((i) => i.externalId)).toEqual(['may-first']);
    expect(store.invoices.pointingAt(['in_1']).length).toBe(6);
    store.close();
  });

  it('invoices: amounts that are not whole cents or do not add up are refused with the record named', () => {
    const { store } = openStore();
    expect(() => store.invoices.upsert(invoice({ gstCents: 999 }), SYDNEY)).toThrow(
      'servicem8 invoice job-1: ex-GST total 10000 + GST 999 is not the total 11000',
    );
    expect(() => store.invoices.upsert(invoice({ totalIncCents: 110.5 }), SYDNEY)).toThrow(/total must be whole cents, got 110.5/);
    expect(() => store.invoices.upsert(invoice({ invoiceAt: 'not a date' }), SYDNEY)).toThrow(
      /invoice date is not an instant with a time zone/,
    );
    expect(store.invoices.get('servicem8', 'job-1')).toBeNull();
    store.close();
  });

  it('payments and refunds: upsert, by month in Sydney, by invoice, fee and payout kept', () => {
    const { store } = openStore();
    const id = store.payments.upsert(payment(), SYDNEY)!;
    store.payments.upsert(
      payment({
        externalId: 're_1',
        kind: 'refund',
        refundOf: 'ch_1',
        amountCents: 1100,
        feeCents: 0,
        feeGstCents: 0,
        paidAt: '2026-04-20T00:00:00Z',
      }),
      SYDNEY,
    );
    store.payments.upsert(
      payment({
        side: 'servicem8',
        externalId: 'pay-1',
        invoiceExternalId: 'job-1',
        servicem8Pay: true,
        paidAt: '2026-03-31T12:00:00Z',
        otherSideId: 'ch_1',
      }),
      SYDNEY,
    );
    expect(store.payments.byId(id)).toMatchObject({
      paidDate: '2026-04-01',
      paidMonth: '2026-04',
      feeCents: 217,
      feeGstCents: 20,
      payoutId: 'po_1',
      servicem8Pay: false,
    });
    expect(store.payments.byMonth('2026-04').map((p) => p.externalId)).toEqual(['ch_1', 're_1']);
    expect(store.payments.byMonth('2026-03', 'servicem8')).toMatchObject([
      { externalId: 'pay-1', servicem8Pay: true, otherSideId: 'ch_1' },
    ]);
    expect(store.payments.forInvoices('stripe', ['in_1']).map((p) => p.kind)).toEqual(['payment', 'refund']);
    expect(store.payments.inRange('2026-03-31T13:00:00Z', '2026-04-30T14:00:00Z').length).toBe(2);
    expect(() => store.payments.upsert(payment({ amountCents: -5 }), SYDNEY)).toThrow(/must not be negative/);
    expect(store.payments.upsert(payment({ sourceEditedAt: '2026-04-01T00:00:00Z', amountCents: 1 }), SYDNEY)).toBe(id);
    expect(store.payments.upsert(payment({ sourceEditedAt: '2026-03-01T00:00:00Z', amountCents: 2 }), SYDNEY)).toBeNull();
    expect(store.payments.get('stripe', 'ch_1')?.amountCents).toBe(1);
    store.close();
  });

  it('migration 2 upgrades a version-1 database and keeps what was in it', () => {
    const dir = tempDir();
    const v1 = Store.open(dir, { migrations: MIGRATIONS.filter((m) => m.version === 1) });
    v1.links.create({ entity: 'client', servicem8Id: 'sm8-1', stripeId: 'cus_1' });
    v1.close();
    const { store } = openStore(dir);
    expect(store.backupPath).toMatch(/backup-v1-/);
    expect(store.links.count()).toBe(1);
    expect(store.invoices.upsert(invoice(), SYDNEY)).toBeTypeOf('number');
    store.close();
  });
});
