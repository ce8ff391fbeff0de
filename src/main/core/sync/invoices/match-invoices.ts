// Finding a Stripe invoice already made for a job (by hand, or before the link was
// kept), with the rules reconciliation uses: metadata servicem8_job_uuid; then the
// custom field `Job` or metadata servicem8_job_number equal to the job number; then the
// only invoice of the job's customer with the same total within 7 days of its date.
// Void invoices and invoices linked to another job never match. Both directions are
// indexed (a job's candidates by uuid, number, customer + total; an invoice's candidate
// jobs by number and company), so a first run over n jobs and m invoices is O(n + m)
// lookups instead of n × m comparisons; the rules, applied to what an index narrows
// to, are unchanged.
import { JOB_FIELD, META, type Job, type StripeInvoice } from './types';

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
  /** By customer and total (`<customer> <cents>`): the third rule only ever looks at those. */
  private readonly byCustomerTotal = new Map<string, StripeInvoice[]>();

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
      if (invoice.customerId) add(this.byCustomerTotal, `${invoice.customerId} ${invoice.totalCents}`, invoice);
    }
  }

  match(query: MatchQuery, isTaken: (invoiceId: string) => boolean): MatchResult {
    const free = (list: StripeInvoice[] | undefined) => (list ?? []).filter((i) => !isTaken(i.id) && i.status !== 'void');
    const byUuid = free(this.byJobUuid.get(query.jobUuid));
    if (byUuid.length) return { kind: 'found', rule: `its metadata ${META.jobUuid} names this job`, invoices: byUuid };
    const byNumber = free(this.byJobNumber.get(query.jobNumber)).filter((i) => i.customerId === query.customerId || !i.customerId);
    if (query.jobNumber && byNumber.length) return { kind: 'found', rule: `it carries job number ${query.jobNumber}`, invoices: byNumber };
    const at = Date.parse(query.invoiceAt);
    const sameTotal = free(this.byCustomerTotal.get(`${query.customerId} ${query.totalCents}`)).filter(
      (i) =>
        i.customerId === query.customerId &&
        i.totalCents === query.totalCents &&
        Math.abs(Date.parse(invoiceDate(i)) - at) <= SEVEN_DAYS_MS &&
        !i.metadata[META.jobUuid],
    );
    if (sameTotal.length === 1)
      return { kind: 'found', rule: "it is the only invoice of the job's customer with the same total within 7 days", invoices: sameTotal };
    return { kind: 'none' };
  }
}

/**
 * The jobs an unlinked Stripe invoice could belong to, narrowed by index: those with its
 * job number, and the completed jobs of its customer's client. In the order of the
 * jobs given (the mirror's), so callers see what a scan of every job would have found.
 */
export class JobIndex {
  private readonly position = new Map<string, number>();
  private readonly byNumber = new Map<string, Job[]>();
  private readonly completedByCompany = new Map<string, Job[]>();

  constructor(jobs: readonly Job[]) {
    const add = (map: Map<string, Job[]>, key: string, job: Job) => {
      const list = map.get(key);
      if (list) list.push(job);
      else map.set(key, [job]);
    };
    jobs.forEach((job, index) => {
      this.position.set(job.uuid, index);
      add(this.byNumber, job.jobNumber, job);
      if (job.companyUuid !== null && job.status === 'Completed') add(this.completedByCompany, job.companyUuid, job);
    });
  }

  /** Jobs numbered `number` or completed for `company` (either may be null), each once, in the given order. */
  candidates(number: string | null, company: string | null): Job[] {
    const byNumber = number === null ? [] : (this.byNumber.get(number) ?? []);
    const byCompany = company === null ? [] : (this.completedByCompany.get(company) ?? []);
    if (byCompany.length === 0) return byNumber;
    if (byNumber.length === 0) return byCompany;
    const all = new Map([...byNumber, ...byCompany].map((job) => [job.uuid, job]));
    return [...all.values()].sort((a, b) => this.position.get(a.uuid)! - this.position.get(b.uuid)!);
  }
}
