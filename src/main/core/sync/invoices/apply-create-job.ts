// An invoice made in Stripe becomes a completed ServiceM8 job with its lines (every
// uuid chosen at plan time, so a repeat upserts, C11), each line's tax rate matched to
// the ServiceM8 tax rate of the same percentage; then the Stripe invoice is tagged with
// the job (metadata stays editable on finalized invoices) and the two are linked.
import { createJobWithMaterials } from '../../connectors/servicem8/index';
import { percentToBasisPoints } from '../../money';
import type { OutboxItem } from '../../store/repositories/outbox-repository';
import type { AppliedWrite, CycleContext } from '../engine/sync-pair';
import type { InvoicePairDeps } from './pair-deps';
import type { CreateJobPayload } from './payloads';
import { invoiceMirror, recordStripeInvoice } from './record-write';
import type { TaxRateResolver } from './tax-rates';
import { META, MIRROR, type TaxRate } from './types';

function bp(text: string): number | null {
  try {
    return percentToBasisPoints(text);
  } catch {
    return null;
  }
}

export async function createJob(
  p: CreateJobPayload,
  item: OutboxItem,
  context: CycleContext,
  deps: InvoicePairDeps,
  taxRates: TaxRateResolver,
): Promise<AppliedWrite> {
  const rates = deps.store.mirror.list<TaxRate>('servicem8', MIRROR.taxRate, { activeOnly: true }).map((r) => r.record);
  const rateFor = async (stripeTaxRateId: string | null): Promise<string | null> => {
    const percent = stripeTaxRateId ? await taxRates.percentOf(stripeTaxRateId) : 0;
    if (percent === null) throw new Error(`the Stripe tax rate ${stripeTaxRateId} could not be read`);
    const wanted = Math.round(percent * 100);
    const found = rates.find((r) => bp(r.ratePercent) === wanted);
    if (!found && wanted === 0) return null;
    if (!found) throw new Error(`ServiceM8 has no ${percent}% tax rate for a line of Stripe invoice ${p.stripeNumber ?? p.stripeId}`);
    return found.uuid;
  };
  const lines = [];
  for (const line of p.lines) lines.push({ ...line, taxRateUuid: await rateFor(line.stripeTaxRateId) });
  await createJobWithMaterials(
    deps.servicem8,
    {
      uuid: p.jobUuid,
      companyUuid: p.companyUuid,
      status: 'Completed',
      jobDescription: p.description,
      invoiceSent: true,
      lines: lines.map(({ stripeTaxRateId: _id, ...line }) => line),
    },
    { signal: context.signal },
  );
  const tagged = await deps.stripe.updateDraftInvoice(
    p.stripeId,
    { metadata: { [META.jobUuid]: p.jobUuid } },
    `${item.idempotencyKey}-xref`,
  );
  await recordStripeInvoice(deps.store, taxRates, context.settings.businessTimeZone, tagged, null);
  return {
    servicem8Id: p.jobUuid,
    stripeId: p.stripeId,
    link: { mode: 'create', servicem8EditedAt: null, stripeEditedAt: null },
    base: {},
    mirror: [invoiceMirror(tagged)],
    before: null,
    after: { job: p.jobUuid, lines: p.lines.length, totalCents: p.totalCents, stripeInvoice: p.stripeNumber ?? p.stripeId },
    conflictIds: p.conflictIds,
    result: { jobUuid: p.jobUuid },
  };
}
