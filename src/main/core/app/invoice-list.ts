// Every job that is or could be an invoice, with its state and the reason in words:
// the invoices pair's standing of each job (invoice_jobs) read together with what
// happened since — a link (sent), a write waiting (waiting) or refused (failed), an
// open question (needs_approval) — and the Stripe side's typed row.
import type { InvoiceListEntry, InvoiceListState } from '../../../shared/api';
import type { InvoiceJobRow } from '../store/repositories/invoice-jobs-repository';
import type { Store } from '../store/store';

const ENTITY = 'invoice';

function stripeIdOf(store: Store, row: InvoiceJobRow): string | null {
  if (row.jobUuid) return store.links.byServiceM8Id(ENTITY, row.jobUuid)?.stripeId ?? null;
  return row.stripeInvoiceId && store.links.byStripeId(ENTITY, row.stripeInvoiceId) ? row.stripeInvoiceId : null;
}

export function listInvoices(store: Store, filter: { state?: InvoiceListState }): InvoiceListEntry[] {
  const writes = new Map<string, { state: string; lastError: string | null }>();
  for (const write of store.invoiceJobs.writeStates(ENTITY)) if (!writes.has(write.subjectId)) writes.set(write.subjectId, write);
  const questions = new Map<string, string | null>();
  for (const conflict of store.conflicts.listForEntity(ENTITY, ['open', 'resolved'])) {
    const key = conflict.servicem8Id ?? (conflict.stripeId ? `stripe:${conflict.stripeId}` : null);
    if (key && !questions.has(key))
      questions.set(key, conflict.state === 'resolved' ? 'Decided: applied at the next sync.' : conflict.detail);
  }
  const entries = store.invoiceJobs.list().map((row): InvoiceListEntry => {
    const stripeId = stripeIdOf(store, row);
    const subject = row.jobUuid ?? row.stripeInvoiceId ?? row.key;
    const write = writes.get(subject);
    const stripe = stripeId ?? row.stripeInvoiceId;
    const stripeRow = stripe ? store.invoices.get('stripe', stripe) : null;
    let state: InvoiceListState;
    let reason: string | null;
    if (write?.state === 'failed') {
      state = 'failed';
      reason = `Stripe or ServiceM8 refused the write: ${write.lastError ?? 'no reason given'}`;
    } else if (questions.has(row.key)) {
      state = 'needs_approval';
      reason = questions.get(row.key) ?? row.reason;
    } else if (write) {
      state = 'waiting';
      reason = 'A write is queued and goes out with the next sync.';
    } else if (stripeId) {
      state = 'sent';
      reason =
        stripeRow?.status === 'void'
          ? 'The Stripe invoice was voided in Stripe: flagged here, the job is left as it is.'
          : (row.difference ?? (row.jobUuid ? null : 'Made in Stripe; linked to a ServiceM8 job.'));
    } else if (row.planState === 'ready') {
      state = 'waiting';
      reason = row.reason ?? 'Ready: the next sync sends it.';
    } else {
      state = row.planState === 'needs_approval' ? 'needs_approval' : 'not_sent';
      reason = row.reason;
    }
    return {
      jobUuid: row.jobUuid,
      jobNumber: row.jobNumber,
      client: row.client,
      state,
      reason,
      stripeInvoiceId: stripe,
      stripeStatus: stripeRow ? (stripeRow.status === 'partially_paid' ? 'open' : stripeRow.status) : null,
      servicem8TotalCents: row.servicem8TotalCents,
      stripeTotalCents: stripeRow?.totalIncCents ?? null,
      servicem8GstCents: row.servicem8GstCents,
      stripeGstCents: stripeRow?.gstCents ?? null,
    };
  });
  return filter.state ? entries.filter((e) => e.state === filter.state) : entries;
}
