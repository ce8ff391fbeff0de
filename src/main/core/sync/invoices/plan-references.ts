// A job's reference fields (PO number, site address, job status, owner email, edit date)
// after its Stripe invoice was finalized. They do not change what is owed, so they are
// written, not asked about: Stripe keeps metadata editable on open, uncollectible and
// paid invoices, and custom fields on open and uncollectible ones (reference
// stripe-api.md §8; the Stripe simulator enforces the same table in
// resources/invoice-fields.ts). A voided invoice is never touched; a draft is updated
// whole by update_draft. Only a change made in ServiceM8 is written: the link's merge
// base keeps the references last agreed (`referencesKey`), so a hand-made or
// Stripe-made invoice keeps what it carries until its job changes, and a change that
// had to wait (a write in flight) is still seen next cycle. The edit date rides along
// with another change but is no reason to write on its own (every payment moves it).
import type { DraftInput, InvoiceBase, JobFacts } from './payloads';
import type { InvoicePlanOutput } from './plan-context';
import { INVOICE_ENTITY, JOB_FIELD, META, type Job, type StripeInvoice } from './types';

const REFERENCES_PRIORITY = 50;

/** The custom fields the pair owns; a field someone added by hand in Stripe is kept. */
export const OUR_CUSTOM_FIELDS = [JOB_FIELD, 'PO', 'Site'] as const;

export interface ReferencePatch {
  /** Merged by Stripe; '' removes a key. Only keys that differ. */
  metadata: Record<string, string>;
  /** The whole list to write (ours replaced, others kept), or null to leave custom fields as they are. */
  customFields: { name: string; value: string }[] | null;
  /** The fields that changed, in words for the audit (e.g. "PO", "servicem8_site_address"). */
  changed: string[];
}

const REFERENCE_KEYS = Object.values(META).filter((k) => k !== META.jobUuid && k !== META.jobNumber);
const TRIGGER_KEYS = REFERENCE_KEYS.filter((k) => k !== META.editDate);

function mergedCustomFields(current: { name: string; value: string }[], wanted: { name: string; value: string }[]) {
  const others = current.filter((f) => !(OUR_CUSTOM_FIELDS as readonly string[]).includes(f.name));
  // Stripe allows 4 custom fields. A field someone added is never dropped: ours give way from the least needed
  // (Site, then PO, then Job; all stay in metadata).
  const ours = [...wanted];
  while (ours.length > 0 && ours.length + others.length > 4) ours.pop();
  return [...ours, ...others];
}

const sameFields = (a: { name: string; value: string }[], b: { name: string; value: string }[]) => JSON.stringify(a) === JSON.stringify(b);

/** The job's references (the edit date aside) as one comparable text, kept in the link's merge base. */
export function referencesKey(draft: Pick<DraftInput, 'metadata' | 'customFields'>): string {
  return JSON.stringify([TRIGGER_KEYS.map((k) => draft.metadata[k] ?? ''), draft.customFields]);
}

/** What to write so the finalized invoice carries the job's references; null when nothing (that triggers a write) differs. */
export function referencePatch(
  draft: Pick<DraftInput, 'metadata' | 'customFields'>,
  invoice: Pick<StripeInvoice, 'status' | 'metadata' | 'customFields'>,
): ReferencePatch | null {
  if (invoice.status !== 'open' && invoice.status !== 'uncollectible' && invoice.status !== 'paid') return null;
  const metadata: Record<string, string> = {};
  for (const key of REFERENCE_KEYS) {
    const wanted = draft.metadata[key] ?? '';
    if ((invoice.metadata[key] ?? '') !== wanted) metadata[key] = wanted;
  }
  let customFields: ReferencePatch['customFields'] = null;
  if (invoice.status !== 'paid') {
    const merged = mergedCustomFields(invoice.customFields, draft.customFields);
    if (!sameFields(merged, invoice.customFields)) customFields = merged;
  }
  const changed = [
    ...Object.keys(metadata),
    ...(customFields
      ? OUR_CUSTOM_FIELDS.filter(
          (name) => invoice.customFields.find((f) => f.name === name)?.value !== customFields.find((f) => f.name === name)?.value,
        )
      : []),
  ];
  const triggers = TRIGGER_KEYS.some((k) => k in metadata) || customFields !== null;
  return triggers ? { metadata, customFields, changed } : null;
}

/**
 * Reference-only changes on a finalized invoice whose total and GST still agree: written when the job's references
 * changed since they were last agreed (the merge base), audited with before and after. A link with none recorded
 * yet (made before, by hand, from Stripe) records the job's references without writing.
 */
export function planReferences(
  job: Job,
  facts: JobFacts,
  draft: DraftInput,
  base: InvoiceBase | null,
  stripe: StripeInvoice,
  out: InvoicePlanOutput,
): void {
  const key = referencesKey(draft);
  if (base?.references === key) return;
  const patch = base?.references === undefined ? null : referencePatch(draft, stripe);
  if (!patch) {
    out.plan.bases.push({ entity: INVOICE_ENTITY, servicem8Id: job.uuid, fields: { references: key } });
    return;
  }
  out.plan.writes.push({
    entity: INVOICE_ENTITY,
    target: 'stripe',
    operation: 'update_references',
    subjectId: job.uuid,
    payload: {
      job: facts,
      stripeId: stripe.id,
      referencesKey: key,
      metadata: patch.metadata,
      customFields: patch.customFields,
      conflictIds: [],
    },
    priority: REFERENCES_PRIORITY,
    describe: { subject: `Job ${job.jobNumber}`, fields: { references: patch.changed.join(', ') } },
  });
}
