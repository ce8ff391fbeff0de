export { runReconciliation, storedReconciliation, reconciliationHistory, KEEP_RUNS, type RunOptions } from './run-reconciliation';
export {
  matchInvoices,
  findInvoiceForJob,
  stripeInvoiceRefs,
  type JobToMatch,
  type StripeInvoiceToMatch,
  type MatchRule,
} from './match-invoice';
export {
  FINDING_KINDS,
  RECONCILED_ENTITIES,
  type Finding,
  type FindingKind,
  type ReconciliationReport,
  type ReconciliationSummary,
  type ReconciliationTrigger,
} from './types';
