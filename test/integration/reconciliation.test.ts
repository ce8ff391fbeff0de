// Reconciliation over real SQLite, the typed tables and links filled directly (as the
// invoices and payments pairs will fill them): each kind of finding, no false alarm on
// agreeing pairs or legal GST rounding, hand-made Stripe invoices matched on the first
// run and linked, duplicate questions, and what a second run calls new.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { runReconciliation, type Finding } from '../../src/main/core/reports/reconciliation';
import { Store } from '../../src/main/core/store/store';
import { inc, seedInvoice, seedPayment } from '../helpers/money-seed';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const ZONE = 'Australia/Sydney';
const AT = '2026-03-10T01:00:00Z';

function openStore(now = { value: new Date('2026-04-01T08:00:00.000Z') }) {
  const store = Store.open(tempDir(), { clock: () => now.value });
  clocks.set(store, now);
  return { store, now };
}

function linkedPair(
  store: Store,
  n: number,
  sm8: Parameters<typeof seedInvoice>[1],
  stripe = sm8,
  extra: { stripeMethod?: 'per_line' | 'per_invoice'; sm8Paid?: number; stripePaid?: number } = {},
) {
  store.invoices.upsert(
    seedInvoice(
      {
        side: 'servicem8',
        externalId: `job-${n}`,
        jobNumber: String(n),
        clientName: `Client ${n}`,
        otherSideId: `in_${n}`,
        invoiceAt: AT,
        amountPaidCents: extra.sm8Paid ?? 0,
      },
      sm8,
    ),
    ZONE,
  );
  store.invoices.upsert(
    seedInvoice(
      {
        side: 'stripe',
        externalId: `in_${n}`,
        invoiceNumber: `INV-${n}`,
        clientName: `Client ${n}`,
        otherSideId: `job-${n}`,
        invoiceAt: AT,
        amountPaidCents: extra.stripePaid ?? 0,
      },
      stripe,
      extra.stripeMethod,
    ),
    ZONE,
  );
  store.links.create({ entity: 'invoice', servicem8Id: `job-${n}`, stripeId: `in_${n}` });
}

const clocks = new WeakMap<Store, { value: Date }>();
const run = (store: Store) =>
  runReconciliation(store, { settings: DEFAULT_SETTINGS, trigger: 'manual', clock: () => clocks.get(store)!.value });
const brief = (findings: Finding[]) => findings.map((f) => `${f.entity} ${f.kind} ${f.servicem8Id ?? '-'} ${f.stripeId ?? '-'}`).sort();

describe('reconciliation of invoices and payments', () => {
  it('finds each planted difference, and nothing on pairs that agree or differ only by legal rounding', () => {
    const { store } = openStore();
    linkedPair(store, 1, [inc(11000)]); // agrees
    linkedPair(store, 2, [inc(11000)], [inc(12100)]); // total differs
    // GST-free line on one side, 10 % on the other: same total, GST differs for real.
    linkedPair(store, 3, [inc(11000)], [inc(11000, 0)]);
    // GST-inclusive lines of 5 c, 5 c, 5 c and $1: 9 c per line, 10 c once per invoice (both legal).
    linkedPair(store, 4, [inc(5), inc(5), inc(5), inc(100)], [inc(5), inc(5), inc(5), inc(100)], { stripeMethod: 'per_invoice' });
    linkedPair(store, 5, [inc(5000)], [inc(5000)], { sm8Paid: 5000 }); // paid in ServiceM8, open in Stripe
    // A link whose Stripe invoice is not in the store.
    store.invoices.upsert(seedInvoice({ side: 'servicem8', externalId: 'job-6', jobNumber: '6', invoiceAt: AT }, [inc(1000)]), ZONE);
    store.links.create({ entity: 'invoice', servicem8Id: 'job-6', stripeId: 'in_gone' });
    // Unlinked on either side, and one paid with ServiceM8 Pay (not missing: no Stripe invoice is due).
    store.invoices.upsert(
      seedInvoice({ side: 'servicem8', externalId: 'job-7', jobNumber: '7', clientName: 'Alone Pty', invoiceAt: AT }, [inc(7700)]),
      ZONE,
    );
    store.invoices.upsert(
      seedInvoice({ side: 'stripe', externalId: 'in_8', invoiceNumber: 'INV-8', clientName: 'Stripe Only', invoiceAt: AT }, [inc(8800)]),
      ZONE,
    );
    store.invoices.upsert(seedInvoice({ side: 'servicem8', externalId: 'job-9', jobNumber: '9', invoiceAt: AT }, [inc(9900)]), ZONE);
    store.payments.upsert(
      seedPayment({
        side: 'servicem8',
        externalId: 'pay-9',
        invoiceExternalId: 'job-9',
        amountCents: 9900,
        paidAt: AT,
        servicem8Pay: true,
      }),
      ZONE,
    );
    // A draft job is not an invoice yet.
    store.invoices.upsert(
      seedInvoice({ side: 'servicem8', externalId: 'job-10', jobNumber: '10', status: 'draft', invoiceAt: AT }, [inc(1000)]),
      ZONE,
    );
    // Payments on pair 1: a card payment not in ServiceM8; a linked payment whose amounts differ.
    store.payments.upsert(
      seedPayment({ side: 'stripe', externalId: 'ch_1', invoiceExternalId: 'in_1', amountCents: 11000, paidAt: AT }),
      ZONE,
    );
    store.payments.upsert(
      seedPayment({ side: 'servicem8', externalId: 'pay-5', invoiceExternalId: 'job-5', amountCents: 5000, paidAt: AT }),
      ZONE,
    );
    store.payments.upsert(
      seedPayment({ side: 'stripe', externalId: 'ch_5', invoiceExternalId: 'in_5', amountCents: 4000, paidAt: AT }),
      ZONE,
    );
    store.links.create({ entity: 'payment', servicem8Id: 'pay-5', stripeId: 'ch_5' });

    // The rounding pair really differs: 9 c against 10 c.
    expect([store.invoices.get('servicem8', 'job-4')!.gstCents, store.invoices.get('stripe', 'in_4')!.gstCents]).toEqual([9, 10]);
    const report = run(store);
    expect(brief(report.findings)).toEqual(
      [
        'invoice total_mismatch job-2 in_2',
        'invoice gst_mismatch job-3 in_3',
        'invoice payment_status_mismatch job-5 in_5',
        'invoice broken_link job-6 in_gone',
        'invoice missing_in_stripe job-7 -',
        'invoice missing_in_servicem8 - in_8',
        'payment missing_in_servicem8 - ch_1',
        'payment total_mismatch pay-5 ch_5',
      ].sort(),
    );
    const byKind = Object.fromEntries(report.findings.map((f) => [f.kind + (f.entity === 'payment' ? ':payment' : ''), f]));
    expect(byKind.total_mismatch!.title).toBe('Client 2, job 2 / Stripe invoice INV-2');
    expect(byKind.total_mismatch!.detail).toBe(
      'The totals differ by $11.00: ServiceM8 job 2 has $110.00 and Stripe invoice INV-2 $121.00, GST included.',
    );
    expect(byKind.gst_mismatch!.detail).toMatch(/GST differs by \$10\.00 \(ServiceM8 \$10\.00, Stripe \$0\.00\)/);
    expect(byKind['total_mismatch:payment']!.detail).toBe('ServiceM8 records $50.00 and Stripe $40.00 for the same payment.');
    expect(byKind.missing_in_stripe!.title).toBe('Alone Pty, job 7');
    expect(report.findings.every((f) => f.isNew && f.needsPerson && f.firstSeenAt === report.startedAt)).toBe(true);
    expect(report.summary).toMatchObject({ findings: 8, newFindings: 8, newNeedingPerson: 8, linked: 0 });
  });

  it('a second run: what it saw before is not new and keeps its first-seen time; a new difference is new', () => {
    const { store, now } = openStore();
    linkedPair(store, 2, [inc(11000)], [inc(12100)]);
    const first = run(store);
    now.value = new Date('2026-04-02T08:00:00.000Z');
    store.invoices.upsert(seedInvoice({ side: 'stripe', externalId: 'in_new', invoiceNumber: 'INV-N', invoiceAt: AT }, [inc(500)]), ZONE);
    const second = run(store);
    const old = second.findings.find((f) => f.kind === 'total_mismatch')!;
    expect(old).toMatchObject({ isNew: false, firstSeenAt: first.startedAt });
    expect(second.findings.find((f) => f.stripeId === 'in_new')).toMatchObject({ isNew: true, firstSeenAt: '2026-04-02T08:00:00.000Z' });
    expect(second.summary).toMatchObject({ findings: 2, newFindings: 1, newNeedingPerson: 1 });
    // Fixed, then broken again: new again.
    store.invoices.upsert(seedInvoice({ side: 'stripe', externalId: 'in_2', otherSideId: 'job-2', invoiceAt: AT }, [inc(11000)]), ZONE);
    expect(run(store).findings.some((f) => f.kind === 'total_mismatch')).toBe(false);
    store.invoices.upsert(seedInvoice({ side: 'stripe', externalId: 'in_2', otherSideId: 'job-2', invoiceAt: AT }, [inc(13000)]), ZONE);
    expect(run(store).findings.find((f) => f.kind === 'total_mismatch')).toMatchObject({ isNew: true });
    expect(store.reports.history('reconciliation', 10)).toHaveLength(4);
  });

  it('a write on its way: an unpaired record is left to the sync, a differing pair is reported but needs no person', () => {
    const { store } = openStore();
    store.invoices.upsert(seedInvoice({ side: 'servicem8', externalId: 'job-w', jobNumber: 'W', invoiceAt: AT }, [inc(1000)]), ZONE);
    linkedPair(store, 2, [inc(11000)], [inc(12100)]);
    for (const subject of ['job-w', 'job-2'])
      store.outbox.enqueue({
        entity: 'invoice',
        target: 'stripe',
        operation: 'update',
        subjectId: subject,
        payload: {},
        idempotencyKey: `k-${subject}`,
      });
    const report = run(store);
    expect(report.findings.map((f) => [f.kind, f.servicem8Id, f.needsPerson])).toEqual([['total_mismatch', 'job-2', false]]);
    expect(report.summary).toMatchObject({ newFindings: 1, newNeedingPerson: 0 });
  });
});

describe('first run on existing data: hand-made Stripe invoices', () => {
  function job(store: Store, n: number, cents: number, at = AT, company = 'co-1') {
    store.invoices.upsert(
      seedInvoice(
        {
          side: 'servicem8',
          externalId: `job-${n}`,
          jobNumber: String(1000 + n),
          clientName: 'Harbour Plumbing',
          clientId: company,
          invoiceAt: at,
        },
        [inc(cents)],
      ),
      ZONE,
    );
  }
  function handMade(
    store: Store,
    id: string,
    cents: number,
    refs: { jobUuid?: string; jobNumber?: string; at?: string; customer?: string } = {},
  ) {
    store.invoices.upsert(
      seedInvoice(
        {
          side: 'stripe',
          externalId: id,
          invoiceNumber: id.toUpperCase(),
          clientName: 'Harbour Plumbing Pty Ltd',
          clientId: refs.customer ?? 'cus_1',
          jobUuid: refs.jobUuid ?? null,
          jobNumber: refs.jobNumber ?? null,
          invoiceAt: refs.at ?? AT,
        },
        [inc(cents)],
      ),
      ZONE,
    );
  }

  it('links by metadata uuid, by the Job field, and by customer + total + 7 days; asks when several fit', () => {
    const { store } = openStore();
    store.links.create({ entity: 'client', servicem8Id: 'co-1', stripeId: 'cus_1' });
    job(store, 1, 10000);
    handMade(store, 'in_a', 10000, { jobUuid: 'job-1' });
    job(store, 2, 20000);
    handMade(store, 'in_b', 20000, { jobNumber: '1002' });
    job(store, 3, 30000, '2026-03-10T01:00:00Z');
    handMade(store, 'in_c', 30000, { at: '2026-03-16T23:00:00Z' }); // 6 days 22 hours later
    job(store, 4, 40000);
    handMade(store, 'in_d1', 40000, { at: '2026-03-12T01:00:00Z' });
    handMade(store, 'in_d2', 40000, { at: '2026-03-08T01:00:00Z' });
    job(store, 5, 50000, '2026-03-01T01:00:00Z');
    handMade(store, 'in_e', 50000, { at: '2026-03-08T02:00:00Z' }); // 7 days 1 hour: too far
    job(store, 6, 60000);
    handMade(store, 'in_f', 60000, { customer: 'cus_other' }); // another customer

    const report = run(store);
    const links = ['job-1', 'job-2', 'job-3', 'job-4', 'job-5', 'job-6'].map(
      (id) => store.links.byServiceM8Id('invoice', id)?.stripeId ?? null,
    );
    expect(links).toEqual(['in_a', 'in_b', 'in_c', null, null, null]);
    expect(store.invoices.get('servicem8', 'job-3')?.otherSideId).toBe('in_c');
    expect(store.invoices.get('stripe', 'in_c')?.otherSideId).toBe('job-3');
    expect(report.summary).toMatchObject({ linked: 3, questions: 1 });
    const [question] = store.conflicts.list();
    expect(question).toMatchObject({
      kind: 'duplicate',
      entity: 'invoice',
      servicem8Id: 'job-4',
      dedupeKey: 'invoice:duplicate:servicem8:job-4',
    });
    expect((question!.candidates as { id: string }[]).map((c) => c.id).sort()).toEqual(['in_d1', 'in_d2']);
    expect(brief(report.findings)).toEqual(
      [
        // The client link's records are not in this test's mirror: the link points at nothing.
        'client broken_link co-1 cus_1',
        'invoice duplicate job-4 -',
        'invoice missing_in_servicem8 - in_d1',
        'invoice missing_in_servicem8 - in_d2',
        'invoice missing_in_servicem8 - in_e',
        'invoice missing_in_servicem8 - in_f',
        'invoice missing_in_stripe job-5 -',
        'invoice missing_in_stripe job-6 -',
      ].sort(),
    );
    expect(store.audit.list({ limit: 10 }).filter((e) => e.operation === 'link')).toHaveLength(3);
    // The next run asks nothing again and links nothing twice.
    expect(run(store).summary).toMatchObject({ linked: 0, questions: 0, newFindings: 0 });
    expect(store.conflicts.list()).toHaveLength(1);
  });

  it('a second Stripe invoice for a job already billed is a duplicate, not "missing"', () => {
    const { store } = openStore();
    linkedPair(store, 1, [inc(11000)]);
    store.invoices.upsert(
      seedInvoice({ side: 'stripe', externalId: 'in_again', invoiceNumber: 'INV-AGAIN', jobNumber: '1', invoiceAt: AT }, [inc(11000)]),
      ZONE,
    );
    const report = run(store);
    expect(brief(report.findings)).toEqual(['invoice duplicate job-1 in_again']);
    expect(report.findings[0]!.detail).toBe(
      'Stripe invoice INV-AGAIN ($110.00) is for ServiceM8 job 1, which is already billed by Stripe invoice INV-1: the job may be billed twice.',
    );
  });
});
