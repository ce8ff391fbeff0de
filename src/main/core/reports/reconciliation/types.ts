// Reconciliation's findings as data: what a run found, per record or linked pair, in
// words a person acts on, and since when. The CLI's --json and the app API read these.

import { FINDING_KINDS } from '../../../../shared/report-schemas';

export { FINDING_KINDS };
export type FindingKind = (typeof FINDING_KINDS)[number];

export const RECONCILED_ENTITIES = ['client', 'invoice', 'payment'] as const;
export type ReconciledEntity = (typeof RECONCILED_ENTITIES)[number];

/** What a check reports, before the run knows whether it saw it before. */
export interface FindingDraft {
  kind: FindingKind;
  entity: ReconciledEntity;
  servicem8Id: string | null;
  stripeId: string | null;
  /** The record's name ("Harbour Plumbing, job 1042"), never only an id. */
  title: string;
  /** What differs, in a sentence. */
  detail: string;
  /** False when the sync settles it by itself (a write on its way): never a notification. */
  needsPerson: boolean;
}

export interface Finding extends FindingDraft {
  firstSeenAt: string;
  isNew: boolean;
}

export type ReconciliationTrigger = 'manual' | 'cli' | 'schedule' | 'sync';

export interface ReconciliationSummary {
  trigger: ReconciliationTrigger;
  startedAt: string;
  finishedAt: string;
  findings: number;
  newFindings: number;
  /** New findings that need a person: what a notification is about. */
  newNeedingPerson: number;
  byKind: Partial<Record<FindingKind, number>>;
  /** Hand-made Stripe invoices linked to their jobs by this run. */
  linked: number;
  /** Duplicate questions this run raised (several candidates). */
  questions: number;
}

export interface ReconciliationReport {
  reportId: number;
  startedAt: string;
  finishedAt: string;
  summary: ReconciliationSummary;
  findings: Finding[];
}

export const REPORT_KIND = 'reconciliation';

export const findingKey = (f: Pick<FindingDraft, 'kind' | 'entity' | 'servicem8Id' | 'stripeId'>) =>
  `${f.entity}|${f.kind}|${f.servicem8Id ?? ''}|${f.stripeId ?? ''}`;
