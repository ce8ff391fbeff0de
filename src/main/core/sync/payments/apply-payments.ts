// Carries out the payments pair's outbox rows. Creates are idempotent (the ServiceM8 uuid
// comes from the Stripe id and is looked up first; Stripe by the row's idempotency key);
// marking an invoice paid out of band is conditional (the live invoice must still ask
// what was planned) and happens once: Stripe refuses a second payment of a paid invoice,
// and a retry of ours replays the stored answer. Every write fills store.payments for
// both sides.
import type { OutboxItem } from '../../store/repositories/outbox-repository';
import type { OperationDefinition, OperationHandler } from '../engine/pair-definition';
import type { AppliedWrite, CycleContext, MirrorWrite } from '../engine/sync-pair';
import { settleServiceM8Pay } from './apply-settle';
import { PAYMENT_OPERATIONS } from './operations';
import type { PaymentPairDeps } from './pair-deps';
import type { CreateJobPaymentPayload, PayOutOfBandPayload, RecordRefundPayload, RestoreJobPaymentPayload } from './payloads';
import { projectCharge, projectOutOfBand, projectRefund, projectServiceM8 } from './project';
import { MIRROR, type Sm8Payment, type StripeCharge, type StripeRefund } from './types';
import { dollars } from './words';

/** A write refused on purpose (the target changed since planning): shown to a person, never retried blindly. */
export class PaymentWriteRefused extends Error {
  override readonly name = 'PaymentWriteRefused';
}

function handler<P>(
  definition: OperationDefinition<P>,
  apply: (payload: P, item: OutboxItem, context: CycleContext) => Promise<AppliedWrite>,
): OperationHandler<never> {
  return { ...definition, apply } as unknown as OperationHandler<never>;
}

const sm8Mirror = (p: Sm8Payment): MirrorWrite => ({
  side: 'servicem8',
  object: MIRROR.servicem8,
  id: p.uuid,
  record: p,
  editedAt: p.editedAt,
  active: p.active,
});

export function paymentHandlers(deps: PaymentPairDeps): Record<string, OperationHandler<never>> {
  const ops = PAYMENT_OPERATIONS;
  const zone = (context: CycleContext) => context.settings.businessTimeZone;

  /** Writes the payment unless ServiceM8 already has it under our uuid, then reads back what ServiceM8 holds. */
  async function ensurePayment(
    uuid: string,
    p: { jobUuid: string; amountCents: number; method: string; paidAt: string; note: string },
    signal: AbortSignal,
  ) {
    const existing = await deps.servicem8.getPayment(uuid, signal);
    if (!existing) await deps.servicem8.savePayment(uuid, p, signal);
    const saved = existing ?? (await deps.servicem8.getPayment(uuid, signal));
    return saved ?? { uuid, ...p, active: true, isDeposit: false, editedAt: null };
  }

  /** Full payment marks the job paid, the way ServiceM8 shows a paid invoice (when ServiceM8 did not already). */
  async function markPaidIfFull(jobUuid: string, signal: AbortSignal): Promise<boolean> {
    const state = await deps.servicem8.jobPaidState(jobUuid, signal);
    if (!state || state.paymentReceived || state.totalCents <= 0 || state.paidCents < state.totalCents) return false;
    await deps.servicem8.markJobPaid(jobUuid, signal);
    return true;
  }

  async function createJobPayment(p: CreateJobPaymentPayload, context: CycleContext): Promise<AppliedWrite> {
    const saved = await ensurePayment(p.paymentUuid, p, context.signal);
    const markedPaid = await markPaidIfFull(p.jobUuid, context.signal);
    const charge = deps.store.mirror.get<StripeCharge>('stripe', MIRROR.charge, p.stripeId)?.record;
    projectServiceM8(deps.store, saved, zone(context), { otherSideId: p.stripeId });
    if (charge) projectCharge(deps.store, charge, zone(context), p.paymentUuid);
    return {
      servicem8Id: p.paymentUuid,
      stripeId: p.stripeId,
      link: { mode: 'create', servicem8EditedAt: saved.editedAt, stripeEditedAt: null },
      base: { amountCents: saved.amountCents, paidAt: saved.paidAt, active: saved.active },
      mirror: [sm8Mirror(saved)],
      before: null,
      after: {
        jobNumber: p.jobNumber,
        amount: dollars(p.amountCents),
        method: p.method,
        paidAt: p.paidAt,
        note: p.note,
        jobMarkedPaid: markedPaid,
      },
      conflictIds: p.conflictIds,
      result: { paymentUuid: p.paymentUuid, jobMarkedPaid: markedPaid },
    };
  }

  async function recordRefund(p: RecordRefundPayload, context: CycleContext): Promise<AppliedWrite> {
    const write = { jobUuid: p.jobUuid, amountCents: -p.amountCents, method: `Stripe ${p.kind}`, paidAt: p.paidAt, note: p.note };
    const saved = await ensurePayment(p.paymentUuid, write, context.signal);
    projectServiceM8(deps.store, saved, zone(context), { otherSideId: p.refundId, refundOf: p.refundOfUuid });
    const refund = deps.store.mirror.get<StripeRefund>('stripe', MIRROR.refund, p.refundId)?.record;
    const charge = deps.store.mirror.get<StripeCharge>('stripe', MIRROR.charge, p.chargeId)?.record;
    if (refund) projectRefund(deps.store, refund, charge?.invoiceId ?? null, zone(context), p.paymentUuid);
    return {
      servicem8Id: p.paymentUuid,
      stripeId: p.refundId,
      link: { mode: 'create', servicem8EditedAt: saved.editedAt, stripeEditedAt: null },
      base: { amountCents: saved.amountCents, paidAt: saved.paidAt, active: saved.active },
      mirror: [sm8Mirror(saved)],
      before: null,
      after: { jobNumber: p.jobNumber, amount: dollars(-p.amountCents), refundOf: p.refundOfUuid, note: p.note },
      conflictIds: p.conflictIds,
      result: { paymentUuid: p.paymentUuid },
    };
  }

  async function payOutOfBand(p: PayOutOfBandPayload, item: OutboxItem, context: CycleContext): Promise<AppliedWrite> {
    const live = await deps.stripe.getInvoice(p.invoiceId, context.signal);
    if (!live) throw new PaymentWriteRefused(`Stripe invoice ${p.invoiceId} no longer exists: not marked paid`);
    if (live.status === 'open' && live.amountRemainingCents !== p.amountCents)
      throw new PaymentWriteRefused(
        `Stripe invoice ${live.number ?? p.invoiceId} now asks ${dollars(live.amountRemainingCents)}, not the ${dollars(p.amountCents)} paid in ServiceM8: not marked paid. Sync again to re-check.`,
      );
    if (live.status !== 'open' && live.status !== 'paid')
      throw new PaymentWriteRefused(`Stripe invoice ${live.number ?? p.invoiceId} is ${live.status ?? 'unknown'}: not marked paid`);
    // Open: pay. Paid: send the same request again: if it was ours, Stripe replays its answer; if not, it refuses.
    const paid = await deps.stripe.payOutOfBand(p.invoiceId, item.idempotencyKey, context.signal);
    const paidAt = paid.paidAt ?? context.now().toISOString();
    projectOutOfBand(deps.store, { invoiceId: p.invoiceId, amountCents: p.amountCents, paidAt, paymentUuid: p.paymentUuid }, zone(context));
    let linked: Sm8Payment | null = null;
    for (const uuid of p.paymentUuids) {
      const sm8 = deps.store.mirror.get<Sm8Payment>('servicem8', MIRROR.servicem8, uuid)?.record;
      if (sm8) projectServiceM8(deps.store, sm8, zone(context), { otherSideId: p.invoiceId });
      if (uuid === p.paymentUuid) linked = sm8 ?? null;
    }
    return {
      servicem8Id: p.paymentUuid,
      stripeId: p.invoiceId,
      link: { mode: 'create', servicem8EditedAt: linked?.editedAt ?? null, stripeEditedAt: null },
      base: linked ? { amountCents: linked.amountCents, paidAt: linked.paidAt, active: linked.active } : {},
      mirror: [],
      before: { status: live.status, amountRemaining: dollars(live.amountRemainingCents) },
      after: { status: paid.status, amountPaid: dollars(paid.amountPaidCents), jobNumber: p.jobNumber, paymentUuids: p.paymentUuids },
      conflictIds: p.conflictIds,
      result: { invoiceId: p.invoiceId, status: paid.status },
    };
  }

  async function restore(p: RestoreJobPaymentPayload, context: CycleContext): Promise<AppliedWrite> {
    const before = await deps.servicem8.getPayment(p.paymentUuid, context.signal);
    await deps.servicem8.restorePayment(p.paymentUuid, { amountCents: p.amountCents, paidAt: p.paidAt }, context.signal);
    const after = (await deps.servicem8.getPayment(p.paymentUuid, context.signal)) ?? before;
    if (after) projectServiceM8(deps.store, after, zone(context), { otherSideId: p.stripeId });
    return {
      servicem8Id: p.paymentUuid,
      stripeId: p.stripeId,
      base: { amountCents: p.amountCents, paidAt: p.paidAt, active: true },
      mirror: after ? [sm8Mirror(after)] : [],
      before: before ? { amount: dollars(before.amountCents), paidAt: before.paidAt, active: before.active } : null,
      after: { amount: dollars(p.amountCents), paidAt: p.paidAt, active: true },
      conflictIds: p.conflictIds,
      result: { paymentUuid: p.paymentUuid },
    };
  }

  const handlers: OperationHandler<never>[] = [
    handler(ops.create_job_payment, (p, _item, context) => createJobPayment(p, context)),
    handler(ops.record_refund, (p, _item, context) => recordRefund(p, context)),
    handler(ops.pay_invoice_out_of_band, (p, item, context) => payOutOfBand(p, item, context)),
    handler(ops.restore_job_payment, (p, _item, context) => restore(p, context)),
    handler(ops.settle_invoice_servicem8_pay, (p, item, context) =>
      settleServiceM8Pay(p, item, context, deps, (message) => new PaymentWriteRefused(message)),
    ),
  ];
  return Object.fromEntries(handlers.map((h) => [h.name, h]));
}
