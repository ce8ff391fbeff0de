// Plans one cycle of the invoices pair. Pure: it reads the world and the context it is
// given. Order: Stripe invoices that changed get their typed rows and add the jobs they
// may belong to; the jobs are planned (linking what was made by hand, creating the
// rest); what is still unlinked in Stripe was made there.
import { emptyPlan } from '../engine/plan-types';
import { InvoiceIndex, JobIndex } from './match-invoices';
import type { InvoicePlanContext, InvoicePlanOutput, InvoiceWorld } from './plan-context';
import { planJob } from './plan-job';
import { candidateJobs, planStripeMade, stripeTypedRow } from './plan-stripe';
import type { StripeInvoice } from './types';

export interface InvoiceSubjects {
  jobs: Set<string>;
  invoices: StripeInvoice[];
}

export function planInvoices(subjects: InvoiceSubjects, world: InvoiceWorld, context: InvoicePlanContext): InvoicePlanOutput {
  const out: InvoicePlanOutput = { plan: emptyPlan(), states: [], typed: [] };
  let jobs: JobIndex | null = null;
  const allJobs = () => (jobs ??= new JobIndex(world.allJobs()));
  let index: InvoiceIndex | null = null;
  const isTaken = (id: string) => context.links.servicem8IdFor(id) !== null;
  // One index over every invoice (a full replan), or one per job over the invoices it could match: the
  // same answers, since links are only added during a pass and match() filters taken ones again.
  const invoiceIndex = (query: { jobUuid: string; customerId: string }) =>
    world.invoicesFor
      ? new InvoiceIndex(world.invoicesFor(query.jobUuid, query.customerId), isTaken)
      : (index ??= new InvoiceIndex(world.allInvoices(), isTaken));

  const jobSubjects = new Set(subjects.jobs);
  for (const conflict of context.resolved) if (conflict.servicem8Id) jobSubjects.add(conflict.servicem8Id);
  // An invoice that names (or matches) a job is that job's business, never "made in Stripe".
  const claimed = new Set<string>();
  for (const invoice of subjects.invoices) {
    // A linked invoice that changed in Stripe (a credit note, a payment, a hand edit): its job's standing is recomputed.
    const linkedJob = context.links.servicem8IdFor(invoice.id);
    if (linkedJob) jobSubjects.add(linkedJob);
    const candidates = candidateJobs(invoice, world, context, allJobs);
    if (candidates.named) claimed.add(invoice.id);
    for (const uuid of candidates.jobs) jobSubjects.add(uuid);
  }

  for (const uuid of [...jobSubjects].sort()) {
    const job = world.job(uuid);
    if (job) planJob(job, world, context, invoiceIndex, out);
  }
  const resolvedStripe = context.resolved.filter((c) => !c.servicem8Id && c.stripeId).map((c) => c.stripeId!);
  const stripeSubjects = new Map(subjects.invoices.map((i) => [i.id, i]));
  for (const id of resolvedStripe) {
    const invoice = stripeSubjects.get(id) ?? world.invoice(id);
    if (invoice) stripeSubjects.set(id, invoice);
  }
  for (const invoice of stripeSubjects.values()) {
    if (context.busy.has(invoice.id)) {
      out.plan.deferred.stripe.push(invoice.id);
      continue;
    }
    stripeTypedRow(invoice, context, out);
    if (!claimed.has(invoice.id)) planStripeMade(invoice, context, out);
  }
  return out;
}
