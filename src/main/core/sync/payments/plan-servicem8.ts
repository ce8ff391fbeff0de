// ServiceM8 → Stripe, and what happens to synced payments in ServiceM8. A cash, EFT or
// cheque payment of the whole amount the Stripe invoice still asks marks it paid out of
// band, once; a part payment is a question (Stripe marks invoices paid outside Stripe
// only in full). A synced payment that is deleted or edited is flagged; nothing is
// removed on the other side.
import { ACCEPT_EDIT, IGNORE, KEEP_DELETED, KIND, RECORD_WHEN_FULLY_PAID, RESTORE } from './conflict-kinds';
import { baseOf, questionKey, type PaymentPlanning } from './plan-context';
import type { Sm8Payment } from './types';
import { dollars, jobWords } from './words';

const sameInstant = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b));

/** A synced payment: compare with what was synced, and flag a deletion or an edit. */
export function planLinkedPayment(ctx: PaymentPlanning, p: Sm8Payment, stripeId: string): void {
  const base = ctx.lookups.baseFor(p.uuid);
  if (!base) return void ctx.plan.bases.push({ entity: 'payment', servicem8Id: p.uuid, fields: { ...baseOf(p) } });
  const jobNumber = ctx.lookups.jobNumber(p.jobUuid);
  const deletedKey = questionKey(KIND.deleted, p.uuid);
  const editedKey = questionKey(KIND.edited, p.uuid);
  const changed = p.amountCents !== base.amountCents || !sameInstant(p.paidAt, base.paidAt);
  const kind = !p.active && base.active ? KIND.deleted : p.active && changed ? KIND.edited : null;
  if (kind === null) {
    ctx.plan.settledQuestions.push(deletedKey, editedKey);
    if (p.active !== base.active) ctx.plan.bases.push({ entity: 'payment', servicem8Id: p.uuid, fields: { ...baseOf(p) } });
    return;
  }
  const key = kind === KIND.deleted ? deletedKey : editedKey;
  const decision = ctx.decision(key);
  if (decision?.pending && decision.action === RESTORE) {
    ctx.write({
      target: 'servicem8',
      operation: 'restore_job_payment',
      subjectId: p.uuid,
      payload: {
        paymentUuid: p.uuid,
        stripeId,
        jobNumber,
        amountCents: base.amountCents,
        paidAt: base.paidAt ?? p.paidAt ?? new Date(0).toISOString(),
        why: kind === KIND.deleted ? 'deleted' : 'edited',
        conflictIds: [decision.conflict.id],
      },
      describe: {
        subject: `ServiceM8 payment of ${dollars(base.amountCents)} on ${jobWords(jobNumber)}`,
        fields: { amount: dollars(base.amountCents), active: true },
      },
    });
    return;
  }
  if (decision?.pending && (decision.action === KEEP_DELETED || decision.action === ACCEPT_EDIT)) {
    ctx.plan.settledConflicts.push(decision.conflict.id);
    ctx.plan.bases.push({ entity: 'payment', servicem8Id: p.uuid, fields: { ...baseOf(p) } });
    return;
  }
  const was = dollars(base.amountCents);
  const change = base.amountCents === p.amountCents ? 'had its date changed' : `was changed from ${was} to ${dollars(p.amountCents)}`;
  ctx.ask({
    kind,
    dedupeKey: key,
    servicem8Id: p.uuid,
    stripeId,
    servicem8Value: p.active
      ? { amount: dollars(p.amountCents), paidAt: p.paidAt, method: p.method }
      : { deleted: true, amount: dollars(p.amountCents) },
    stripeValue: { id: stripeId, amount: dollars(base.amountCents), paidAt: base.paidAt },
    servicem8EditedAt: p.editedAt,
    detail:
      kind === KIND.deleted
        ? `The ServiceM8 payment of ${dollars(p.amountCents)} on ${jobWords(jobNumber)} was deleted after it was synced with Stripe; Stripe still has it.`
        : `The ServiceM8 payment on ${jobWords(jobNumber)} ${change} after it was synced with Stripe.`,
  });
  ctx.note('servicem8', p.uuid, {
    state: 'needs_approval',
    reason:
      kind === KIND.deleted
        ? 'deleted in ServiceM8 after it was synced with Stripe'
        : `changed in ServiceM8 after it was synced (was ${was})`,
    jobNumber,
  });
}

function payOutOfBand(
  ctx: PaymentPlanning,
  group: Sm8Payment[],
  invoiceId: string,
  invoiceNumber: string | null,
  amountCents: number,
  conflictIds: number[],
): void {
  const last = [...group].sort((a, b) => (a.paidAt ?? '').localeCompare(b.paidAt ?? '')).at(-1)!;
  const jobNumber = ctx.lookups.jobNumber(last.jobUuid);
  for (const p of group) ctx.claimed.add(p.uuid);
  const methods = [...new Set(group.map((p) => p.method || 'unknown method'))].join(', ');
  ctx.write({
    target: 'stripe',
    operation: 'pay_invoice_out_of_band',
    subjectId: last.uuid,
    payload: {
      invoiceId,
      invoiceNumber,
      jobUuid: last.jobUuid,
      jobNumber,
      paymentUuid: last.uuid,
      paymentUuids: group.map((p) => p.uuid),
      amountCents,
      paidAt: last.paidAt ?? last.editedAt ?? new Date(0).toISOString(),
      method: methods,
      conflictIds,
    },
    describe: {
      subject: `Stripe invoice ${invoiceNumber ?? invoiceId} (${jobWords(jobNumber)})`,
      fields: { paid_out_of_band: dollars(amountCents), method: methods },
    },
  });
}

/** The unlinked ServiceM8 payments of one job against its Stripe invoice. */
export async function planJobPayments(ctx: PaymentPlanning, jobUuid: string, asked: Sm8Payment[]): Promise<void> {
  const jobNumber = ctx.lookups.jobNumber(jobUuid);
  const note = (p: Sm8Payment, state: 'waiting' | 'unmatched' | 'needs_approval', reason: string, defer = false) =>
    ctx.note('servicem8', p.uuid, { state, reason, jobNumber }, defer);
  const invoiceId = ctx.lookups.invoiceOfJob(jobUuid);
  if (!invoiceId) return asked.forEach((p) => note(p, 'waiting', `${jobWords(jobNumber)} has no Stripe invoice yet`, true));
  const ignored = (p: Sm8Payment) => ctx.decision(questionKey(KIND.partPayment, p.uuid))?.action === IGNORE;
  for (const p of asked.filter(ignored)) {
    const d = ctx.decision(questionKey(KIND.partPayment, p.uuid))!;
    if (d.pending) ctx.plan.settledConflicts.push(d.conflict.id);
    note(p, 'unmatched', 'left alone by a decision (ignore): not sent to Stripe');
  }
  const group = ctx.openPaymentsOf(jobUuid).filter((p) => p.amountCents > 0 && !ignored(p) && !ctx.lookups.busy.has(p.uuid));
  if (!group.some((p) => asked.includes(p))) return;
  const invoice = await ctx.lookups.invoice(invoiceId);
  if (!invoice) return group.forEach((p) => note(p, 'unmatched', 'its Stripe invoice no longer exists'));
  const number = invoice.number;
  if (invoice.status === 'draft') return group.forEach((p) => note(p, 'waiting', 'its Stripe invoice is still a draft', true));
  if (invoice.status !== 'open')
    return group.forEach((p) =>
      note(p, 'unmatched', `Stripe invoice ${number ?? invoiceId} is ${invoice.status ?? 'unknown'}: it is not paid again`),
    );
  const due = invoice.amountRemainingCents;
  const sum = group.reduce((s, p) => s + p.amountCents, 0);
  const waitingFor = (p: Sm8Payment) => {
    const d = ctx.decision(questionKey(KIND.partPayment, p.uuid));
    return d?.pending === true && d.action === RECORD_WHEN_FULLY_PAID ? d.conflict.id : null;
  };
  const decidedIds = group.map(waitingFor);
  // Paid in full in ServiceM8 (one payment, or a deposit and the balance): no guess is left, so the
  // invoice is paid out of band once, and questions the parts raised while it was part-paid are settled.
  if (sum === due) {
    for (const p of group) ctx.plan.settledQuestions.push(questionKey(KIND.partPayment, p.uuid));
    payOutOfBand(
      ctx,
      group,
      invoiceId,
      number,
      due,
      decidedIds.filter((id): id is number => id !== null),
    );
    return;
  }
  for (const [i, p] of group.entries()) {
    if (decidedIds[i] !== null) {
      note(p, 'waiting', `recorded in Stripe when fully paid: ${dollars(sum)} of ${dollars(due)} paid in ServiceM8`, true);
      continue;
    }
    const over = sum > due;
    ctx.ask({
      kind: KIND.partPayment,
      dedupeKey: questionKey(KIND.partPayment, p.uuid),
      servicem8Id: p.uuid,
      stripeId: invoiceId,
      servicem8Value: { payment: p.uuid, amount: dollars(p.amountCents), method: p.method, paidAt: p.paidAt, paidOnJob: dollars(sum) },
      stripeValue: { invoice: number ?? invoiceId, amountRemaining: dollars(due), total: dollars(invoice.totalCents) },
      servicem8EditedAt: p.editedAt,
      detail: over
        ? `ServiceM8 has ${dollars(sum)} paid on ${jobWords(jobNumber)}, more than the ${dollars(due)} Stripe invoice ${number ?? invoiceId} still asks.`
        : `ServiceM8 has ${dollars(p.amountCents)} paid (${p.method || 'no method'}) on ${jobWords(jobNumber)}, ${dollars(sum)} in all; Stripe invoice ${number ?? invoiceId} asks ${dollars(due)}. Stripe marks an invoice paid outside Stripe only in full.`,
    });
    note(p, 'needs_approval', `part payment: ${dollars(sum)} of ${dollars(due)} paid`);
  }
}
