// Plans what changed in Stripe: every changed invoice gets its typed row; an unlinked
// one that names or matches a job is planned from the job's side (never billed twice);
// one made in Stripe for a linked customer follows invoices.stripeCreatedInvoice —
// create a ServiceM8 job, ask, or ignore.
import { chosenAction } from '../kit/decisions';
import { CREATE_JOB, IGNORE, STRIPE_INVOICE } from './conflict-kinds';
import { invoiceDate, jobNumberOf, type JobIndex } from './match-invoices';
import type { InvoicePlanContext, InvoicePlanOutput, InvoiceWorld } from './plan-context';
import { stripeNet, stripeRow } from './typed-rows';
import { INVOICE_ENTITY, META, type StripeInvoice } from './types';
import { formatCents, formatDollars } from '../../money';

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60_000;

/**
 * Jobs an unlinked Stripe invoice may belong to, planned from the job's side this cycle;
 * `named` when the invoice names one of them (job uuid or number), which makes it that job's.
 */
export function candidateJobs(
  invoice: StripeInvoice,
  world: InvoiceWorld,
  context: InvoicePlanContext,
  jobs: () => JobIndex,
): { jobs: string[]; named: boolean } {
  if (context.links.servicem8IdFor(invoice.id) || invoice.status === 'void') return { jobs: [], named: false };
  const named = invoice.metadata[META.jobUuid];
  if (named && world.job(named)) return { jobs: [named], named: true };
  const number = jobNumberOf(invoice);
  const company = context.clientOfCustomer(invoice.customerId);
  // The index only narrows: the rule below is the whole test, as over every job.
  const found = jobs()
    .candidates(number, company)
    .filter(
      (job) =>
        (context.link(job.uuid)?.state ?? 'broken') === 'broken' && // unlinked, or its invoice was deleted
        ((number !== null && job.jobNumber === number) ||
          (company !== null &&
            job.companyUuid === company &&
            job.status === 'Completed' &&
            Math.abs(Date.parse(job.invoiceSentAt ?? job.completionDate ?? job.editDate) - Date.parse(invoiceDate(invoice))) <=
              SEVEN_DAYS_MS)),
    );
  return { jobs: found.map((job) => job.uuid), named: number !== null && found.some((job) => job.jobNumber === number) };
}

export function stripeTypedRow(invoice: StripeInvoice, context: InvoicePlanContext, out: InvoicePlanOutput): void {
  const jobUuid = context.links.servicem8IdFor(invoice.id);
  const customer = context.customerName(invoice.customerId);
  out.typed.push(
    stripeRow(invoice, {
      jobUuid,
      jobNumber: jobNumberOf(invoice),
      client: customer.name,
      abn: customer.abn,
      rateBpOf: (id) => context.rateBp(id),
    }),
  );
}

/** An invoice still unlinked after the jobs were planned: made in Stripe. */
export function planStripeMade(invoice: StripeInvoice, context: InvoicePlanContext, out: InvoicePlanOutput): void {
  if (context.links.servicem8IdFor(invoice.id) || invoice.status === 'draft' || invoice.status === 'void') return;
  if (invoice.metadata[META.jobUuid]) return; // made for a job this account no longer has: reconciliation reports it
  const key = `stripe:${invoice.id}`;
  const customer = context.customerName(invoice.customerId);
  const net = stripeNet(invoice);
  const standing = (planState: 'not_sent' | 'needs_approval' | 'ready', reasonCode: string | null, reason: string) =>
    out.states.push({
      key,
      jobUuid: null,
      jobNumber: null,
      client: customer.name,
      planState,
      reasonCode,
      reason,
      stripeInvoiceId: invoice.id,
      servicem8TotalCents: null,
      servicem8GstCents: null,
      difference: null,
    });
  const company = context.clientOfCustomer(invoice.customerId);
  if (!company) {
    standing('not_sent', 'customer_unlinked', 'Made in Stripe for a customer that is not linked to a ServiceM8 client: no job is made.');
    return;
  }
  if (context.standing(key)?.reasonCode === 'ignored') return;
  const setting = context.settings.invoices.stripeCreatedInvoice;
  const decision = context.resolved.find((c) => c.kind === STRIPE_INVOICE && c.stripeId === invoice.id);
  const action = decision
    ? chosenAction(decision, { stripe: CREATE_JOB, servicem8: IGNORE })
    : setting === 'create'
      ? CREATE_JOB
      : setting === 'ignore'
        ? IGNORE
        : null;
  if (action === IGNORE) {
    if (decision) out.plan.settledConflicts.push(decision.id);
    standing(
      'not_sent',
      'ignored',
      decision
        ? 'Made in Stripe; you chose to leave it in Stripe only.'
        : 'Made in Stripe; not copied to ServiceM8 (invoices.stripeCreatedInvoice is ignore).',
    );
    return;
  }
  if (action === CREATE_JOB) {
    out.plan.writes.push({
      entity: INVOICE_ENTITY,
      target: 'servicem8',
      operation: 'create_job',
      subjectId: invoice.id,
      payload: {
        stripeId: invoice.id,
        stripeNumber: invoice.number,
        companyUuid: company,
        jobUuid: context.newUuid(),
        description: invoice.description?.trim() || `Stripe invoice ${invoice.number ?? invoice.id}`,
        lines: invoice.lines.map((line) => {
          const quantity = line.quantityDecimal ?? '1';
          const whole = line.unitAmountDecimal !== null && /^-?\d+$/.test(line.unitAmountDecimal);
          return {
            uuid: context.newUuid(),
            name: line.description ?? 'Item',
            quantity: whole ? quantity : '1',
            unitAmountCents: whole ? Number(line.unitAmountDecimal) : line.amountCents,
            amountIncludesTax: line.taxBehavior === 'inclusive',
            stripeTaxRateId: line.taxRateId,
          };
        }),
        totalCents: net.incCents,
        conflictIds: decision ? [decision.id] : [],
      },
      priority: 60,
      describe: { subject: `Stripe invoice ${invoice.number ?? invoice.id}`, fields: { total: formatCents(net.incCents) } },
    });
    standing('ready', null, 'Made in Stripe: a ServiceM8 job is being created for it.');
    return;
  }
  out.plan.conflicts.push({
    kind: STRIPE_INVOICE,
    entity: INVOICE_ENTITY,
    dedupeKey: `${INVOICE_ENTITY}:${invoice.id}:stripe_made`,
    stripeId: invoice.id,
    stripeValue: { totalCents: net.incCents, gstCents: net.gstCents, number: invoice.number },
    stripeEditedAt: invoice.finalizedAt,
    detail: `Stripe invoice ${invoice.number ?? invoice.id} for ${customer.name ?? 'a linked customer'} (${formatDollars(net.incCents)}) was made in Stripe and has no ServiceM8 job${jobNumberOf(invoice) ? ` (it names job ${jobNumberOf(invoice)}, which ServiceM8 does not have, or which is not invoiced yet)` : ''}.`,
  });
  standing('needs_approval', null, 'Made in Stripe: create a ServiceM8 job for it, or ignore it?');
}
