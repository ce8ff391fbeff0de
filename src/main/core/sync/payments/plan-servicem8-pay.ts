// A job ServiceM8 Pay paid in full must not leave its Stripe invoice open (asking the
// customer for money already taken, and showing as unpaid in reconciliation). The
// charge is already in Stripe, linked to ServiceM8's own record of it, so the invoice
// is marked paid out of band, once, and nothing else is recorded: the charge is the
// money, counted once. Jobs are looked at when a ServiceM8 Pay charge is linked, and
// again each cycle (deferred as `settle:<job>`) while the job has no finalized Stripe
// invoice yet: ServiceM8 Pay often takes the money on site, before the invoice is sent.
import type { PaymentPlanning } from './plan-context';
import { dollars, jobWords } from './words';

export const SETTLE_PREFIX = 'settle:';

export async function planServiceM8PaySettlements(ctx: PaymentPlanning, pendingJobs: readonly string[]): Promise<void> {
  const { lookups } = ctx;
  const linkedNow = new Map(ctx.linksMade.filter((l) => l.servicem8Pay).map((l) => [l.servicem8Id, l.stripeId]));
  const jobs = new Set(pendingJobs);
  for (const uuid of linkedNow.keys()) {
    const p = ctx.world.sm8.get(uuid);
    if (p) jobs.add(p.jobUuid);
  }
  for (const jobUuid of [...jobs].sort()) {
    const subject = `${SETTLE_PREFIX}${jobUuid}`;
    const invoiceId = lookups.invoiceOfJob(jobUuid);
    if (!invoiceId || lookups.busy.has(subject)) {
      ctx.plan.deferred.servicem8.push(subject);
      continue;
    }
    const invoice = await lookups.invoice(invoiceId);
    if (invoice?.status === 'draft') ctx.plan.deferred.servicem8.push(subject);
    if (!invoice || invoice.status !== 'open' || invoice.amountRemainingCents <= 0) continue;
    const paid = (ctx.byJob.get(jobUuid) ?? []).flatMap((p) => {
      const chargeId = linkedNow.get(p.uuid) ?? lookups.servicem8PayCharge(p.uuid);
      return p.active && chargeId ? [{ p, chargeId }] : [];
    });
    const paidCents = paid.reduce((sum, x) => sum + x.p.amountCents, 0);
    // Only a job paid in full by ServiceM8 Pay: a part payment leaves the invoice open (the cash path asks about parts).
    if (paid.length === 0 || paidCents < invoice.amountRemainingCents) continue;
    const jobNumber = lookups.jobNumber(jobUuid);
    ctx.write({
      target: 'stripe',
      operation: 'settle_invoice_servicem8_pay',
      subjectId: subject,
      payload: {
        invoiceId,
        invoiceNumber: invoice.number,
        jobUuid,
        jobNumber,
        chargeIds: paid.map((x) => x.chargeId),
        paymentUuids: paid.map((x) => x.p.uuid),
        amountCents: invoice.amountRemainingCents,
        conflictIds: [],
      },
      describe: {
        subject: `Stripe invoice ${invoice.number ?? invoiceId} (${jobWords(jobNumber)})`,
        fields: { paid_out_of_band: dollars(invoice.amountRemainingCents), method: 'ServiceM8 Pay' },
      },
    });
  }
}
