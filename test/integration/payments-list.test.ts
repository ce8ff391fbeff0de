// `sm8sync payments` and the app's listPayments: every payment on either side once, a
// linked pair as one row with both ids, its state and reason; the exact --json fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listPayments } from '../../src/main/core/app/payments-view';
import { Store } from '../../src/main/core/store/store';
import { paymentRowSchema } from '../../src/shared/api';
import { assertBuilt, runCli } from '../helpers/cli-process';
import { buildPaymentsEngine, type InvoicePairing } from '../helpers/payments-engine';
import { PaymentSims } from '../helpers/payments-sims';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sims: PaymentSims;
beforeAll(async () => {
  sims = await PaymentSims.start();
});
afterAll(async () => sims?.close());

describe('payments list', () => {
  it('shows synced, servicem8_pay, waiting, needs_approval, failed and unmatched payments with reasons', async () => {
    const dataDir = tempDir();
    const store = Store.open(dataDir);
    const registered: InvoicePairing[] = [];
    const { engine } = buildPaymentsEngine({ store, servicem8Url: sims.sm8Sim.url, stripeUrl: sims.stripeSim.url, registered });
    const card = await sims.addInvoice(11000);
    const cash = await sims.addInvoice(22000);
    const part = await sims.addInvoice(30000);
    const sm8Pay = await sims.addInvoice(4400);
    const unlinked = await sims.addInvoice(5500); // its invoice link is not made: its payment waits
    registered.push(card, cash, part, sm8Pay);
    const chargeId = await sims.payByCard(card.invoiceId);
    const waitingCharge = await sims.payByCard(unlinked.invoiceId);
    const cashUuid = await sims.addSm8Payment(cash.jobUuid, 22000, 'Cash');
    const deposit = await sims.addSm8Payment(part.jobUuid, 10000, 'EFT');
    const payCharge = await sims.servicem8PayCharge(sm8Pay, 4400, 'legacy_stripe_addon');
    const payOwn = await sims.addSm8Payment(sm8Pay.jobUuid, 4400, 'Credit Card');
    const refund = await sims.stripe.refunds.create({ charge: chargeId, amount: 1000 });
    expect((await engine.runCycle({ dryRun: false, trigger: 'cli' })).state).toBe('completed');
    // The refund waited for its payment to reach ServiceM8 in the first cycle; it is asked about now.
    expect((await engine.runCycle({ dryRun: false, trigger: 'cli' })).state).toBe('completed');
    // A refund someone chose to ignore ends unmatched; a refused write shows as failed.
    const refundQuestion = store.conflicts.list().find((c) => c.kind === 'refund')!;
    store.conflicts.resolve(refundQuestion.id, 'ignore');
    expect((await engine.runCycle({ dryRun: false, trigger: 'cli' })).state).toBe('completed');
    const refused = store.outbox.enqueue({
      entity: 'payment',
      target: 'servicem8',
      operation: 'create_job_payment',
      subjectId: waitingCharge,
      payload: {},
      idempotencyKey: 'refused-1',
    });
    store.outbox.markSent(refused.id);
    store.outbox.markFailed(refused.id, 'ServiceM8 400: job is locked');

    const rows = listPayments(store);
    for (const row of rows) expect(paymentRowSchema.parse(row)).toEqual(row);
    const by = (id: string) => rows.filter((r) => r.servicem8PaymentUuid === id || r.stripePaymentId === id);
    expect(by(chargeId)).toHaveLength(1);
    expect(by(chargeId)[0]).toMatchObject({ state: 'synced', amountCents: 11000, jobNumber: card.jobNumber, method: 'card' });
    expect(by(chargeId)[0]!.feeCents).toBeGreaterThan(0);
    expect(by(cashUuid)[0]).toMatchObject({
      state: 'synced',
      stripePaymentId: cash.invoiceId,
      amountCents: 22000,
      method: 'Cash',
      feeCents: 0,
    });
    expect(by(deposit)[0]).toMatchObject({
      state: 'needs_approval',
      servicem8PaymentUuid: deposit,
      stripePaymentId: null,
      jobNumber: part.jobNumber,
    });
    expect(by(payCharge)[0]).toMatchObject({ state: 'servicem8_pay', servicem8PaymentUuid: payOwn, amountCents: 4400 });
    expect(by(waitingCharge)[0]).toMatchObject({ state: 'failed', reason: 'ServiceM8 refused this change: job is locked.' });
    expect(by(refund.id)[0]).toMatchObject({ state: 'unmatched', amountCents: -1000 });
    expect(by(refund.id)[0]!.reason).toContain('ignore');
    store.outbox.dismiss(refused.id);
    expect(listPayments(store).find((r) => r.stripePaymentId === waitingCharge)).toMatchObject({ state: 'waiting' });
    store.close();

    assertBuilt();
    const cli = await runCli(['payments', '--json', '--data-dir', dataDir], {});
    expect(cli.code, cli.stderr).toBe(0);
    const printed = JSON.parse(cli.stdout) as Record<string, unknown>[];
    expect(printed).toHaveLength(rows.length);
    expect(Object.keys(printed[0]!).sort()).toEqual(
      [
        'amountCents',
        'feeCents',
        'feeGstCents',
        'jobNumber',
        'method',
        'paidAt',
        'reason',
        'servicem8PaymentUuid',
        'state',
        'stripePaymentId',
      ].sort(),
    );
    const month = new Date().toISOString().slice(0, 7);
    const inMonth = await runCli(['payments', '--month', month, '--data-dir', dataDir], {});
    expect(inMonth.code, inMonth.stderr).toBe(0);
    expect(inMonth.stdout).toContain('ServiceM8 Pay $44.00');
    expect(inMonth.stdout).not.toContain('servicem8_pay');
    const bad = await runCli(['payments', '--month', '2026-13', '--data-dir', dataDir], {});
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--month must be a month like 2026-11');
  }, 120_000);
});
