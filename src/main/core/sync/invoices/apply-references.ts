// Writes a job's reference fields to its finalized Stripe invoice (plan-references.ts).
// The live invoice is read first: a voided or draft invoice is left alone (the draft
// path or nobody owns it now), a paid one gets metadata only, and only what still
// differs is sent, so a replay after a crash writes nothing twice.
import type { OutboxItem } from '../../store/repositories/outbox-repository';
import type { AppliedWrite, CycleContext } from '../engine/sync-pair';
import type { InvoicePairDeps } from './pair-deps';
import type { UpdateReferencesPayload } from './payloads';
import { referencePatch } from './plan-references';
import { invoiceMirror, recordStripeInvoice } from './record-write';
import type { TaxRateResolver } from './tax-rates';
import { OUR_CUSTOM_FIELDS } from './plan-references';
import { META, type StripeInvoice } from './types';

const references = (invoice: StripeInvoice) => ({
  status: invoice.status,
  metadata: Object.fromEntries(Object.values(META).flatMap((k) => (invoice.metadata[k] ? [[k, invoice.metadata[k]]] : []))),
  customFields: invoice.customFields.filter((f) => (OUR_CUSTOM_FIELDS as readonly string[]).includes(f.name)),
});

export async function updateReferences(
  p: UpdateReferencesPayload,
  item: OutboxItem,
  context: CycleContext,
  deps: InvoicePairDeps,
  taxRates: TaxRateResolver,
): Promise<AppliedWrite> {
  const live = await deps.stripe.getInvoice(p.stripeId);
  const wanted = { metadata: { ...live.metadata, ...p.metadata }, customFields: p.customFields ?? live.customFields };
  const patch = referencePatch(wanted, live);
  const updated = patch
    ? await deps.stripe.updateFinalizedInvoice(
        live.id,
        { metadata: patch.metadata, ...(patch.customFields ? { customFields: patch.customFields } : {}) },
        item.idempotencyKey,
      )
    : live;
  const difference = await recordStripeInvoice(deps.store, taxRates, context.settings.businessTimeZone, updated, p.job);
  return {
    servicem8Id: p.job.jobUuid,
    stripeId: updated.id,
    base: { references: p.referencesKey },
    mirror: [invoiceMirror(updated)],
    before: { jobNumber: p.job.jobNumber, invoice: live.id, number: live.number, ...references(live) },
    after: {
      jobNumber: p.job.jobNumber,
      invoice: updated.id,
      number: updated.number,
      ...references(updated),
      changed: patch?.changed ?? [],
    },
    conflictIds: p.conflictIds,
    result: { stripeId: updated.id, number: updated.number, changed: patch?.changed ?? [], ...(difference ? { difference } : {}) },
  };
}
