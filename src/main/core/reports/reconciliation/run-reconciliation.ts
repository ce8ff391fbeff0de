// One reconciliation run: match hand-made Stripe invoices to their jobs (first run on
// existing data, and whatever appeared since), compare clients, invoices and payments
// on both sides, then store the run as a report. A finding the previous run also had
// keeps its first-seen time and is not new; one that went away and came back is new.
import type { Settings } from '../../../../shared/settings';
import { localDateFormatter } from '../../money/business-day';
import type { Store } from '../../store/store';
import type { Sm8Company, Sm8Contact, StripeCustomer } from '../../sync/clients/types';
import { checkClients } from './check-clients';
import { checkInvoices } from './check-invoices';
import { checkPayments } from './check-payments';
import { INVOICE_ENTITY, matchExistingInvoices } from './first-run-match';
import { pairInvoices } from './invoice-pairs';
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

  const first = store.transaction(() => matchExistingInvoices(store, store.reconciliation.invoiceFacts()));
  const invoices = store.reconciliation.invoiceFacts();
  const pairing = pairInvoices(invoices, store.reconciliation.links(INVOICE_ENTITY));
  const payments = store.reconciliation.paymentFacts();
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
      links: store.reconciliation.links('client'),
      settings: options.settings,
      busy: store.outbox.busySubjects('client'),
    }),
    ...checkInvoices({
      pairing,
      zone,
      servicem8PayJobs: new Set(
        payments.filter((p) => p.side === 'servicem8' && p.servicem8Pay && p.invoiceExternalId).map((p) => p.invoiceExternalId!),
      ),
      busy: store.outbox.busySubjects(INVOICE_ENTITY),
      questions,
      linesOf: (ids) => store.reconciliation.linesOf(ids),
    }),
    ...checkPayments({
      payments,
      links: store.reconciliation.links('payment'),
      pairing,
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
