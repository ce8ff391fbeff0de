// Existing data: Stripe invoices someone made by hand (or another tool did) are matched
// to their ServiceM8 jobs by the rules in match-invoice.ts and linked, so later syncs
// keep them aligned instead of billing the job again. Several candidates become a
// duplicate question (store.conflicts, entity 'invoice', kind 'duplicate'), asked once:
// a question a person already answered or dismissed is not asked again.
import type { InvoiceFacts } from '../../store/repositories/reconciliation-repository';
import type { Store } from '../../store/store';
import { matchInvoices, type JobToMatch, type MatchRule, type StripeInvoiceToMatch } from './match-invoice';
import { invoiceTitle, money } from './words';

export const INVOICE_ENTITY = 'invoice';
const RULE_WORDS: Record<MatchRule, string> = {
  job_uuid: 'its metadata names the job',
  job_number: 'its Job field names the job number',
  customer_total_date: 'it is the only invoice of the same customer with the same total within 7 days',
};

export const duplicateKey = (side: 'servicem8' | 'stripe', id: string) => `${INVOICE_ENTITY}:duplicate:${side}:${id}`;

export interface FirstRunResult {
  linked: number;
  questions: number;
}

const normalName = (name: string | null) => (name ? name.trim().toLowerCase().replace(/\s+/g, ' ') : null);

/** `unlinked`: the rows no invoice link names. Runs inside the caller's transaction. */
export function matchExistingInvoices(store: Store, unlinked: readonly InvoiceFacts[]): FirstRunResult {
  const invoices = unlinked;
  const live = (row: InvoiceFacts) => row.status !== 'void' && row.otherSideId === null;
  const jobs = invoices.filter((row) => row.side === 'servicem8' && live(row));
  const stripe = invoices.filter((row) => row.side === 'stripe' && live(row));
  if (jobs.length === 0 || stripe.length === 0) return { linked: 0, questions: 0 };

  const customerOf = new Map(store.reconciliation.links('client').map((l) => [l.servicem8Id, l.stripeId]));
  const rows = new Map(invoices.map((row) => [`${row.side}:${row.externalId}`, row]));
  const toJob = (row: InvoiceFacts): JobToMatch => ({
    uuid: row.externalId,
    jobNumber: row.jobNumber,
    companyUuid: row.clientId,
    totalIncCents: row.totalIncCents,
    invoiceAt: row.invoiceAt,
  });
  const toStripe = (row: InvoiceFacts): StripeInvoiceToMatch => ({
    id: row.externalId,
    customerId: row.clientId,
    jobUuidRef: row.jobUuid,
    jobNumberRef: row.jobNumber,
    totalIncCents: row.totalIncCents,
    invoiceAt: row.invoiceAt,
  });
  const result = matchInvoices(jobs.map(toJob), stripe.map(toStripe), {
    // The clients pair's links say who is whom; without client ids, the ABN, then the name.
    sameCustomer: (job, invoice) => {
      if (job.companyUuid && invoice.customerId) return customerOf.get(job.companyUuid) === invoice.customerId;
      const a = rows.get(`servicem8:${job.uuid}`)!;
      const b = rows.get(`stripe:${invoice.id}`)!;
      if (a.clientAbn && b.clientAbn) return a.clientAbn.replace(/\s/g, '') === b.clientAbn.replace(/\s/g, '');
      return normalName(a.clientName) !== null && normalName(a.clientName) === normalName(b.clientName);
    },
  });

  for (const match of result.matches) {
    const job = rows.get(`servicem8:${match.jobUuid}`)!;
    const invoice = rows.get(`stripe:${match.stripeInvoiceId}`)!;
    store.links.create({ entity: INVOICE_ENTITY, servicem8Id: match.jobUuid, stripeId: match.stripeInvoiceId });
    store.reconciliation.setInvoiceOtherSides(match.jobUuid, match.stripeInvoiceId);
    store.audit.append({
      direction: 'local',
      entity: INVOICE_ENTITY,
      operation: 'link',
      servicem8Id: match.jobUuid,
      stripeId: match.stripeInvoiceId,
      after: { rule: match.rule },
      outcome: 'success',
      message: `Reconciliation linked ${invoiceTitle(job, invoice)}: ${RULE_WORDS[match.rule]}.`,
    });
  }

  const answered = new Set(store.conflicts.listForEntity(INVOICE_ENTITY, ['applied', 'dismissed']).map((c) => c.dedupeKey));
  let questions = 0;
  for (const question of result.questions) {
    const key = duplicateKey(question.side, question.id);
    if (answered.has(key)) continue;
    const other = question.side === 'servicem8' ? 'stripe' : 'servicem8';
    const subject = rows.get(`${question.side}:${question.id}`)!;
    const candidates = question.candidates.map((id) => {
      const row = rows.get(`${other}:${id}`)!;
      const name = other === 'stripe' ? invoiceTitle(null, row) : invoiceTitle(row, null);
      return { side: other, id, name: `${name} (${money(row.totalIncCents)})`, email: null };
    });
    const { created } = store.conflicts.raise({
      kind: 'duplicate',
      entity: INVOICE_ENTITY,
      dedupeKey: key,
      servicem8Id: question.side === 'servicem8' ? question.id : null,
      stripeId: question.side === 'stripe' ? question.id : null,
      candidates,
      detail: `${question.side === 'servicem8' ? invoiceTitle(subject, null) : invoiceTitle(null, subject)} could be any of ${candidates.length} ${other === 'stripe' ? 'Stripe invoices' : 'ServiceM8 jobs'} (${RULE_WORDS[question.rule]}): choose which, so it is never billed twice.`,
    });
    if (created) questions += 1;
  }
  return { linked: result.matches.length, questions };
}
