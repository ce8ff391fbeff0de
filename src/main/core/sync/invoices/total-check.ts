// ServiceM8's own job total (`total_invoice_amount`) checked against the total of the
// job's lines as ServiceM8 rounds them. The lines are what is billed; a job whose
// stored total disagrees with them (a stale total, a partial invoice, a rounding rule we
// do not know) is recorded and shown on the invoice, never ignored. The API does not
// say whether the total includes tax (reference: servicem8-api.md, job), so a total
// equal to the lines' ex-GST sum agrees too.
import { formatCents } from '../../money';
import type { BuiltInvoice } from './build-lines';
import type { Job } from './types';

const dollars = (cents: number) => `$${formatCents(cents)}`;

/** Words for a job whose total_invoice_amount differs from its lines; null when they agree. */
export function totalCheckWords(job: Pick<Job, 'totalInvoiceAmountCents'>, built: Pick<BuiltInvoice, 'servicem8'>): string | null {
  const declared = job.totalInvoiceAmountCents;
  const { incCents, exCents } = built.servicem8;
  if (declared === incCents || declared === exCents) return null;
  return `ServiceM8's job total is ${dollars(declared)} but the job's lines add up to ${dollars(incCents)} incl. GST (${declared - incCents} c); the lines are what is billed.`;
}

/** Two findings in one sentence list (either may be null). */
export function joinFindings(...findings: (string | null | undefined)[]): string | null {
  const present = findings.filter((f): f is string => typeof f === 'string' && f.length > 0);
  return present.length ? present.join(' ') : null;
}
