// One reconciliation run: match hand-made Stripe invoices to their jobs (first run on
// existing data, and whatever appeared since), compare clients, invoices and payments
// on both sides, then store the run as a report. A finding the previous run also had
// keeps its first-seen time and is not new; one that went away and came back is new.
import type { Settings } from '../../../../shared/settings';
import { localDateFormatter } from '../../money/business-day';
import type { InvoiceFacts } from '../../store/repositories/reconciliation-repository';
import type { Store } from '../../store/store';
import type { Sm8Company, Sm8Contact, StripeCustomer } from '../../sync/clients/types';
import { DELETED_IN_STRIPE } from '../../sync/invoices/conflict-kinds';
import { LEFT_UNINVOICED } from '../../sync/invoices/plan-deleted';
import { checkClients } from './check-clients';
import { checkInvoices } from './check-invoices';
import { checkPayments } from './check-payments';
import { INVOICE_ENTITY, matchExistingInvoices } from './first-run-match';
import { pairUnlinked } from './invoice-pairs';
import {
  findingKey,
  REPORT_KIND,
  type Finding,
  type FindingDraft,
  type ReconciliationReport,
  type ReconciliationSummary,
  type ReconciliationTrigger,
} from './types';

/** Runs kept in the reports table; older ones are dropped (the standing findings stay). */
export const KEEP_RUNS = 90;

export interface RunOptions {
  settings: Settings;
  trigger: ReconciliationTrigger;
  clock?: () => Date;
}

export function runReconciliation(store: Store, options: RunOptions): ReconciliationReport {
  const clock = options.clock ?? (() => new Date());
  const startedAt = clock().toISOString();
  const zone = options.settings.businessTimeZone;

  const recon = store.reconciliation;
  let unlinked: InvoiceFacts[] = [];
  const first = store.transaction(() => {
    unlinked = recon.unlinkedInvoices();
    return matchExistingInvoices(store, unlinked);
  });
  // Linked pairs are streamed from SQLite; only unlinked rows (few, once the pairs run) are held.
  // Matching writes only when it links (links and both rows' other_side_id): read again then only.
  const pairing = pairUnlinked(
    first.linked > 0 ? recon.unlinkedInvoices() : unlinked,
    (side, ids) => new Set(recon.invoicesByIds(side, ids).map((row) => row.externalId)),
  );
  const unlinkedPartner = new Map<string, InvoiceFacts>();
  for (const pair of pairing.pairs) {
    unlinkedPartner.set(`servicem8:${pair.servicem8.externalId}`, pair.stripe);
    unlinkedPartner.set(`stripe:${pair.stripe.externalId}`, pair.servicem8);
  }
  const invoice = (side: 'servicem8' | 'stripe', id: string) => recon.invoicesByIds(side, [id])[0] ?? null;
  const questions = new Set(
    store.conflicts
      .listForEntity(INVOICE_ENTITY, ['open', 'resolved'])
      .filter((c) => c.kind === 'duplicate')
      .map((c) => (c.servicem8Id ? `servicem8:${c.servicem8Id}` : `stripe:${c.stripeId}`)),
  );
  const drafts: FindingDraft[] = [
    ...checkClients({
      companies: store.mirror.list<Sm8Company>('servicem8', 'company'),
      contacts: store.mirror.list<Sm8Contact>('servicem8', 'companycontact'),
      customers: store.mirror.list<StripeCustomer>('stripe', 'customer'),
      links: recon.links('client'),
      settings: options.settings,
      busy: store.outbox.busySubjects('client'),
    }),
    ...checkInvoices({
      linked: recon.linkedInvoicesToCheck(),
      pairing,
      lookups: {
        byIds: (side, ids) => recon.invoicesByIds(side, ids),
        jobsByNumbers: (numbers) => recon.jobsByNumbers(numbers),
        linkedInvoiceOf: (jobUuid) => recon.linkedPartner(INVOICE_ENTITY, 'servicem8', jobUuid),
      },
      zone,
      servicem8PayJobs: recon.servicem8PayJobs(),
      skippedJobs: new Set([...store.invoiceChoices.all()].filter(([, choice]) => choice === 'skip').map(([jobUuid]) => jobUuid)),
      busy: store.outbox.busySubjects(INVOICE_ENTITY),
      questions,
      deletedDecided: new Set([
        ...store.invoiceJobs.keysWithReason([LEFT_UNINVOICED]),
        ...store.conflicts
          .listForEntity(INVOICE_ENTITY, ['open', 'resolved'])
          .flatMap((c) => (c.kind === DELETED_IN_STRIPE && c.servicem8Id ? [c.servicem8Id] : [])),
      ]),
      linesOf: (ids) => recon.linesOf(ids),
    }),
    ...checkPayments({
      linked: recon.linkedPaymentsToCheck(),
      unlinked: recon.unlinkedPayments(),
      lookups: {
        invoice,
        invoicePartner: (side, id) => {
          const paired = unlinkedPartner.get(`${side}:${id}`);
          if (paired) return paired;
          const other = recon.linkedPartner(INVOICE_ENTITY, side, id);
          return other ? invoice(side === 'servicem8' ? 'stripe' : 'servicem8', other) : null;
        },
        paymentsByIds: (side, ids) => recon.paymentsByIds(side, ids),
        isLinked: (side, id) => recon.linkedPartner('payment', side, id) !== null,
      },
      busy: store.outbox.busySubjects('payment'),
      localDate: localDateFormatter(zone),
    }),
  ];
  const finishedAt = clock().toISOString();

  return store.transaction(() => {
    const known = store.reconciliation.knownFindings();
    const seen = new Set<string>();
    const findings: Finding[] = [];
    for (const draft of drafts) {
      const key = findingKey(draft);
      if (seen.has(key)) continue;
      seen.add(key);
      const before = known.get(key);
      findings.push({ ...draft, firstSeenAt: before?.firstSeenAt ?? startedAt, isNew: before === undefined });
    }
    const byKind: ReconciliationSummary['byKind'] = {};
    for (const f of findings) byKind[f.kind] = (byKind[f.kind] ?? 0) + 1;
    const summary: ReconciliationSummary = {
      trigger: options.trigger,
      startedAt,
      finishedAt,
      findings: findings.length,
      newFindings: findings.filter((f) => f.isNew).length,
      newNeedingPerson: findings.filter((f) => f.isNew && f.needsPerson).length,
      byKind,
      linked: first.linked,
      questions: first.questions,
    };
    const saved = store.reports.save(REPORT_KIND, { trigger: options.trigger }, summary, { findings });
    store.reconciliation.replaceKnown(
      findings.map((f) => ({
        key: findingKey(f),
        kind: f.kind,
        entity: f.entity,
        servicem8Id: f.servicem8Id,
        stripeId: f.stripeId,
        firstSeenAt: f.firstSeenAt,
      })),
      saved.id,
    );
    store.reports.prune(REPORT_KIND, KEEP_RUNS);
    return { reportId: saved.id, startedAt, finishedAt, summary, findings };
  });
}

/** The stored run, or null. */
export function storedReconciliation(store: Store, reportId?: number): ReconciliationReport | null {
  const report =
    reportId === undefined
      ? store.reports.latest<{ findings: Finding[] }, ReconciliationSummary>(REPORT_KIND)
      : store.reports.get<{ findings: Finding[] }, ReconciliationSummary>(reportId, REPORT_KIND);
  if (!report) return null;
  return {
    reportId: report.id,
    startedAt: report.summary.startedAt,
    finishedAt: report.summary.finishedAt,
    summary: report.summary,
    findings: report.body.findings,
  };
}

export function reconciliationHistory(store: Store, limit: number): { reportId: number; summary: ReconciliationSummary }[] {
  return store.reports.history<ReconciliationSummary>(REPORT_KIND, limit).map((r) => ({ reportId: r.id, summary: r.summary }));
}
