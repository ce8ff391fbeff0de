// The Stripe invoice a job becomes: its lines, the invoice date (effective_at = the
// ServiceM8 invoice date, so both sides file it in the same month), the job number as
// the custom field `Job`, the site and PO as custom fields, and the job's references
// in metadata, within Stripe's limits (4 custom fields ≤140 chars, values ≤500 chars).
import type { BuiltInvoice } from './build-lines';
import type { DraftInput, JobFacts } from './payloads';
import { totalCheckWords } from './total-check';
import { JOB_FIELD, META, type Job } from './types';

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The ServiceM8 invoice date: the invoice_sent stamp, else the completion date (else the job date, else its last edit). */
export function invoiceDateOf(job: Job): string {
  return job.invoiceSentAt ?? job.completionDate ?? job.date ?? job.editDate;
}

export function jobFactsOf(job: Job, built: BuiltInvoice, client: string | null): JobFacts {
  return {
    jobUuid: job.uuid,
    jobNumber: job.jobNumber || job.uuid,
    client,
    servicem8: built.servicem8,
    stripe: built.stripe,
    fingerprint: built.fingerprint,
    totalCheck: totalCheckWords(job, built),
  };
}

export function buildDraft(job: Job, built: BuiltInvoice, customerId: string, ownerEmail: string | null): DraftInput {
  const site = oneLine(job.jobAddress);
  const po = oneLine(job.purchaseOrderNumber);
  const customFields = [{ name: JOB_FIELD, value: clip(job.jobNumber || job.uuid, 140) }];
  if (po) customFields.push({ name: 'PO', value: clip(po, 140) });
  if (site) customFields.push({ name: 'Site', value: clip(site, 140) });
  const metadata: Record<string, string> = {
    [META.jobUuid]: job.uuid,
    [META.jobNumber]: job.jobNumber,
    [META.editDate]: job.editDateLocal,
    [META.jobStatus]: job.status,
  };
  if (site) metadata[META.siteAddress] = clip(site, 500);
  if (po) metadata[META.poNumber] = clip(po, 500);
  if (ownerEmail) metadata[META.ownerEmail] = clip(ownerEmail, 500);
  const description = clip(oneLine(job.workDoneDescription || job.jobDescription), 500);
  return {
    customerId,
    effectiveAt: invoiceDateOf(job),
    description,
    customFields,
    metadata,
    lines: built.lines.map((line) => ({
      materialUuid: line.materialUuid,
      description: line.description,
      quantity: line.quantity,
      unitAmountDecimal: line.unitAmountDecimal,
      amountCents: line.amountCents,
      taxRate: line.taxRate,
    })),
  };
}
