// Which ServiceM8 job a Stripe invoice made by someone else belongs to: the rules that
// reconciliation applies to existing data and the invoices pair applies before it
// creates an invoice (never bill a job twice). Pure: no store, no clock.
//  1. metadata `servicem8_job_uuid` names the job;
//  2. else custom field `Job` (or metadata `servicem8_job_number`) equals the job number;
//  3. else it is the only invoice of the job's customer with the same total within
//     7 days of the job's invoice date.
// Stronger rules are settled first, for every job, before a weaker one is tried. Two or
// more candidates by the rule that decides are a duplicate question, never a guess.

export const JOB_UUID_KEY = 'servicem8_job_uuid';
export const JOB_NUMBER_KEY = 'servicem8_job_number';
export const JOB_CUSTOM_FIELD = 'Job';
export const SAME_TOTAL_WINDOW_MS = 7 * 24 * 3_600_000;

export type MatchRule = 'job_uuid' | 'job_number' | 'customer_total_date';

export interface JobToMatch {
  uuid: string;
  jobNumber: string | null;
  /** The job's client (ServiceM8 company uuid). */
  companyUuid: string | null;
  totalIncCents: number;
  /** The job's invoice date: invoice_sent stamp, else completion date (UTC instant). */
  invoiceAt: string;
}

/** A Stripe invoice reduced to what the rules read (see stripeInvoiceRefs). */
export interface StripeInvoiceToMatch {
  id: string;
  customerId: string | null;
  /** metadata.servicem8_job_uuid */
  jobUuidRef: string | null;
  /** custom field Job, else metadata.servicem8_job_number */
  jobNumberRef: string | null;
  totalIncCents: number;
  /** effective_at, else finalized_at, else created (UTC instant). */
  invoiceAt: string;
}

export interface InvoiceMatch {
  jobUuid: string;
  stripeInvoiceId: string;
  rule: MatchRule;
}

/** Several candidates: a duplicate question about one record, with the records it could be. */
export interface InvoiceQuestion {
  side: 'servicem8' | 'stripe';
  id: string;
  candidates: string[];
  rule: MatchRule;
}

export interface MatchResult {
  matches: InvoiceMatch[];
  questions: InvoiceQuestion[];
}

interface Rule {
  rule: MatchRule;
  invoiceKey: (invoice: StripeInvoiceToMatch) => string | null;
  jobKey: (job: JobToMatch) => string | null;
  fits: (job: JobToMatch, invoice: StripeInvoiceToMatch) => boolean;
}

export interface MatchOptions {
  /** Whether the Stripe customer is the job's client (through the clients pair's links). */
  sameCustomer: (job: JobToMatch, invoice: StripeInvoiceToMatch) => boolean;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/** Reads the cross-references off a Stripe invoice as the API returns it (or the connector's record). */
export function stripeInvoiceRefs(invoice: {
  metadata?: Record<string, string> | null;
  customFields?: readonly { name: string; value: string }[] | null;
}): { jobUuidRef: string | null; jobNumberRef: string | null } {
  const metadata = invoice.metadata ?? {};
  const field = (invoice.customFields ?? []).find((f) => f.name.trim().toLowerCase() === JOB_CUSTOM_FIELD.toLowerCase());
  return { jobUuidRef: text(metadata[JOB_UUID_KEY]), jobNumberRef: text(field?.value) ?? text(metadata[JOB_NUMBER_KEY]) };
}

/** Matches unlinked jobs to unlinked Stripe invoices (neither list may hold a linked record). */
export function matchInvoices(jobs: readonly JobToMatch[], invoices: readonly StripeInvoiceToMatch[], options: MatchOptions): MatchResult {
  const result: MatchResult = { matches: [], questions: [] };
  const jobsLeft = new Map(jobs.map((job) => [job.uuid, job]));
  const invoicesLeft = new Map(invoices.map((invoice) => [invoice.id, invoice]));
  const asked = new Set<string>();
  // Each rule looks candidates up by a key (so thousands of records cost no more than a
  // pass), then checks the rest of its condition.
  const rules: Rule[] = [
    { rule: 'job_uuid', invoiceKey: (i) => i.jobUuidRef, jobKey: (j) => j.uuid, fits: () => true },
    // An invoice that names another job by uuid is that job's, whatever its number says.
    {
      rule: 'job_number',
      invoiceKey: (i) => (i.jobUuidRef === null ? i.jobNumberRef : null),
      jobKey: (j) => j.jobNumber,
      fits: () => true,
    },
    {
      rule: 'customer_total_date',
      invoiceKey: (i) => (i.jobUuidRef === null && i.jobNumberRef === null ? String(i.totalIncCents) : null),
      jobKey: (j) => String(j.totalIncCents),
      fits: (job, invoice) =>
        Math.abs(Date.parse(invoice.invoiceAt) - Date.parse(job.invoiceAt)) <= SAME_TOTAL_WINDOW_MS && options.sameCustomer(job, invoice),
    },
  ];
  for (const { rule, invoiceKey, jobKey, fits } of rules) {
    const index = new Map<string, StripeInvoiceToMatch[]>();
    for (const invoice of invoicesLeft.values()) {
      const key = invoiceKey(invoice);
      if (key !== null) index.set(key, [...(index.get(key) ?? []), invoice]);
    }
    const byJob = new Map<string, string[]>();
    const byInvoice = new Map<string, string[]>();
    for (const job of jobsLeft.values()) {
      const key = jobKey(job);
      if (key === null || asked.has(`servicem8:${job.uuid}`)) continue;
      const found = (index.get(key) ?? []).filter((invoice) => fits(job, invoice)).map((invoice) => invoice.id);
      if (found.length === 0) continue;
      byJob.set(job.uuid, found);
      for (const id of found) byInvoice.set(id, [...(byInvoice.get(id) ?? []), job.uuid]);
    }
    for (const [jobUuid, found] of byJob) {
      const only = found.length === 1 ? found[0]! : null;
      if (only !== null && byInvoice.get(only)!.length === 1) {
        result.matches.push({ jobUuid, stripeInvoiceId: only, rule });
        jobsLeft.delete(jobUuid);
        invoicesLeft.delete(only);
      } else if (found.length > 1) {
        result.questions.push({ side: 'servicem8', id: jobUuid, candidates: found, rule });
        asked.add(`servicem8:${jobUuid}`);
      }
    }
    // One invoice that fits several jobs: the question is about the invoice.
    for (const [invoiceId, claimants] of byInvoice) {
      if (claimants.length < 2 || !invoicesLeft.has(invoiceId) || asked.has(`stripe:${invoiceId}`)) continue;
      result.questions.push({ side: 'stripe', id: invoiceId, candidates: claimants, rule });
      asked.add(`stripe:${invoiceId}`);
      invoicesLeft.delete(invoiceId);
      for (const jobUuid of claimants) if ((byJob.get(jobUuid) ?? []).length === 1) asked.add(`servicem8:${jobUuid}`);
    }
  }
  return result;
}

/** The invoices pair's question before creating one: is there already a Stripe invoice for this job? */
export function findInvoiceForJob(
  job: JobToMatch,
  invoices: readonly StripeInvoiceToMatch[],
  options: MatchOptions,
):
  | { kind: 'match'; stripeInvoiceId: string; rule: MatchRule }
  | { kind: 'duplicate'; candidates: string[]; rule: MatchRule }
  | { kind: 'none' } {
  const { matches, questions } = matchInvoices([job], invoices, options);
  const match = matches[0];
  if (match) return { kind: 'match', stripeInvoiceId: match.stripeInvoiceId, rule: match.rule };
  const question = questions[0];
  return question ? { kind: 'duplicate', candidates: question.candidates, rule: question.rule } : { kind: 'none' };
}
