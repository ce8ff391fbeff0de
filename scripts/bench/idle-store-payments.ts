// Benchmark helper for idle-store-seed.ts: the payments pair's part of a finished first
// sync, over simulators seeded with paid jobs (paid-jobs.ts). What the pair itself
// leaves, from what it itself reads:
// - the ServiceM8 payments its pull read (passed in) and the Stripe charges, refunds and
//   payouts its port reads on a first run (a full listing, stripe-payments-port.ts),
//   mirrored, with the derived-id lookup filled as the first run fills it;
// - each card payment linked to the ServiceM8 payment recorded for it (the uuid derived
//   from the charge id), each cash payment to the invoice it paid out of band, each with
//   the merge base the write left, and the typed payments table for both sides.
import type { StripeInvoiceRecord } from '../../src/main/core/connectors/stripe/schemas';
import type { StripeConnector } from '../../src/main/core/connectors/stripe/stripe-connector';
import type { Store } from '../../src/main/core/store/store';
import { stripePaymentsPort } from '../../src/main/core/sync/payments/adapters/stripe-payments-port';
import { projectCharge, projectOutOfBand, projectServiceM8 } from '../../src/main/core/sync/payments/project';
import { INVOICE_ENTITY, MIRROR, PAYMENT_ENTITY, type Sm8Payment } from '../../src/main/core/sync/payments/types';
import { paymentUuidFor } from '../../src/main/core/sync/payments/words';

export async function seedPayments(
  store: Store,
  stripe: StripeConnector,
  sm8Payments: readonly Sm8Payment[],
  zone: string,
): Promise<{ card: number; cash: number }> {
  const read = await stripePaymentsPort(stripe).paymentChanges({ events: [], needsFullRescan: true, cursor: null });
  if (read.rejected.length > 0 || read.refunds.length > 0) throw new Error('seed: the Stripe payments are not the paid jobs alone');
  const counts = { card: 0, cash: 0 };
  const base = (p: Sm8Payment) => ({ amountCents: p.amountCents, paidAt: p.paidAt, active: p.active });
  const link = (p: Sm8Payment, stripeId: string) => {
    const made = store.links.create({ entity: PAYMENT_ENTITY, servicem8Id: p.uuid, stripeId, servicem8EditedAt: p.editedAt });
    store.snapshots.merge(made.id, base(p));
    projectServiceM8(store, p, zone, { otherSideId: stripeId });
  };
  store.transaction(() => {
    for (const p of sm8Payments)
      store.mirror.upsert({ side: 'servicem8', object: MIRROR.servicem8, id: p.uuid, record: p, editedAt: p.editedAt, active: p.active });
    for (const c of read.charges) {
      store.mirror.upsert({ side: 'stripe', object: MIRROR.charge, id: c.id, record: c, editedAt: null, active: true });
      store.derivedPaymentIds.put(paymentUuidFor(c.id), c.id);
    }
    store.derivedPaymentIds.fillOnce([MIRROR.charge, MIRROR.refund], paymentUuidFor);
    const byUuid = new Map(sm8Payments.map((p) => [p.uuid, p]));
    for (const c of read.charges) {
      const recorded = byUuid.get(paymentUuidFor(c.id));
      if (!recorded || !c.invoiceId) throw new Error(`seed: charge ${c.id} has no ServiceM8 payment or invoice`);
      link(recorded, c.id);
      projectCharge(store, c, zone, recorded.uuid);
      byUuid.delete(recorded.uuid);
      counts.card += 1;
    }
    // The rest were recorded in ServiceM8 (cash) and marked their job's Stripe invoice paid out of band.
    for (const p of byUuid.values()) {
      const invoiceId = store.links.byServiceM8Id(INVOICE_ENTITY, p.jobUuid)?.stripeId;
      const paidAt = invoiceId ? store.mirror.get<StripeInvoiceRecord>('stripe', 'invoice', invoiceId)?.record.paidAt : null;
      if (!invoiceId || !paidAt) throw new Error(`seed: ServiceM8 payment ${p.uuid} has no paid Stripe invoice`);
      link(p, invoiceId);
      projectOutOfBand(store, { invoiceId, amountCents: p.amountCents, paidAt, paymentUuid: p.uuid }, zone);
      counts.cash += 1;
    }
  });
  return counts;
}
