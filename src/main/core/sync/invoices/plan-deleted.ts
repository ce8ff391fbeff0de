// A job whose linked Stripe invoice was deleted in Stripe (its link is broken,
// deleted-invoices.ts) and that would be invoiced again. Someone deleted that invoice on
// purpose, so a new one is not issued silently: the job waits on one question — invoice it
// again, or leave it without an invoice. "Leave it" is remembered on the job's standing
// with the total and GST it was left at; the job is asked about again only when one of
// them changes (the money that would be billed), or when it stops being a job to invoice
// and becomes one again. A matching invoice made by hand (linked by the usual rules), a
// hand-made question, or the job no longer to be invoiced settles the question instead.
import type { Conflict } from '../../store/repositories/conflicts-repository';
import { chosenAction } from '../kit/decisions';
import type { BuiltInvoice } from './build-lines';
import { DELETED_IN_STRIPE, INVOICE_AGAIN, LEAVE_UNINVOICED } from './conflict-kinds';
import type { InvoicePlanContext, InvoicePlanOutput } from './plan-context';
import { INVOICE_ENTITY, type Job } from './types';
import { formatDollars } from '../../money';

/** The standing's reason code for a job a person chose to leave without an invoice. */
export const LEFT_UNINVOICED = 'left_without_invoice';

const dollars = formatDollars;
const keyOf = (job: Job) => `${INVOICE_ENTITY}:${job.uuid}:deleted`;

/** What the planner does with the job: create its invoice (settling these decisions), or record this standing and stop. */
export type DeletedGate =
  | { create: true; conflictIds: number[] }
  | { create: false; planState: 'not_sent' | 'needs_approval'; reasonCode: string | null; reason: string };

/** "Job 1234 for Smith Plumbing" — the words a person knows the job by (as the card's title and the invoices list say it). */
function jobWords(job: Job, client: string | null): string {
  const name = job.jobNumber ? `Job ${job.jobNumber}` : 'A job';
  return client ? `${name} for ${client}` : name;
}

/** Called just before a job whose invoice was deleted would get a new one. */
export function gateDeleted(
  job: Job,
  invoice: BuiltInvoice,
  client: string | null,
  stripeId: string,
  context: InvoicePlanContext,
  out: InvoicePlanOutput,
  resolved: readonly Conflict[],
): DeletedGate {
  const decision = resolved.find((c) => c.kind === DELETED_IN_STRIPE);
  const action = decision ? chosenAction(decision, { servicem8: INVOICE_AGAIN, stripe: LEAVE_UNINVOICED }) : null;
  if (decision && action === INVOICE_AGAIN) return { create: true, conflictIds: [decision.id] };
  const left = {
    create: false as const,
    planState: 'not_sent' as const,
    reasonCode: LEFT_UNINVOICED,
    reason: "Left without an invoice by you: its invoice was deleted in Stripe. You are asked again if the job's total or GST changes.",
  };
  if (decision && action === LEAVE_UNINVOICED) {
    out.plan.settledConflicts.push(decision.id);
    return left;
  }
  const before = context.standing(job.uuid);
  if (
    before?.reasonCode === LEFT_UNINVOICED &&
    before.servicem8TotalCents === invoice.servicem8.incCents &&
    before.servicem8GstCents === invoice.servicem8.gstCents
  )
    return left;
  out.plan.conflicts.push({
    kind: DELETED_IN_STRIPE,
    entity: INVOICE_ENTITY,
    dedupeKey: keyOf(job),
    servicem8Id: job.uuid,
    stripeId,
    servicem8Value: `Total ${dollars(invoice.servicem8.incCents)} (GST ${dollars(invoice.servicem8.gstCents)})`,
    stripeValue: null,
    servicem8EditedAt: job.editDate,
    stripeEditedAt: null,
    detail: `${jobWords(job, client)}: its invoice was deleted in Stripe. Nothing is invoiced for it until you answer: invoice it again, or leave it without an invoice.`,
  });
  return {
    create: false,
    planState: 'needs_approval',
    reasonCode: null,
    reason: 'Its invoice was deleted in Stripe: waiting for your answer (invoice it again, or leave it without an invoice).',
  };
}

/** The question is moot (a hand-made invoice took the deleted one's place, or the job is not to be invoiced): close it. */
export function settleDeleted(job: Job, out: InvoicePlanOutput, resolved: readonly Conflict[]): void {
  out.plan.settledQuestions.push(keyOf(job));
  for (const c of resolved) if (c.kind === DELETED_IN_STRIPE) out.plan.settledConflicts.push(c.id);
}
