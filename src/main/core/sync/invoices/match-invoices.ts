// Finding a Stripe invoice already made for a job (by hand, or before the link was
// kept), with the rules reconciliation uses: metadata servicem8_job_uuid; then the
// custom field `Job` or metadata servicem8_job_number equal to the job number; then the
// only invoice of the job's customer with the same total within 7 days of its date.
// Void invoices and invoices linked to another job never match.
import { JOB_FIELD, META, type StripeInvoice } from './types';

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60_000;

export interface MatchQuery {
  jobUuid: string;
  jobNumber: string;
  customerId: string;
  totalCents: number;
  invoiceAt: string;
}

export type MatchResult = { kind: 'none' } | { kind: 'found'; rule: string; invoices: StripeInvoice[] };

export const jobNumberOf = (invoice: StripeInvoice): string | null =>
  invoice.customFields.find((f) => f.name.trim().toLowerCase() === JOB_FIELD.toLowerCase())?.value.trim() ??
  invoice.metadata[META.jobNumber]?.trim() ??
  null;

export const invoiceDate = (invoice: StripeInvoice) => invoice.effectiveAt ?? invoice.finalizedAt ?? invoice.createdAt;

export class InvoiceIndex {
  private readonly byJobUuid = new Map<string, StripeInvoice[]>();
  private readonly byJobNumber = new Map<string, StripeInvoice[]>();
  private readonly byCustomer = new Map<string, StripeInvoice[]>();

  constructor(invoices: readonly StripeInvoice[], isTaken: (invoiceId: string) => boolean) {
    const add = (map: Map<string, StripeInvoice[]>, key: string | null | undefined, invoice: StripeInvoice) => {
      if (!key) return;
      const list = map.get(key) ?? [];
      list.push(invoice);
      map.set(key, list);
    };
    for (const invoice of invoices) {
      if (invoice.status === 'void' || isTaken(invoice.id)) continue;
      add(this.byJobUuid, invoice.metadata[META.jobUuid], invoice);
      add(this.byJobNumber, jobNumberOf(invoice), invoice);
      add(this.byCustomer, invoice.customerId, invoice);
    }
  }

  match(query: MatchQuery, isTaken: (invoiceId: string) => boolean): MatchResult {
    const free = (list: StripeInvoice[] | undefined) => (list ?? []).filter((i) => !isTaken(i.id) && i.status !== 'void');
    const byUuid = free(this.byJobUuid.get(query.jobUuid));
    if (byUuid.length) return { kind: 'found', rule: `its metadata ${META.jobUuid} names this job`, invoices: byUuid };
    const byNumber = free(this.byJobNumber.get(query.jobNumber)).filter((i) => i.customerId === query.customerId || !i.customerId);
    if (query.jobNumber && byNumber.length) return { kind: 'found', rule: `it carries job number ${query.jobNumber}`, invoices: byNumber };
    const at = Date.parse(query.invoiceAt);
    const sameTotal = free(this.byCustomer.get(query.customerId)).filter(
      (i) => i.totalCents === query.totalCents && Math.abs(Date.parse(invoiceDate(i)) - at) <= SEVEN_DAYS_MS && !i.metadata[META.jobUuid],
    );
    if (sameTotal.length === 1)
      return { kind: 'found', rule: "it is the only invoice of the job's customer with the same total within 7 days", invoices: sameTotal };
    return { kind: 'none' };
  }
}
