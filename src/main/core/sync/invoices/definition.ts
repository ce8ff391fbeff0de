// The invoices pair as the rest of the app sees it: jobs → Stripe invoices, after the
// clients pair (a job's client must be linked first), reading Stripe's shared events.
import type { PairDefinition } from '../engine/pair-definition';
import { STRIPE_EVENTS_FEED } from '../kit/feeds';
import { INVOICE_CONFLICT_KINDS } from './conflict-kinds';
import { INVOICE_OPERATIONS } from './operations';
import { INVOICE_ENTITY, type Job, type StripeInvoice } from './types';

export const INVOICE_CURSORS = {
  job: 'servicem8.job',
  jobmaterial: 'servicem8.jobmaterial',
  taxrate: 'servicem8.taxrate',
  staff: 'servicem8.staff',
  category: 'servicem8.category',
  /** The settings the plan depends on: a change re-plans every job. */
  settings: 'invoice.settings',
} as const;

/** Invoice events the pair reads (invoice items have no update event; invoice.updated covers line changes). */
export const INVOICE_FEED_TYPES = [
  'invoice.created',
  'invoice.updated',
  'invoice.finalized',
  'invoice.paid',
  'invoice.voided',
  'invoice.marked_uncollectible',
  'invoice.deleted',
] as const;

function recordName(side: 'servicem8' | 'stripe', record: unknown): string | null {
  if (!record || typeof record !== 'object') return null;
  if (side === 'servicem8') {
    const job = record as Partial<Job>;
    return typeof job.jobNumber === 'string' && job.jobNumber ? `Job ${job.jobNumber}` : null;
  }
  const invoice = record as Partial<StripeInvoice>;
  return typeof invoice.number === 'string' && invoice.number
    ? `Invoice ${invoice.number}`
    : typeof invoice.id === 'string'
      ? invoice.id
      : null;
}

export const invoiceDefinition: PairDefinition = {
  entity: INVOICE_ENTITY,
  labels: { singular: 'invoice', plural: 'invoices', servicem8: 'ServiceM8 jobs', stripe: 'Stripe invoices' },
  mirrors: { servicem8: 'job', stripe: 'invoice' },
  cursors: Object.values(INVOICE_CURSORS),
  feeds: { [STRIPE_EVENTS_FEED]: INVOICE_FEED_TYPES },
  dependsOn: ['client'],
  operations: INVOICE_OPERATIONS,
  conflictKinds: INVOICE_CONFLICT_KINDS,
  recordName,
};
