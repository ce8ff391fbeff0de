// Reconciliation leaves linked pairs that agree on every compared column in SQLite (only
// pairs that may differ are read). Each pair here differs from an agreeing one in a single
// column: the ones that matter still give their finding, the ones that do not stay quiet,
// and archived links are never checked.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { runReconciliation } from '../../src/main/core/reports/reconciliation';
import type { InvoiceInput } from '../../src/main/core/store/repositories/invoices-repository';
import type { PaymentInput } from '../../src/main/core/store/repositories/payments-repository';
import { Store } from '../../src/main/core/store/store';
import { inc, seedInvoice, seedPayment } from '../helpers/money-seed';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const ZONE = 'Australia/Sydney';
const AT = '2026-03-10T01:00:00Z';

function invoicePair(store: Store, n: number, stripe: Partial<InvoiceInput> = {}, sm8: Partial<InvoiceInput> = {}) {
  const base = { invoiceAt: AT, status: 'open' as const };
  store.invoices.upsert(
    seedInvoice({ ...base, side: 'servicem8', externalId: `job-${n}`, jobNumber: String(n), otherSideId: `in_${n}`, ...sm8 }, [inc(11000)]),
    ZONE,
  );
  store.invoices.upsert(
    seedInvoice({ ...base, side: 'stripe', externalId: `in_${n}`, invoiceNumber: `INV-${n}`, otherSideId: `job-${n}`, ...stripe }, [
      inc(11000),
    ]),
    ZONE,
  );
  return store.links.create({ entity: 'invoice', servicem8Id: `job-${n}`, stripeId: `in_${n}` });
}

function paymentPair(store: Store, n: number, stripe: Partial<PaymentInput> = {}) {
  const base = { paidAt: AT, amountCents: 11000 };
  store.payments.upsert(seedPayment({ ...base, side: 'servicem8', externalId: `pay-${n}`, invoiceExternalId: `job-${n}` }), ZONE);
  store.payments.upsert(seedPayment({ ...base, side: 'stripe', externalId: `ch_${n}`, invoiceExternalId: `in_${n}`, ...stripe }), ZONE);
  return store.links.create({ entity: 'payment', servicem8Id: `pay-${n}`, stripeId: `ch_${n}` });
}

describe('reconciliation of linked pairs that agree', () => {
  it('reports each pair that differs in one compared column, and nothing for agreeing, equivalent or archived ones', () => {
    const store = Store.open(tempDir());
    invoicePair(store, 1); // agrees in full
    invoicePair(store, 2, { status: 'void' }); // void in Stripe only
    invoicePair(store, 3, { status: 'void' }, { status: 'void' }); // void on both sides: nothing due
    invoicePair(store, 4, { status: 'uncollectible' }); // another status, the same paid state (unpaid)
    invoicePair(store, 5, { amountPaidCents: 11000 }); // paid in Stripe only
    invoicePair(store, 6, { invoiceAt: '2026-03-31T14:00:00Z' }); // 1 April in Sydney: another BAS month
    invoicePair(store, 7, { invoiceAt: '2026-03-10T05:00:00Z' }); // another instant, the same day
    const archived = invoicePair(store, 8, { status: 'void' });
    store.links.touch(archived.id, { state: 'archived' });
    store.invoices.upsert(seedInvoice({ side: 'servicem8', externalId: 'job-9', jobNumber: '9', invoiceAt: AT }, [inc(500)]), ZONE);
    store.links.create({ entity: 'invoice', servicem8Id: 'job-9', stripeId: 'in_gone' });

    for (let n = 1; n <= 9; n += 1) invoicePair(store, 10 + n); // partners for the payments below (all agree)
    paymentPair(store, 11); // agrees in full
    paymentPair(store, 12, { amountCents: 10999 });
    paymentPair(store, 13, { kind: 'refund' });
    paymentPair(store, 14, { status: 'failed' });
    const archivedPayment = paymentPair(store, 15, { amountCents: 1 });
    store.links.touch(archivedPayment.id, { state: 'archived' });
    store.payments.upsert(
      seedPayment({ side: 'servicem8', externalId: 'pay-16', invoiceExternalId: 'job-16', amountCents: 100, paidAt: AT }),
      ZONE,
    );
    store.links.create({ entity: 'payment', servicem8Id: 'pay-16', stripeId: 'ch_gone' });

    const report = runReconciliation(store, { settings: DEFAULT_SETTINGS, trigger: 'manual' });
    const found = report.findings.map((f) => `${f.entity} ${f.kind} ${f.servicem8Id ?? '-'} ${f.stripeId ?? '-'}`).sort();
    expect(found).toEqual(
      [
        'invoice missing_in_stripe job-2 in_2',
        'invoice payment_status_mismatch job-5 in_5',
        'invoice field_mismatch job-6 in_6',
        'invoice broken_link job-9 in_gone',
        'payment total_mismatch pay-12 ch_12',
        'payment field_mismatch pay-13 ch_13',
        'payment payment_status_mismatch pay-14 ch_14',
        'payment broken_link pay-16 ch_gone',
      ].sort(),
    );
    store.close();
  });
});
