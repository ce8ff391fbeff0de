// Refunds and disputes in Stripe of a linked payment: a negative ServiceM8 job payment
// when the setting says so (`payments.refunds: record`) or a person chooses it; by
// default a question showing both sides. Only money that really went back is recorded
// (a refund that succeeded, a dispute that was lost).
import { IGNORE, KIND, RECORD_REFUND } from './conflict-kinds';
import { questionKey, type PaymentPlanning } from './plan-context';
import type { StripeRefund } from './types';
import { dollars, jobWords, paymentUuidFor, stripeNote } from './words';

const WHAT = { refund: 'refund', dispute: 'dispute' } as const;

export function planRefund(ctx: PaymentPlanning, refund: StripeRefund): void {
  const { links, busy } = ctx.lookups;
  if (busy.has(refund.id) || busy.has(refund.chargeId)) return void ctx.plan.deferred.stripe.push(refund.id);
  if (links.servicem8IdFor(refund.id) !== null) return;
  const key = questionKey(KIND.refund, refund.id);
  const original = links.servicem8IdFor(refund.chargeId);
  const payment = original ? ctx.world.sm8.get(original) : undefined;
  if (!original || !payment) {
    const waiting = ctx.plan.writes.some((w) => w.subjectId === refund.chargeId) || ctx.plan.deferred.stripe.includes(refund.chargeId);
    ctx.note(
      'stripe',
      refund.id,
      waiting
        ? { state: 'waiting', reason: 'waits for the payment it refunds to reach ServiceM8', jobNumber: null }
        : {
            state: 'unmatched',
            reason: 'the Stripe payment it refunds is not linked to a ServiceM8 payment',
            jobNumber: null,
          },
      waiting,
    );
    return;
  }
  const jobNumber = ctx.lookups.jobNumber(payment.jobUuid);
  if (refund.status === 'canceled' || refund.status === 'failed') {
    ctx.plan.settledQuestions.push(key);
    const why =
      refund.kind === 'dispute'
        ? 'the dispute was won: the money came back'
        : `the refund ${refund.status === 'failed' ? 'failed' : 'was canceled'}`;
    ctx.note('stripe', refund.id, { state: 'unmatched', reason: `${why}; nothing to record`, jobNumber });
    return;
  }
  const decision = ctx.decision(key);
  if (decision?.action === IGNORE) {
    if (decision.pending) ctx.plan.settledConflicts.push(decision.conflict.id);
    ctx.note('stripe', refund.id, {
      state: 'unmatched',
      reason: 'left alone by a decision (ignore): the refund stays in Stripe only',
      jobNumber,
    });
    return;
  }
  const record = decision?.pending === true && decision.action === RECORD_REFUND;
  if (refund.status === 'succeeded' && (record || ctx.lookups.settings.payments.refunds === 'record')) {
    const paymentUuid = paymentUuidFor(refund.id);
    ctx.write({
      target: 'servicem8',
      operation: 'record_refund',
      subjectId: refund.id,
      payload: {
        refundId: refund.id,
        kind: refund.kind,
        chargeId: refund.chargeId,
        refundOfUuid: payment.uuid,
        paymentUuid,
        jobUuid: payment.jobUuid,
        jobNumber,
        amountCents: refund.amountCents,
        paidAt: refund.createdAt,
        note: stripeNote(`Stripe ${WHAT[refund.kind]}`, refund.id, null),
        conflictIds: decision?.pending ? [decision.conflict.id] : [],
      },
      describe: {
        subject: `Stripe ${WHAT[refund.kind]} of ${dollars(refund.amountCents)} on ${jobWords(jobNumber)}`,
        fields: { amount: dollars(-refund.amountCents), paymentUuid },
      },
    });
    return;
  }
  if (decision?.pending && refund.status !== 'succeeded')
    ctx.plan.unresolvable.push({ id: decision.conflict.id, reason: 'the money has not gone back yet (pending refund or open dispute)' });
  ctx.ask({
    kind: KIND.refund,
    dedupeKey: key,
    servicem8Id: payment.uuid,
    stripeId: refund.id,
    servicem8Value: { payment: payment.uuid, amount: dollars(payment.amountCents), method: payment.method, paidAt: payment.paidAt },
    stripeValue: {
      id: refund.id,
      kind: refund.kind,
      amount: dollars(refund.amountCents),
      status: refund.status,
      detail: refund.detail,
      charge: refund.chargeId,
    },
    detail: `Stripe ${WHAT[refund.kind]} of ${dollars(refund.amountCents)} on ${jobWords(jobNumber)}: ${refund.detail}.`,
  });
  ctx.note('stripe', refund.id, {
    state: 'needs_approval',
    reason: `Stripe ${WHAT[refund.kind]} of ${dollars(refund.amountCents)} (${refund.detail}): record it in ServiceM8 or ignore`,
    jobNumber,
  });
}
