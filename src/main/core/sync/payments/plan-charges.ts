// Stripe → ServiceM8: each card payment not yet linked is matched to the ServiceM8
// payment that already records it (ServiceM8 Pay, our own earlier write, a payment
// re-keyed by hand naming it or matching job, amount, day and card method), asked about
// when more than one could be it, or recorded once as a new job payment.
import { IGNORE, KIND, LINK, RECORD_SEPARATELY } from './conflict-kinds';
import { looksLikeCard, MATCH_WINDOW_MS, questionKey, type PaymentPlanning } from './plan-context';
import type { Sm8Payment, StripeCharge } from './types';
import { dollars, jobWords, paymentUuidFor, stripeNote } from './words';

const near = (p: Sm8Payment, at: string) => p.paidAt !== null && Math.abs(Date.parse(p.paidAt) - Date.parse(at)) <= MATCH_WINDOW_MS;

function duplicateQuestion(
  ctx: PaymentPlanning,
  charge: StripeCharge,
  jobUuid: string,
  candidates: Sm8Payment[],
  servicem8Pay: boolean,
): void {
  const jobNumber = ctx.lookups.jobNumber(jobUuid) ?? charge.servicem8Job?.number ?? null;
  for (const c of candidates) ctx.claimed.add(c.uuid);
  ctx.ask({
    kind: KIND.duplicate,
    dedupeKey: questionKey(KIND.duplicate, charge.id),
    stripeId: charge.id,
    servicem8Value: candidates.map((c) => ({
      uuid: c.uuid,
      amount: dollars(c.amountCents),
      method: c.method,
      paidAt: c.paidAt,
      note: c.note,
    })),
    stripeValue: {
      id: charge.id,
      amount: dollars(charge.amountCents),
      paidAt: charge.paidAt,
      servicem8Pay,
      description: charge.description,
    },
    candidates: candidates.map((c) => ({ side: 'servicem8', id: c.uuid })),
    detail: `${candidates.length} ServiceM8 payments on ${jobWords(jobNumber)} could be the Stripe payment of ${dollars(charge.amountCents)}: choose the one it is.`,
  });
  ctx.note('stripe', charge.id, {
    state: 'needs_approval',
    reason: `${candidates.length} ServiceM8 payments could be this one`,
    jobNumber,
  });
}

function linkTo(ctx: PaymentPlanning, charge: StripeCharge, p: Sm8Payment, servicem8Pay: boolean, how: string): void {
  const jobNumber = ctx.lookups.jobNumber(p.jobUuid) ?? charge.servicem8Job?.number ?? null;
  ctx.link(
    {
      servicem8Id: p.uuid,
      stripeId: charge.id,
      servicem8Pay,
      words: `Linked the Stripe payment of ${dollars(charge.amountCents)} to the ServiceM8 payment of ${dollars(p.amountCents)} on ${jobWords(jobNumber)} (${how}); not recorded again`,
    },
    { amountCents: p.amountCents, paidAt: p.paidAt, active: p.active },
  );
}

function planCreate(ctx: PaymentPlanning, charge: StripeCharge, jobUuid: string, conflictIds: number[]): void {
  const jobNumber = ctx.lookups.jobNumber(jobUuid);
  const paymentUuid = paymentUuidFor(charge.id);
  ctx.claimed.add(paymentUuid);
  const payload = {
    stripeId: charge.id,
    paymentUuid,
    jobUuid,
    jobNumber,
    invoiceId: charge.invoiceId,
    amountCents: charge.amountCents,
    paidAt: charge.paidAt,
    method: 'Stripe',
    note: stripeNote('Stripe payment', charge.id, null),
    conflictIds,
  };
  ctx.write({
    target: 'servicem8',
    operation: 'create_job_payment',
    subjectId: charge.id,
    payload,
    describe: {
      subject: `Stripe payment of ${dollars(charge.amountCents)} on ${jobWords(jobNumber)}`,
      fields: { amount: dollars(charge.amountCents), method: 'Stripe', paymentUuid },
    },
  });
}

/** A decided duplicate question: link to the chosen payment, record separately, or leave it. True when handled. */
function carryOutDuplicate(ctx: PaymentPlanning, charge: StripeCharge, jobUuid: string | null, servicem8Pay: boolean): boolean {
  const decision = ctx.decision(questionKey(KIND.duplicate, charge.id));
  if (!decision) return false;
  const { action, candidate, conflict, pending } = decision;
  const jobNumber = jobUuid ? ctx.lookups.jobNumber(jobUuid) : null;
  if (action === IGNORE || !pending) {
    if (pending) ctx.plan.settledConflicts.push(conflict.id);
    ctx.note('stripe', charge.id, { state: 'unmatched', reason: 'left alone by a decision (ignore)', jobNumber });
    return true;
  }
  if (action === LINK) {
    const chosen = candidate ? ctx.world.sm8.get(candidate) : undefined;
    if (!chosen || ctx.lookups.links.stripeIdFor(chosen.uuid) !== null) {
      ctx.plan.unresolvable.push({
        id: conflict.id,
        reason: 'the chosen ServiceM8 payment is gone or already linked to another Stripe payment',
      });
      return true;
    }
    linkTo(ctx, charge, chosen, servicem8Pay, 'chosen by a person');
    ctx.plan.settledConflicts.push(conflict.id);
    return true;
  }
  if (action === RECORD_SEPARATELY && jobUuid && !servicem8Pay) {
    planCreate(ctx, charge, jobUuid, [conflict.id]);
    return true;
  }
  ctx.plan.unresolvable.push({ id: conflict.id, reason: `"${action ?? ''}" cannot be carried out for this payment` });
  return true;
}

function planServiceM8Pay(ctx: PaymentPlanning, charge: StripeCharge): void {
  const job = charge.servicem8Job!;
  if (!job.uuid) {
    ctx.note('stripe', charge.id, {
      state: 'unmatched',
      reason: `ServiceM8 Pay charge names job #${job.number ?? '?'} but no job uuid: link it by hand`,
      jobNumber: job.number,
    });
    return;
  }
  if (carryOutDuplicate(ctx, charge, job.uuid, true)) return;
  const candidates = ctx.openPaymentsOf(job.uuid).filter((p) => p.amountCents === charge.amountCents && near(p, charge.paidAt));
  if (candidates.length === 1) return linkTo(ctx, charge, candidates[0]!, true, 'ServiceM8 Pay: same job, amount and day');
  if (candidates.length > 1) return duplicateQuestion(ctx, charge, job.uuid, candidates, true);
  ctx.note(
    'stripe',
    charge.id,
    {
      state: 'waiting',
      reason: 'taken with ServiceM8 Pay: waiting for ServiceM8 to show its own record of it (it is never recorded a second time)',
      jobNumber: job.number,
    },
    true,
  );
}

export function planCharge(ctx: PaymentPlanning, charge: StripeCharge): void {
  const { links, busy } = ctx.lookups;
  if (busy.has(charge.id)) return void ctx.plan.deferred.stripe.push(charge.id);
  if (links.servicem8IdFor(charge.id) !== null) return;
  if (charge.servicem8Job) return planServiceM8Pay(ctx, charge);
  if (!charge.invoiceId) {
    ctx.note('stripe', charge.id, {
      state: 'unmatched',
      reason: 'a Stripe payment with no Stripe invoice and no ServiceM8 job named: nothing to record',
      jobNumber: null,
    });
    return;
  }
  const jobUuid = ctx.lookups.jobOfInvoice(charge.invoiceId);
  if (!jobUuid) {
    ctx.note(
      'stripe',
      charge.id,
      { state: 'waiting', reason: 'its Stripe invoice is not linked to a ServiceM8 job yet', jobNumber: null },
      true,
    );
    return;
  }
  if (carryOutDuplicate(ctx, charge, jobUuid, false)) return;
  const open = ctx.openPaymentsOf(jobUuid);
  const ours = ctx.world.sm8.get(paymentUuidFor(charge.id));
  if (ours && links.stripeIdFor(ours.uuid) === null) return linkTo(ctx, charge, ours, false, 'recorded by sm8sync earlier');
  const named = open.filter(
    (p) => p.note.includes(charge.id) || (charge.paymentIntentId !== null && p.note.includes(charge.paymentIntentId)),
  );
  if (named.length === 1) return linkTo(ctx, charge, named[0]!, false, 'its note names the Stripe payment');
  if (named.length > 1) return duplicateQuestion(ctx, charge, jobUuid, named, false);
  const same = open.filter((p) => p.amountCents === charge.amountCents && near(p, charge.paidAt));
  if (same.length === 1 && looksLikeCard(same[0]!.method))
    return linkTo(ctx, charge, same[0]!, false, 'same job, amount, day and a card method');
  if (same.length > 0) return duplicateQuestion(ctx, charge, jobUuid, same, false);
  planCreate(ctx, charge, jobUuid, []);
}
