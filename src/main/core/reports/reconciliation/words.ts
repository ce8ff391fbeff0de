// How reconciliation names records and amounts for people.
import { money } from '../gst/classify-row';
import type { InvoiceFacts } from '../../store/repositories/reconciliation-repository';

export { money };

/** "Harbour Plumbing, job 1042" / "Harbour Plumbing, Stripe invoice INV-0042". */
export function invoiceTitle(servicem8: InvoiceFacts | null, stripe: InvoiceFacts | null): string {
  const name = servicem8?.clientName || stripe?.clientName || null;
  const parts = [
    servicem8 ? `job ${servicem8.jobNumber ?? servicem8.externalId}` : null,
    stripe ? `Stripe invoice ${stripe.invoiceNumber ?? stripe.externalId}` : null,
  ].filter((part): part is string => part !== null);
  return [name, parts.join(' / ')].filter(Boolean).join(', ');
}

export const jobWords = (job: InvoiceFacts) => `ServiceM8 job ${job.jobNumber ?? job.externalId}`;
export const stripeWords = (invoice: InvoiceFacts) => `Stripe invoice ${invoice.invoiceNumber ?? invoice.externalId}`;

export const quote = (value: unknown) =>
  value === null || value === undefined || value === '' ? '(empty)' : `“${typeof value === 'string' ? value : JSON.stringify(value)}”`;
