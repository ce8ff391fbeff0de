// The payments pair end to end: real SQLite, both simulators in-process, the engine with
// a stand-in for the invoices pair (links + store.invoices). Each scenario checks both
// sides over HTTP and that each side's payments add up, to the cent, to what was paid.
import { describe, expect, it } from 'vitest';
import type { SettingsInput } from '../../src/shared/settings';
import { textCents } from '../helpers/payments-sims';
import { usePaymentWorlds } from '../helpers/payments-world';
import { useTempDirs } from '../helpers/temp-dir';

const paymentWorld = usePaymentWorlds(useTempDirs());

async function world(settings: SettingsInput = {}) {
  const w = await paymentWorld(settings);
  const { sims, sync } = w;
  /** A second sync plans nothing and sends nothing to either side. */
  const idle = async () => {
    const before = { sm8: sims.sm8Sim.requestCount, stripe: sims.stripeSim.stats };
    const writesBefore = sims.sm8Sim.store.count('jobpayment');
    const again = await sync();
    expect(again.plan).toEqual([]);
    expect(sims.sm8Sim.store.count('jobpayment')).toBe(writesBefore);
    return before;
  };
  return { ...w, idle };
}

const payment = (entries: { entity: string; created: Record<string, number>; updated: Record<string, number> }[]) =>
  entries.find((e) => e.entity === 'payment')!;

describe('payments: Stripe → ServiceM8', () => {
  it('a card payment reaches ServiceM8 once, with method Stripe, the charge id in the note, the job marked paid, fees kept', async () => {
    const { sims, store, sync, invoice, idle } = await world();
    const inv = await invoice(11000);
    const chargeId = await sims.payByCard(inv.invoiceId);

    const first = await sync();
    expect(payment(first.entities).created).toMatchObject({ servicem8: 1 });
    const rows = await sims.jobPayments(inv.jobUuid);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ method: 'Stripe', active: 1 });
    expect(textCents(rows[0]!.amount)).toBe(11000);
    expect(String(rows[0]!.note)).toContain(chargeId);
    expect(Number((await sims.job(inv.jobUuid)).payment_received)).toBe(1);

    const charge = await sims.stripe.charges.retrieve(chargeId, { expand: ['balance_transaction'] });
    const txn = charge.balance_transaction as { fee: number; fee_details: { type: string; amount: number }[] };
    const stripeRow = store.payments.get('stripe', chargeId)!;
    expect(stripeRow).toMatchObject({
      amountCents: 11000,
      feeCents: txn.fee,
      invoiceExternalId: inv.invoiceId,
      otherSideId: String(rows[0]!.uuid),
    });
    expect(stripeRow.feeGstCents).toBe(txn.fee_details.find((f) => f.type === 'tax')!.amount);
    expect(store.payments.get('servicem8', String(rows[0]!.uuid))).toMatchObject({
      amountCents: 11000,
      otherSideId: chargeId,
      invoiceExternalId: inv.jobUuid,
    });
    const audit = store.audit.list({ entity: 'payment' }).find((e) => e.operation === 'create_job_payment')!;
    expect(audit).toMatchObject({ servicem8Id: rows[0]!.uuid, stripeId: chargeId, outcome: 'success' });
    expect(audit.message).toContain(`$110.00 on job #${inv.jobNumber}`);

    await idle();
    expect(await sims.jobPayments(inv.jobUuid)).toHaveLength(1);
    expect(await sims.revenue()).toEqual({ servicem8: 11000, stripe: 11000 });
  });

  it('a payment re-keyed by hand (same job, amount and day, a card method) is linked, not recorded again', async () => {
    const { sims, store, sync, invoice, idle } = await world();
    const inv = await invoice(8800);
    const chargeId = await sims.payByCard(inv.invoiceId);
    const typed = await sims.addSm8Payment(inv.jobUuid, 8800, 'Credit Card');
    await sync();
    expect(await sims.jobPayments(inv.jobUuid)).toHaveLength(1);
    expect(store.links.byStripeId('payment', chargeId)?.servicem8Id).toBe(typed);
    await idle();
    expect(await sims.revenue()).toEqual({ servicem8: 8800, stripe: 8800 });
  });

  it('two possible ServiceM8 records of one Stripe payment are a duplicate question; linking one records nothing', async () => {
    const { sims, store, sync, invoice, idle } = await world();
    const inv = await invoice(5000);
    const chargeId = await sims.payByCard(inv.invoiceId);
    const a = await sims.addSm8Payment(inv.jobUuid, 5000, 'Credit Card');
    await sims.addSm8Payment(inv.jobUuid, 5000, 'Cash');
    await sync();
    const [question] = store.conflicts.list();
    expect(question).toMatchObject({ kind: 'duplicate', stripeId: chargeId });
    expect(await sims.jobPayments(inv.jobUuid)).toHaveLength(2);
    const invoiceNow = await sims.stripe.invoices.retrieve(inv.invoiceId);
    expect(invoiceNow.amount_paid).toBe(5000); // the Cash candidate did not pay it again
    store.conflicts.resolve(question!.id, 'link', { candidate: a });
    await sync();
    expect(store.links.byStripeId('payment', chargeId)?.servicem8Id).toBe(a);
    expect(store.conflicts.get(question!.id)?.state).toBe('applied');
    expect(await sims.jobPayments(inv.jobUuid)).toHaveLength(2);
    await idle();
  });
});

describe('payments: ServiceM8 → Stripe', () => {
  it('a cash payment of the whole amount marks the Stripe invoice paid out of band, once', async () => {
    const { sims, store, sync, invoice, idle } = await world();
    const inv = await invoice(25000);
    const cash = await sims.addSm8Payment(inv.jobUuid, 25000, 'Cash');
    const first = await sync();
    expect(payment(first.entities).updated).toMatchObject({ stripe: 1 });
    const paid = await sims.stripe.invoices.retrieve(inv.invoiceId);
    expect(paid).toMatchObject({ status: 'paid', amount_paid: 25000, amount_remaining: 0 });
    expect(await sims.timesPaid(inv.invoiceId)).toBe(1);
    expect(store.links.byServiceM8Id('payment', cash)?.stripeId).toBe(inv.invoiceId);
    expect(store.payments.get('stripe', inv.invoiceId)).toMatchObject({
      amountCents: 25000,
      otherSideId: cash,
      method: 'paid out of band',
    });
    const audit = store.audit.list({ entity: 'payment' }).find((e) => e.operation === 'pay_invoice_out_of_band')!;
    expect(audit.message).toContain(`$250.00 paid in ServiceM8 (Cash) on job #${inv.jobNumber}`);
    // The words name no ids; the payment's uuid is in the row's own record of what was written.
    expect(audit.message).not.toContain(cash);
    expect(JSON.stringify(audit.after)).toContain(cash);
    await idle();
    expect(await sims.timesPaid(inv.invoiceId)).toBe(1);
    expect(await sims.revenue()).toEqual({ servicem8: 25000, stripe: 25000 });
  });

  it('a part payment is a question; "record when fully paid" pays the invoice once when the balance arrives', async () => {
    const { sims, store, sync, invoice, idle } = await world();
    const inv = await invoice(30000);
    const deposit = await sims.addSm8Payment(inv.jobUuid, 10000, 'EFT');
    await sync();
    const [question] = store.conflicts.list();
    expect(question).toMatchObject({ kind: 'part_payment', servicem8Id: deposit, stripeId: inv.invoiceId });
    expect(question!.detail).toContain('$100.00');
    expect((await sims.stripe.invoices.retrieve(inv.invoiceId)).status).toBe('open');
    expect(await sims.revenue()).toEqual({ servicem8: 10000, stripe: 0 });

    store.conflicts.resolve(question!.id, 'record_when_fully_paid');
    await sync();
    expect((await sims.stripe.invoices.retrieve(inv.invoiceId)).status).toBe('open');
    const balance = await sims.addSm8Payment(inv.jobUuid, 20000, 'EFT');
    await sync();
    expect(await sims.stripe.invoices.retrieve(inv.invoiceId)).toMatchObject({ status: 'paid', amount_paid: 30000 });
    expect(await sims.timesPaid(inv.invoiceId)).toBe(1);
    expect(store.conflicts.get(question!.id)?.state).toBe('applied');
    expect(store.payments.get('servicem8', deposit)?.otherSideId).toBe(inv.invoiceId);
    expect(store.payments.get('servicem8', balance)?.otherSideId).toBe(inv.invoiceId);
    await idle();
    expect(await sims.revenue()).toEqual({ servicem8: 30000, stripe: 30000 });
  });
});

describe('payments: ServiceM8 Pay', () => {
  it('a charge ServiceM8 took itself is linked to ServiceM8’s own record and never recorded again', async () => {
    const { sims, store, sync, invoice, idle } = await world();
    const inv = await invoice(15400);
    const chargeId = await sims.servicem8PayCharge(inv, 15400);
    await sync();
    // ServiceM8 has not shown its own record yet: nothing is written, the charge waits.
    expect(await sims.jobPayments(inv.jobUuid)).toHaveLength(0);
    expect(store.deferred.list('payment').stripe).toContain(chargeId);
    const own = await sims.addSm8Payment(inv.jobUuid, 15400, 'Credit Card');
    await sync();
    expect(await sims.jobPayments(inv.jobUuid)).toHaveLength(1);
    expect(store.links.byStripeId('payment', chargeId)?.servicem8Id).toBe(own);
    // Paid in full with ServiceM8 Pay: the Stripe invoice no longer asks for the money, marked paid out of band once...
    expect(await sims.stripe.invoices.retrieve(inv.invoiceId)).toMatchObject({ status: 'paid', amount_remaining: 0 });
    expect(await sims.timesPaid(inv.invoiceId)).toBe(1);
    // ...and counted once: the charge is the money; no out-of-band payment is recorded beside it.
    expect(store.payments.get('servicem8', own)).toMatchObject({ servicem8Pay: true, otherSideId: chargeId });
    expect(store.payments.get('stripe', chargeId)).toMatchObject({ servicem8Pay: true, otherSideId: own, invoiceExternalId: null });
    expect(store.payments.get('stripe', inv.invoiceId)).toBeNull();
    expect(store.links.byStripeId('payment', inv.invoiceId)).toBeNull();
    expect(store.audit.list({ entity: 'payment' }).some((e) => e.operation === 'link' && e.message?.includes('ServiceM8 Pay'))).toBe(true);
    const settle = store.audit.list({ entity: 'payment' }).find((e) => e.operation === 'settle_invoice_servicem8_pay')!;
    expect(settle.message).toContain(`ServiceM8 Pay already took $154.00 on job #${inv.jobNumber}; the money is counted once`);
    expect(settle.message).not.toContain(chargeId);
    expect(settle.before).toMatchObject({ status: 'open' });
    await idle();
    expect(await sims.timesPaid(inv.invoiceId)).toBe(1);
    expect(await sims.revenue()).toEqual({ servicem8: 15400, stripe: 15400 });
  });

  it('a part payment with ServiceM8 Pay leaves the Stripe invoice open, asking for the rest', async () => {
    const { sims, store, sync, invoice, idle } = await world();
    const inv = await invoice(20000);
    const chargeId = await sims.servicem8PayCharge(inv, 5000);
    const own = await sims.addSm8Payment(inv.jobUuid, 5000, 'Credit Card');
    await sync();
    expect(store.links.byStripeId('payment', chargeId)?.servicem8Id).toBe(own);
    expect(await sims.stripe.invoices.retrieve(inv.invoiceId)).toMatchObject({ status: 'open', amount_remaining: 20000 });
    expect(store.audit.list({ entity: 'payment' }).some((e) => e.operation === 'settle_invoice_servicem8_pay')).toBe(false);
    await idle();
    expect(await sims.timesPaid(inv.invoiceId)).toBe(0);
  });

  it('paid on site with ServiceM8 Pay before the job was invoiced: the Stripe invoice made later is marked paid once', async () => {
    const { sims, store, sync, idle, register } = await world();
    const registered = await sims.addInvoice(9900); // the job and its invoice exist in ServiceM8 and Stripe...
    const chargeId = await sims.servicem8PayCharge(registered, 9900);
    const own = await sims.addSm8Payment(registered.jobUuid, 9900, 'Credit Card');
    await sync(); // ...but sm8sync has not linked the invoice yet: the charge is linked, the invoice waits
    expect(store.links.byStripeId('payment', chargeId)?.servicem8Id).toBe(own);
    expect(store.deferred.list('payment').servicem8).toContain(`settle:${registered.jobUuid}`);
    expect((await sims.stripe.invoices.retrieve(registered.invoiceId)).status).toBe('open');
    register(registered); // the invoices pair links it
    await sync();
    expect(await sims.stripe.invoices.retrieve(registered.invoiceId)).toMatchObject({ status: 'paid', amount_remaining: 0 });
    expect(store.payments.get('stripe', registered.invoiceId)).toBeNull();
    await idle();
    expect(await sims.timesPaid(registered.invoiceId)).toBe(1);
    expect(await sims.revenue()).toEqual({ servicem8: 9900, stripe: 9900 });
  });
});

describe('payments: refunds, deletions and edits', () => {
  async function paidByCard(w: Awaited<ReturnType<typeof world>>, cents: number) {
    const inv = await w.invoice(cents);
    const chargeId = await w.sims.payByCard(inv.invoiceId);
    await w.sync();
    const [row] = await w.sims.jobPayments(inv.jobUuid);
    return { inv, chargeId, uuid: String(row!.uuid) };
  }

  it('a refund is a question by default; recording it adds one negative job payment', async () => {
    const w = await world();
    const { inv, chargeId } = await paidByCard(w, 20000);
    await w.sims.stripe.refunds.create({ charge: chargeId, amount: 5000 });
    await w.sync();
    const [question] = w.store.conflicts.list();
    expect(question).toMatchObject({ kind: 'refund' });
    expect(await w.sims.jobPayments(inv.jobUuid)).toHaveLength(1);
    expect(await w.sims.revenue()).toEqual({ servicem8: 20000, stripe: 15000 });
    w.store.conflicts.resolve(question!.id, 'record_refund');
    await w.sync();
    const rows = await w.sims.jobPayments(inv.jobUuid);
    expect(rows.map((r) => textCents(r.amount)).sort((a, b) => a - b)).toEqual([-5000, 20000]);
    await w.idle();
    expect(await w.sims.revenue()).toEqual({ servicem8: 15000, stripe: 15000 });
  });

  it('with payments.refunds "record", a refund is recorded at once', async () => {
    const w = await world({ payments: { refunds: 'record' } });
    const { inv, chargeId } = await paidByCard(w, 9900);
    const refund = await w.sims.stripe.refunds.create({ charge: chargeId });
    await w.sync();
    expect(w.store.conflicts.list()).toEqual([]);
    expect((await w.sims.jobPayments(inv.jobUuid)).map((r) => textCents(r.amount)).sort((a, b) => a - b)).toEqual([-9900, 9900]);
    expect(w.store.payments.get('stripe', refund.id)).toMatchObject({ kind: 'refund', amountCents: 9900, refundOf: chargeId });
    await w.idle();
    expect(await w.sims.revenue()).toEqual({ servicem8: 0, stripe: 0 });
  });

  it('a synced payment deleted in ServiceM8 is flagged, Stripe keeps it; restoring puts it back', async () => {
    const w = await world();
    const { inv, chargeId, uuid } = await paidByCard(w, 12000);
    await w.sims.deleteSm8Payment(uuid);
    await w.sync();
    const [question] = w.store.conflicts.list();
    expect(question).toMatchObject({ kind: 'deleted_after_sync', servicem8Id: uuid, stripeId: chargeId });
    expect((await w.sims.stripe.charges.retrieve(chargeId)).refunded).toBe(false);
    expect((await w.sims.stripe.invoices.retrieve(inv.invoiceId)).status).toBe('paid');
    expect(await w.sims.revenue()).toEqual({ servicem8: 0, stripe: 12000 });
    w.store.conflicts.resolve(question!.id, 'restore_in_servicem8');
    await w.sync();
    expect(Number((await w.sims.jobPayments(inv.jobUuid))[0]!.active)).toBe(1);
    expect(w.store.conflicts.get(question!.id)?.state).toBe('applied');
    await w.idle();
    expect(await w.sims.revenue()).toEqual({ servicem8: 12000, stripe: 12000 });
  });

  it('a synced payment edited in ServiceM8 is flagged; keeping the edit writes nothing to Stripe', async () => {
    const w = await world();
    const { inv, uuid } = await paidByCard(w, 12000);
    await w.sims.sm8.update('jobpayment', uuid, { amount: '100.00' });
    await w.sync();
    const [question] = w.store.conflicts.list();
    expect(question).toMatchObject({ kind: 'edited_after_sync', servicem8Id: uuid });
    expect(await w.sims.revenue()).toEqual({ servicem8: 10000, stripe: 12000 });
    w.store.conflicts.resolve(question!.id, 'accept_edit');
    await w.sync();
    expect(w.store.conflicts.get(question!.id)?.state).toBe('applied');
    await w.idle();
    expect(w.store.conflicts.list()).toEqual([]);
    expect((await w.sims.stripe.invoices.retrieve(inv.invoiceId)).amount_paid).toBe(12000);
  });
});
