// Every job that is or could be an invoice, with its state and the reason in words:
// the invoices pair's standing of each job (invoice_jobs) read together with what
// happened since — a link (sent), a write waiting (waiting) or refused (failed), an
// open question (needs_approval) — and the Stripe side's typed row.
import type { InvoiceListEntry, InvoiceListState } from '../../../shared/api';
import type { InvoiceChoice } from '../store/repositories/invoice-choices-repository';
import type { InvoiceJobRow } from '../store/repositories/invoice-jobs-repository';
import type { Store } from '../store/store';
import { refusedWords } from '../../../shared/refused-words';

const ENTITY = 'invoice';

/** The job's live Stripe invoice: a broken link's was deleted in Stripe, so it is not sent. */
function stripeIdOf(store: Store, row: InvoiceJobRow): string | null {
  if (row.jobUuid) {
    const link = store.links.byServiceM8Id(ENTITY, row.jobUuid);
    return link && link.state !== 'broken' ? link.stripeId : null;
  }
  return row.stripeInvoiceId && store.links.byStripeId(ENTITY, row.stripeInvoiceId) ? row.stripeInvoiceId : null;
}

/** One job's list entry with what it was worked out from (the Invoices screen's actions read these). */
export interface InvoiceStanding {
  entry: InvoiceListEntry;
  row: InvoiceJobRow;
  /** Linked to a Stripe invoice (sent, or made by hand and linked). */
  linked: boolean;
  write: { state: string; operation: string; lastError: string | null } | null;
  choice: InvoiceChoice | null;
}

/** Held back only by the trigger or a job filter: a person's "Send now" lifts these. */
export const HELD_CODES: readonly (string | null)[] = ['trigger_not_reached', 'category_filtered'];

export function listInvoices(store: Store, filter: { state?: InvoiceListState }): InvoiceListEntry[] {
  return invoiceStandings(store, filter).map((s) => s.entry);
}

export function invoiceStandings(store: Store, filter: { state?: InvoiceListState }): InvoiceStanding[] {
  const choices = store.invoiceChoices.all();
  const writes = new Map<string, { state: string; operation: string; lastError: string | null }>();
  for (const write of store.invoiceJobs.writeStates(ENTITY)) if (!writes.has(write.subjectId)) writes.set(write.subjectId, write);
  const questions = new Map<string, string | null>();
  for (const conflict of store.conflicts.listForEntity(ENTITY, ['open', 'resolved'])) {
    const key = conflict.servicem8Id ?? (conflict.stripeId ? `stripe:${conflict.stripeId}` : null);
    if (key && !questions.has(key))
      questions.set(key, conflict.state === 'resolved' ? 'Decided: applied at the next sync.' : conflict.detail);
  }
  const entries = store.invoiceJobs.list().map((row): InvoiceStanding => {
    const stripeId = stripeIdOf(store, row);
    const subject = row.jobUuid ?? row.stripeInvoiceId ?? row.key;
    const write = writes.get(subject);
    const stripe = stripeId ?? row.stripeInvoiceId;
    const stripeRow = stripe ? store.invoices.get('stripe', stripe) : null;
    const choice = row.jobUuid ? (choices.get(row.jobUuid) ?? null) : null;
    let state: InvoiceListState;
    let reason: string | null;
    if (write?.state === 'failed') {
      state = 'failed';
      reason = refusedWords(write.lastError, write.operation === 'create_job' ? 'servicem8' : 'stripe');
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
    } else if (choice === 'skip') {
      // Shown at once, before the next sync records it on the job's standing.
      state = 'not_sent';
      reason = 'Skipped by you: this job is not billed in Stripe.';
    } else if (choice === 'send_now' && (row.planState === 'ready' || HELD_CODES.includes(row.reasonCode))) {
      state = 'waiting';
      reason = 'You asked to send it now: it goes to Stripe with the next sync.';
    } else if (row.reasonCode === 'skipped') {
      // The skip was undone since the last plan recorded it.
      state = 'not_sent';
      reason = 'No longer skipped: the next sync looks at this job again.';
    } else if (row.planState === 'ready') {
      state = 'waiting';
      reason = row.reason ?? 'Ready: the next sync sends it.';
    } else {
      state = row.planState === 'needs_approval' ? 'needs_approval' : 'not_sent';
      reason = row.reason;
    }
    const entry: InvoiceListEntry = {
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
    return { entry, row, linked: stripeId !== null, write: write ?? null, choice };
  });
  return filter.state ? entries.filter((e) => e.entry.state === filter.state) : entries;
}
