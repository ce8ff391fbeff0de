// After a write to Stripe: the typed rows of both sides (other_side_id set), the job's
// standing with any difference between the totals, and the mirror entry — from what
// Stripe returned, never from what we meant to write.
import type { InvoiceInput, StoredInvoice } from '../../store/repositories/invoices-repository';
import type { Store } from '../../store/store';
import type { MirrorWrite } from '../engine/sync-pair';
import { jobNumberOf } from './match-invoices';
import type { JobFacts } from './payloads';
import { differenceWords } from './plan-job';
import type { TaxRateResolver } from './tax-rates';
import { joinFindings } from './total-check';
import { stripeNet, stripeRow } from './typed-rows';
import { MIRROR, type StripeInvoice } from './types';

export function invoiceMirror(invoice: StripeInvoice): MirrorWrite {
  return { side: 'stripe', object: MIRROR.invoice, id: invoice.id, record: invoice, editedAt: null, active: true };
}

function asInput(stored: StoredInvoice, otherSideId: string): InvoiceInput {
  return {
    side: stored.side,
    externalId: stored.externalId,
    jobUuid: stored.jobUuid,
    jobNumber: stored.jobNumber,
    invoiceNumber: stored.invoiceNumber,
    clientName: stored.clientName,
    clientAbn: stored.clientAbn,
    status: stored.status,
    currency: stored.currency,
    totalIncCents: stored.totalIncCents,
    totalExCents: stored.totalExCents,
    gstCents: stored.gstCents,
    amountPaidCents: stored.amountPaidCents,
    invoiceAt: stored.invoiceAt,
    otherSideId,
    sourceEditedAt: stored.sourceEditedAt,
    lines: stored.lines.map(({ position: _position, ...line }) => line),
  };
}

/** Writes the Stripe row (and points the job's row at it); returns the difference in words, or null. */
export async function recordStripeInvoice(
  store: Store,
  taxRates: TaxRateResolver,
  zone: string,
  invoice: StripeInvoice,
  job: Pick<JobFacts, 'jobUuid' | 'jobNumber' | 'client' | 'servicem8' | 'totalCheck'> | null,
): Promise<string | null> {
  const rateBp = await taxRates.bpOf(invoice.lines.map((l) => l.taxRateId));
  const existing = job ? store.invoices.get('servicem8', job.jobUuid) : null;
  const difference = job ? joinFindings(differenceWords(job.servicem8, stripeNet(invoice)), job.totalCheck) : null;
  // One transaction for the typed rows and the job's standing: one commit per invoice, not two.
  store.transaction(() => {
    store.invoices.upsert(
      stripeRow(invoice, {
        jobUuid: job?.jobUuid ?? null,
        jobNumber: job?.jobNumber ?? jobNumberOf(invoice),
        client: job?.client ?? existing?.clientName ?? null,
        abn: existing?.clientAbn ?? null,
        rateBpOf: rateBp,
      }),
      zone,
    );
    if (existing && existing.otherSideId !== invoice.id) store.invoices.upsert(asInput(existing, invoice.id), zone);
    if (job) store.invoiceJobs.setStripe(job.jobUuid, invoice.id, difference);
  });
  return difference;
}
