// Plans one job: build its lines, record its standing and its typed row, then either
// leave it (not sent, with why), link a Stripe invoice already made for it, create
// its invoice (asking first when its invoice was deleted in Stripe, plan-deleted.ts), or
// — when linked — update a draft, or ask about a finalized invoice whose total or GST
// no longer matches.
import { chosenAction, chosenCandidate } from '../kit/decisions';
import { buildLines, type BuildResult, type BuiltInvoice } from './build-lines';
import { buildDraft, invoiceDateOf, jobFactsOf } from './build-draft';
import {
  CREATE_SEPARATE,
  CREDIT_NOTE_DIFFERENCE,
  FINALIZED_CHANGED,
  HAND_MADE,
  LEAVE_AS_IS,
  LINK_AS_IS,
  VOID_AND_REISSUE,
} from './conflict-kinds';
import { checkEligibility } from './eligibility';
import { gateDeleted, settleDeleted } from './plan-deleted';
import { planReferences, referencesKey } from './plan-references';
import { joinFindings, totalCheckWords } from './total-check';
import type { InvoiceIndex } from './match-invoices';
import type { InvoicePlanContext, InvoicePlanOutput, InvoiceWorld } from './plan-context';
import { servicem8Row, stripeNet } from './typed-rows';
import { INVOICE_ENTITY, type Job, type StripeInvoice } from './types';
import { formatDollars } from '../../money';

const PRIORITY = 50;
const dollars = formatDollars;

/** Words for a difference between what ServiceM8 and Stripe hold; null when they agree to the cent. */
export function differenceWords(
  servicem8: { incCents: number; gstCents: number },
  stripe: { incCents: number; gstCents: number },
): string | null {
  const parts: string[] = [];
  if (servicem8.incCents !== stripe.incCents)
    parts.push(
      `total ${dollars(stripe.incCents)} in Stripe vs ${dollars(servicem8.incCents)} in ServiceM8 (${stripe.incCents - servicem8.incCents} c)`,
    );
  if (servicem8.gstCents !== stripe.gstCents)
    parts.push(
      `GST ${dollars(stripe.gstCents)} in Stripe vs ${dollars(servicem8.gstCents)} in ServiceM8 (${stripe.gstCents - servicem8.gstCents} c)`,
    );
  return parts.length ? `Differs: ${parts.join('; ')}.` : null;
}

export function planJob(
  job: Job,
  world: InvoiceWorld,
  context: InvoicePlanContext,
  index: (query: { jobUuid: string; customerId: string }) => InvoiceIndex,
  out: InvoicePlanOutput,
): void {
  // A quarantined line would make the invoice short by its amount: the job waits for it instead.
  const unread = world.unreadLine?.(job.uuid) ?? null;
  const built: BuildResult = unread
    ? { ok: false, code: 'bad_line', reason: `one of its lines cannot be read (${unread}); fix the line in ServiceM8` }
    : buildLines(world.materialsOf(job.uuid), world.taxRates);
  const client = context.client(job.companyUuid);
  const stored = context.link(job.uuid);
  // A broken link's invoice was deleted in Stripe (deleted-invoices.ts): the job is planned as one without an invoice.
  const link = stored?.state === 'broken' ? null : stored;
  const stripeId = stored && !link ? null : (link?.stripeId ?? context.links.stripeIdFor(job.uuid));
  const invoice = built.ok ? built.invoice : null;
  const paidCents = job.paymentReceived && invoice ? invoice.servicem8.incCents : 0;
  // ServiceM8's own job total against its lines: any difference is kept on the job's standing and shown.
  const check = invoice ? totalCheckWords(job, invoice) : null;
  const typed = servicem8Row(job, invoice, { client: client.name, abn: client.abn, paidCents, otherSideId: stripeId });
  if (typed) out.typed.push(typed);
  const state = (
    planState: 'ready' | 'not_sent' | 'needs_approval',
    reasonCode: string | null,
    reason: string | null,
    difference: string | null = null,
  ) =>
    out.states.push({
      key: job.uuid,
      jobUuid: job.uuid,
      jobNumber: job.jobNumber || null,
      client: client.name,
      planState,
      reasonCode,
      reason,
      stripeInvoiceId: stripeId,
      servicem8TotalCents: invoice?.servicem8.incCents ?? null,
      servicem8GstCents: invoice?.servicem8.gstCents ?? null,
      difference: joinFindings(difference, check),
    });
  if (context.busy.has(job.uuid)) {
    out.plan.deferred.servicem8.push(job.uuid);
    state('ready', null, null);
    return;
  }
  const resolved = context.resolved.filter((c) => c.servicem8Id === job.uuid);
  const ownerEmail = job.createdByStaffUuid ? (world.staff.get(job.createdByStaffUuid)?.email ?? null) : null;
  if (link) {
    const stripe = world.invoice(link.stripeId);
    if (!invoice || !stripe) {
      state('ready', null, built.ok ? null : `The Stripe invoice was left as it is: ${built.reason}.`);
      return;
    }
    const customerId = client.kind === 'linked' ? client.customerId : (stripe.customerId ?? '');
    planLinked(job, invoice, stripe, { linkId: link.id, customerId, ownerEmail }, context, out, resolved);
    state(
      out.plan.conflicts.some((c) => c.servicem8Id === job.uuid) ? 'needs_approval' : 'ready',
      null,
      null,
      differenceWords(invoice.servicem8, stripeNet(stripe)),
    );
    return;
  }
  const eligible = checkEligibility(job, built, client, context.settings, world.categories, context.choice?.(job.uuid) ?? null);
  if (!eligible.ok || client.kind !== 'linked' || !invoice) {
    const why = eligible.ok ? 'Not sent.' : eligible.reason;
    const gone = stored && !link ? 'Its invoice was deleted in Stripe. ' : '';
    if (stored && !link) settleDeleted(job, out, resolved); // not to be invoiced: nothing to ask
    state('not_sent', eligible.ok ? 'client_unlinked' : eligible.code, gone + why);
    return;
  }
  const draft = buildDraft(job, invoice, client.customerId, ownerEmail);
  const facts = jobFactsOf(job, invoice, client.name);
  const handMade = resolved.find((c) => c.kind === HAND_MADE);
  const decided = handMade ? chosenAction(handMade) : null;
  const match =
    decided === CREATE_SEPARATE
      ? { kind: 'none' as const }
      : index({ jobUuid: job.uuid, customerId: client.customerId }).match(
          {
            jobUuid: job.uuid,
            jobNumber: job.jobNumber,
            customerId: client.customerId,
            totalCents: invoice.stripe.incCents,
            invoiceAt: invoiceDateOf(job),
          },
          (id) => context.links.servicem8IdFor(id) !== null,
        );
  const deleted = stored && !link ? stored : null;
  if (match.kind === 'none') {
    let conflictIds = handMade ? [handMade.id] : [];
    // Its invoice was deleted by someone: a person decides whether it gets a new one (unless they already chose to create one).
    if (deleted && decided !== CREATE_SEPARATE) {
      const gate = gateDeleted(job, invoice, client.name, deleted.stripeId, context, out, resolved);
      if (!gate.create) {
        state(gate.planState, gate.reasonCode, gate.reason);
        return;
      }
      conflictIds = [...conflictIds, ...gate.conflictIds];
    }
    out.plan.writes.push({
      entity: INVOICE_ENTITY,
      target: 'stripe',
      operation: 'create_invoice',
      subjectId: job.uuid,
      payload: { job: facts, draft, emailCustomer: context.settings.invoices.emailCustomer, conflictIds },
      priority: PRIORITY,
      describe: {
        subject: `Job ${job.jobNumber}`,
        fields: { total: dollars(invoice.servicem8.incCents), gst: dollars(invoice.servicem8.gstCents), lines: invoice.lines.length },
      },
    });
    state('ready', null, check ? `Ready: the next sync sends it. ${check}` : null);
    return;
  }
  const equal = match.invoices.length === 1 && differenceWords(invoice.servicem8, stripeNet(match.invoices[0]!)) === null;
  const picked =
    handMade && decided === LINK_AS_IS ? (match.invoices.find((i) => i.id === chosenCandidate(handMade)) ?? match.invoices[0]!) : null;
  const chosen = equal ? match.invoices[0]! : picked;
  if (chosen) {
    linkExisting(job, invoice, chosen, referencesKey(draft), context, out);
    if (deleted) settleDeleted(job, out, resolved); // the hand-made invoice takes the deleted one's place
    if (handMade) out.plan.settledConflicts.push(handMade.id);
    state('ready', null, null, differenceWords(invoice.servicem8, stripeNet(chosen)));
    return;
  }
  const first = match.invoices[0]!;
  if (deleted) settleDeleted(job, out, resolved); // the hand-made question below is the one decision the job needs
  out.plan.conflicts.push({
    kind: HAND_MADE,
    entity: INVOICE_ENTITY,
    dedupeKey: `${INVOICE_ENTITY}:${job.uuid}:hand_made`,
    servicem8Id: job.uuid,
    stripeId: first.id,
    servicem8Value: { totalCents: invoice.servicem8.incCents, gstCents: invoice.servicem8.gstCents },
    stripeValue: { totalCents: stripeNet(first).incCents, gstCents: stripeNet(first).gstCents },
    servicem8EditedAt: job.editDate,
    stripeEditedAt: null,
    candidates: match.invoices.map((i) => ({ side: 'stripe', id: i.id })),
    detail: `Job ${job.jobNumber}: a Stripe invoice already exists (${match.rule}) but ${match.invoices.length > 1 ? `${match.invoices.length} invoices match` : differenceWords(invoice.servicem8, stripeNet(first))?.toLowerCase()}. It is not overwritten and no second invoice is made until you decide.`,
  });
  state('needs_approval', null, `A Stripe invoice made by hand matches this job (${match.rule}) but differs: waiting for a decision.`);
}

function linkExisting(
  job: Job,
  invoice: BuiltInvoice,
  stripe: StripeInvoice,
  references: string,
  context: InvoicePlanContext,
  out: InvoicePlanOutput,
): void {
  context.links.add(job.uuid, stripe.id);
  out.plan.links.push({
    entity: INVOICE_ENTITY,
    servicem8Id: job.uuid,
    stripeId: stripe.id,
    servicem8EditedAt: job.editDate,
    stripeEditedAt: null,
  });
  out.plan.bases.push({
    entity: INVOICE_ENTITY,
    servicem8Id: job.uuid,
    fields: { fingerprint: invoice.fingerprint, incCents: invoice.servicem8.incCents, gstCents: invoice.servicem8.gstCents, references },
  });
}

function planLinked(
  job: Job,
  invoice: BuiltInvoice,
  stripe: StripeInvoice,
  target: { linkId: number; customerId: string; ownerEmail: string | null },
  context: InvoicePlanContext,
  out: InvoicePlanOutput,
  resolved: InvoicePlanContext['resolved'],
): void {
  const base = context.baseOf(target.linkId);
  const decision = resolved.find((c) => c.kind === FINALIZED_CHANGED);
  if (stripe.status === 'void') return; // flagged on the job's standing; a voided invoice is never edited
  const facts = jobFactsOf(job, invoice, context.client(job.companyUuid).name);
  const draft = buildDraft(job, invoice, target.customerId, target.ownerEmail);
  // A draft is updated whole: when its lines changed, or when only its references did (a PO, an owner's new email).
  const referencesOnly = stripe.status === 'draft' && base?.references !== undefined && base.references !== referencesKey(draft);
  if (base?.fingerprint === invoice.fingerprint && !decision && !referencesOnly) {
    if (stripe.status !== 'draft') planReferences(job, facts, draft, base, stripe, out);
    return;
  }
  const newBase = { fingerprint: invoice.fingerprint, incCents: invoice.servicem8.incCents, gstCents: invoice.servicem8.gstCents };
  if (stripe.status === 'draft') {
    out.plan.writes.push({
      entity: INVOICE_ENTITY,
      target: 'stripe',
      operation: 'update_draft',
      subjectId: job.uuid,
      payload: { job: facts, stripeId: stripe.id, draft, conflictIds: [] },
      priority: PRIORITY,
      describe: { subject: `Job ${job.jobNumber}`, fields: { total: dollars(invoice.servicem8.incCents), lines: invoice.lines.length } },
    });
    return;
  }
  const net = stripeNet(stripe);
  if (differenceWords(invoice.servicem8, net) === null && !decision) {
    out.plan.bases.push({ entity: INVOICE_ENTITY, servicem8Id: job.uuid, fields: newBase });
    planReferences(job, facts, draft, base, stripe, out);
    return;
  }
  const action = decision ? chosenAction(decision, { servicem8: VOID_AND_REISSUE, stripe: LEAVE_AS_IS }) : null;
  if (decision && action === LEAVE_AS_IS) {
    out.plan.bases.push({ entity: INVOICE_ENTITY, servicem8Id: job.uuid, fields: newBase });
    out.plan.settledConflicts.push(decision.id);
    return;
  }
  if (decision && action === VOID_AND_REISSUE) {
    out.plan.writes.push({
      entity: INVOICE_ENTITY,
      target: 'stripe',
      operation: 'void_and_reissue',
      subjectId: job.uuid,
      payload: {
        job: facts,
        oldStripeId: stripe.id,
        draft,
        emailCustomer: context.settings.invoices.emailCustomer,
        conflictIds: [decision.id],
      },
      priority: PRIORITY,
      describe: { subject: `Job ${job.jobNumber}`, fields: { void: stripe.id, total: dollars(invoice.servicem8.incCents) } },
    });
    return;
  }
  if (decision && action === CREDIT_NOTE_DIFFERENCE) {
    const amount = net.incCents - invoice.servicem8.incCents;
    if (amount <= 0) {
      out.plan.unresolvable.push({
        id: decision.id,
        reason: "the job's total is no longer below the invoice's: a credit note cannot raise it",
      });
      return;
    }
    out.plan.writes.push({
      entity: INVOICE_ENTITY,
      target: 'stripe',
      operation: 'credit_note',
      subjectId: job.uuid,
      payload: { job: facts, stripeId: stripe.id, amountCents: amount, conflictIds: [decision.id] },
      priority: PRIORITY,
      describe: { subject: `Job ${job.jobNumber}`, fields: { credit: dollars(amount) } },
    });
    return;
  }
  out.plan.conflicts.push({
    kind: FINALIZED_CHANGED,
    entity: INVOICE_ENTITY,
    dedupeKey: `${INVOICE_ENTITY}:${job.uuid}:finalized`,
    servicem8Id: job.uuid,
    stripeId: stripe.id,
    servicem8Value: { totalCents: invoice.servicem8.incCents, gstCents: invoice.servicem8.gstCents },
    stripeValue: { totalCents: net.incCents, gstCents: net.gstCents },
    servicem8EditedAt: job.editDate,
    stripeEditedAt: stripe.finalizedAt,
    detail: `Job ${job.jobNumber} changed after its Stripe invoice ${stripe.number ?? stripe.id} was finalized (${stripe.status}): ${differenceWords(invoice.servicem8, net)} A finalized invoice is never edited silently.`,
  });
}
