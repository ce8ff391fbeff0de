// Whether a job becomes a Stripe invoice now, and if not, why, in plain words (the
// hover text of ServiceM8's red cross, for every job). Checked in this order: the job
// itself (state, trigger, category), its client, then its lines and their value.
import type { Settings } from '../../../../shared/settings';
import type { InvoiceChoice } from '../../store/repositories/invoice-choices-repository';
import type { BuildResult } from './build-lines';
import type { Category, Job } from './types';
import { formatCents } from '../../util/money';

export type NotSentCode =
  | 'not_completed'
  | 'trigger_not_reached'
  | 'category_filtered'
  | 'client_quarantined'
  | 'client_unlinked'
  | 'unknown_tax_rate'
  | 'bad_line'
  | 'no_lines'
  | 'zero_value'
  | 'negative_value'
  | 'inactive'
  | 'skipped';

/** Reasons that can lift without the job changing: re-checked every cycle. */
export const RECHECKED: readonly NotSentCode[] = ['client_unlinked', 'client_quarantined', 'unknown_tax_rate', 'skipped'];

export type ClientState = { kind: 'linked'; customerId: string } | { kind: 'quarantined'; reason: string } | { kind: 'unlinked' };

export type Eligibility = { ok: true } | { ok: false; code: NotSentCode; reason: string };

const TRIGGER_WORDS: Record<Settings['invoices']['trigger'], string> = {
  completed: 'completed',
  invoice_sent: 'its invoice is sent in ServiceM8',
  approved: 'its invoice is approved in ServiceM8 Invoicing',
};

/** Has the job reached the trigger the settings name? See README (Invoices) for the fields each means. */
export function triggerReached(job: Job, trigger: Settings['invoices']['trigger']): boolean {
  if (job.status !== 'Completed') return false;
  if (trigger === 'completed') return true;
  if (trigger === 'invoice_sent') return job.invoiceSent;
  return job.paymentProcessed;
}

export function checkEligibility(
  job: Job,
  build: BuildResult,
  client: ClientState,
  settings: Settings,
  categories: ReadonlyMap<string, Category>,
  /** The person's choice on the Invoices screen: skip the job, or send it despite the trigger and filters. */
  choice: InvoiceChoice | null = null,
): Eligibility {
  const no = (code: NotSentCode, reason: string): Eligibility => ({ ok: false, code, reason });
  if (!job.active) return no('inactive', 'Not sent: the job was deleted in ServiceM8.');
  if (choice === 'skip') return no('skipped', 'Skipped by you: this job is not billed in Stripe.');
  const sendNow = choice === 'send_now';
  if (job.status !== 'Completed')
    return no(
      'not_completed',
      `Not sent: the job is not completed (it is ${job.status === 'Work Order' ? 'a work order' : `a ${job.status.toLowerCase()}`}).`,
    );
  const trigger = settings.invoices.trigger;
  if (!sendNow && !triggerReached(job, trigger))
    return no(
      'trigger_not_reached',
      `Not sent yet: invoices are sent to Stripe once ${TRIGGER_WORDS[trigger]} (Settings → Invoices and GST).`,
    );
  const wanted = settings.rules.filters.jobCategories.map((c) => c.trim().toLowerCase());
  if (wanted.length > 0 && !sendNow) {
    const category = job.categoryUuid ? categories.get(job.categoryUuid) : undefined;
    const name = category?.name ?? null;
    if (!name || (!wanted.includes(name.trim().toLowerCase()) && !wanted.includes((job.categoryUuid ?? '').toLowerCase())))
      return no(
        'category_filtered',
        `Not sent: its category (${name ?? 'none'}) is not one of ${settings.rules.filters.jobCategories.join(', ')} (Settings → Only jobs in these categories).`,
      );
  }
  if (client.kind === 'quarantined') return no('client_quarantined', `Not sent: its client is quarantined (${client.reason}).`);
  if (client.kind === 'unlinked')
    return no(
      'client_unlinked',
      job.companyUuid
        ? 'Not sent: its client is not linked to a Stripe customer (the client is not synced: no email, filtered out by a rule, or waiting for a decision).'
        : 'Not sent: the job has no client.',
    );
  if (!build.ok) return no(build.code, `Not sent: ${build.reason}.`);
  if (build.invoice.lines.length === 0) return no('no_lines', 'Not sent: the job has no billable lines.');
  if (build.invoice.servicem8.incCents === 0)
    return no(
      'zero_value',
      'Not sent: the invoice total is $0.00 (a zero-value invoice is not sent, as ServiceM8 does with accounting packages).',
    );
  // A negative invoice would become customer credit in Stripe, taken off their next invoice
  // without anyone deciding it: a refund or credit note is a person's call.
  if (build.invoice.servicem8.incCents < 0)
    return no(
      'negative_value',
      `Not sent: the job's total is negative (-$${formatCents(-build.invoice.servicem8.incCents)}). A credit is given in Stripe with a credit note or a refund on the invoice it corrects, not with a new invoice.`,
    );
  return { ok: true };
}
