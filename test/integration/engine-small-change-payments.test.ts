// A payments cycle with two new payments (a card payment in Stripe, a cash payment in
// ServiceM8) reads the payment rows they touch (by id, by job, by derived id), not every
// mirrored payment: counted through a seam on the store's mirror repository.
import { describe, expect, it } from 'vitest';
import { Store } from '../../src/main/core/store/store';
import { countMirrorReads } from '../helpers/mirror-reads';
import { usePaymentWorlds } from '../helpers/payments-world';
import { useTempDirs } from '../helpers/temp-dir';
import { paymentUuidFor } from '../../src/main/core/sync/payments/words';

const tempDir = useTempDirs();
const paymentWorld = usePaymentWorlds(tempDir);

const PAID = 12;

describe('a payments cycle with a few changes', () => {
  it('two new payments read only the payment rows they touch, with many payments mirrored', async () => {
    const { sims, store, sync, invoice } = await paymentWorld();
    for (let n = 0; n < PAID; n += 1) {
      const inv = await invoice(10000 + n);
      if (n % 2 === 0) await sims.payByCard(inv.invoiceId);
      else await sims.addSm8Payment(inv.jobUuid, 10000 + n, 'Cash');
    }
    await sync();
    await sync();
    expect(store.mirror.count('servicem8', 'jobpayment')).toBe(PAID);
    expect(store.mirror.count('stripe', 'charge')).toBe(PAID / 2);

    const card = await invoice(5500);
    const cash = await invoice(7700);
    await sync(); // the two jobs are invoiced, nothing paid yet
    const reads = countMirrorReads(store.mirror);
    const chargeId = await sims.payByCard(card.invoiceId);
    const cashId = await sims.addSm8Payment(cash.jobUuid, 7700, 'Cash');
    await sync();
    // Both went through once each.
    expect(await sims.jobPayments(card.jobUuid)).toHaveLength(1);
    expect(store.links.byStripeId('payment', chargeId)).not.toBeNull();
    expect(store.links.byServiceM8Id('payment', cashId)?.stripeId).toBe(cash.invoiceId);
    expect(await sims.timesPaid(cash.invoiceId)).toBe(1);

    // Each new payment touches its own job's payments and the charge: never every payment row.
    expect(reads.listed()).toEqual([]);
    const rows = reads.rows();
    expect(rows['servicem8.jobpayment'] ?? 0).toBeLessThanOrEqual(6);
    expect(rows['stripe.charge'] ?? 0).toBeLessThanOrEqual(4);
    expect(rows['stripe.refund'] ?? 0).toBe(0);

    // The next cycle sees our own ServiceM8 record of the card payment and does not send it back.
    const again = await sync();
    expect(again.plan).toEqual([]);
    const revenue = await sims.revenue();
    expect(revenue.servicem8).toBe(revenue.stripe);
    store.close();
  });

  it('fills the derived-id lookup once for charges and refunds mirrored before it existed', () => {
    const store = Store.open(tempDir());
    // Rows as a database from before migration 008 holds them: mirrored, not in the lookup.
    store.mirror.upsert({ side: 'stripe', object: 'charge', id: 'ch_old', record: {}, editedAt: null, active: true });
    store.mirror.upsert({ side: 'stripe', object: 'refund', id: 're_old', record: {}, editedAt: null, active: true });
    expect(store.derivedPaymentIds.stripeIdOf(paymentUuidFor('ch_old'))).toBeNull();
    expect(store.derivedPaymentIds.fillOnce(['charge', 'refund'], paymentUuidFor)).toBe(true);
    expect(store.derivedPaymentIds.stripeIdOf(paymentUuidFor('ch_old'))).toBe('ch_old');
    expect(store.derivedPaymentIds.stripeIdOf(paymentUuidFor('re_old'))).toBe('re_old');
    expect(store.derivedPaymentIds.stripeIdOf(paymentUuidFor('ch_other'))).toBeNull();
    expect(store.derivedPaymentIds.fillOnce(['charge', 'refund'], paymentUuidFor)).toBe(false);
    store.close();
  });
});
