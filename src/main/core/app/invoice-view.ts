// The Invoices screen's rows: each job's list entry (invoice-list.ts) with where to open
// it — the job in the ServiceM8 web app, the invoice in the Stripe Dashboard — and the
// actions that apply to it now: send now, retry a refused write, skip or undo a skip.
import type { InvoiceAction, InvoiceListState, InvoiceView } from '../../../shared/api';
import type { Store } from '../store/store';
import { HELD_CODES, invoiceStandings, type InvoiceStanding } from './invoice-list';

/**
 * The job in the ServiceM8 web app. ServiceM8 documents no deep link (see
 * /work/shared/reference/servicem8-api.md); `go.servicem8.com/job/<uuid>` is the form
 * integrations in the wild open. The Electron shell opens only https on this host and
 * dashboard.stripe.com (src/main/electron/external-links.ts).
 */
export function servicem8JobUrl(jobUuid: string): string {
  return `https://go.servicem8.com/job/${encodeURIComponent(jobUuid)}`;
}

/** The invoice in the Stripe Dashboard; test-mode objects live under /test. */
export function stripeInvoiceUrl(invoiceId: string, testMode: boolean): string {
  return `https://dashboard.stripe.com/${testMode ? 'test/' : ''}invoices/${encodeURIComponent(invoiceId)}`;
}

/** What a person can do about a job now (impossible actions are not offered). */
export function actionsOf(s: InvoiceStanding, failureId: number | null): InvoiceAction[] {
  const { entry, linked, write, choice, row } = s;
  if (entry.state === 'failed') return failureId === null ? [] : linked ? ['retry'] : ['retry', 'skip'];
  if (linked || !row.jobUuid) return entry.state === 'waiting' ? ['send_now'] : [];
  if (choice === 'skip') return ['unskip'];
  if (entry.state === 'waiting') return write ? ['send_now'] : ['send_now', 'skip'];
  if (entry.state === 'not_sent') {
    if (row.reasonCode === 'inactive') return [];
    return HELD_CODES.includes(row.reasonCode) ? ['send_now', 'skip'] : ['skip'];
  }
  return [];
}

/** Each invoice subject's refused write (its outbox id), for Retry. */
export function refusedWriteIds(store: Store): Map<string, number> {
  const failures = new Map<string, number>();
  for (const item of store.outbox.list({ state: 'failed', limit: 100_000 }))
    if (item.entity === 'invoice' && item.subjectId && !failures.has(item.subjectId)) failures.set(item.subjectId, item.id);
  return failures;
}

export const subjectOf = (s: InvoiceStanding): string => s.row.jobUuid ?? s.row.stripeInvoiceId ?? s.row.key;

export function listInvoiceView(store: Store, filter: { state?: InvoiceListState }, stripeTestMode: boolean): InvoiceView[] {
  const failures = refusedWriteIds(store);
  return invoiceStandings(store, filter).map((s) => {
    const failureId = failures.get(subjectOf(s)) ?? null;
    return {
      ...s.entry,
      servicem8Url: s.entry.jobUuid ? servicem8JobUrl(s.entry.jobUuid) : null,
      stripeUrl: s.entry.stripeInvoiceId ? stripeInvoiceUrl(s.entry.stripeInvoiceId, stripeTestMode) : null,
      actions: actionsOf(s, failureId),
      failureId,
    };
  });
}
