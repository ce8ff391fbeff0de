// The questions the invoices pair asks and what each answer does. The planner reads
// the chosen action back (plan-decisions.ts).
import type { Conflict } from '../../store/repositories/conflicts-repository';
import type { ConflictKindDefinition } from '../engine/pair-definition';
import { formatDollars } from '../../money';

export const FINALIZED_CHANGED = 'finalized_changed';
export const STRIPE_INVOICE = 'stripe_invoice';
export const HAND_MADE = 'hand_made';
/** Same name as the clients pair's question about a deleted customer: the app shows its Stripe side as deleted. */
export const DELETED_IN_STRIPE = 'deletion';

export const VOID_AND_REISSUE = 'void_and_reissue';
export const CREDIT_NOTE_DIFFERENCE = 'credit_note_difference';
export const LEAVE_AS_IS = 'leave_as_is';
export const CREATE_JOB = 'create_job';
export const IGNORE = 'ignore';
export const LINK_AS_IS = 'link_as_is';
export const CREATE_SEPARATE = 'create_separate';
export const INVOICE_AGAIN = 'invoice_again';
export const LEAVE_UNINVOICED = 'leave_without_invoice';

/** The values a finalized-invoice question carries: each side's total and GST. */
export interface TotalsValue {
  totalCents: number;
  gstCents: number;
}

function totalsOf(value: unknown): TotalsValue | null {
  const v = value as Partial<TotalsValue> | null;
  return v && typeof v.totalCents === 'number' && typeof v.gstCents === 'number'
    ? { totalCents: v.totalCents, gstCents: v.gstCents }
    : null;
}

/** What a credit note would credit: the Stripe total less the job's new total; null when it would not reduce. */
export function creditDifference(conflict: Conflict): number | null {
  const job = totalsOf(conflict.servicem8Value);
  const stripe = totalsOf(conflict.stripeValue);
  if (!job || !stripe) return null;
  const difference = stripe.totalCents - job.totalCents;
  return difference > 0 ? difference : null;
}

const dollars = formatDollars;

export const INVOICE_CONFLICT_KINDS: Record<string, ConflictKindDefinition> = {
  [FINALIZED_CHANGED]: {
    label: 'Job changed after its invoice was finalized',
    actions: [
      {
        name: VOID_AND_REISSUE,
        label: 'Void and reissue',
        take: 'servicem8',
        effect: () => 'Void the Stripe invoice and issue a new one with the job as it is now (not emailed unless the settings say so).',
      },
      {
        name: CREDIT_NOTE_DIFFERENCE,
        label: 'Credit note for the difference',
        effect: (c) => {
          const amount = creditDifference(c);
          return amount === null
            ? 'Issue a credit note for the difference.'
            : `Issue a Stripe credit note of ${dollars(amount)} on the invoice.`;
        },
        unavailable: (c) =>
          creditDifference(c) === null
            ? "the job's total did not go down: a credit note can only reduce an invoice (void and reissue instead)"
            : null,
      },
      {
        name: LEAVE_AS_IS,
        label: 'Leave as is',
        take: 'stripe',
        effect: () => 'Keep the Stripe invoice unchanged; the difference stays recorded on the invoice.',
      },
    ],
  },
  [STRIPE_INVOICE]: {
    label: 'Invoice made in Stripe',
    actions: [
      {
        name: CREATE_JOB,
        label: 'Create a ServiceM8 job',
        take: 'stripe',
        effect: () => "Create a completed ServiceM8 job for the client with the invoice's lines, and link them.",
      },
      { name: IGNORE, label: 'Ignore', take: 'servicem8', effect: () => 'Leave the invoice in Stripe only; it is not asked about again.' },
    ],
  },
  [HAND_MADE]: {
    label: 'Stripe invoice made by hand for this job',
    actions: [
      {
        name: LINK_AS_IS,
        label: 'Link as it is',
        take: 'stripe',
        effect: () => "Treat the Stripe invoice as this job's invoice; it is not changed and the difference stays recorded.",
      },
      {
        name: CREATE_SEPARATE,
        label: 'Create a separate invoice',
        take: 'servicem8',
        effect: () => 'Leave that invoice alone and create a new Stripe invoice for the job.',
      },
    ],
  },
  [DELETED_IN_STRIPE]: {
    label: 'Invoice deleted in Stripe',
    actions: [
      {
        name: INVOICE_AGAIN,
        label: 'Invoice it again',
        take: 'servicem8',
        effect: () =>
          'Create a new Stripe invoice for the job as it is now, in place of the deleted one (not emailed unless the settings say so).',
      },
      {
        name: LEAVE_UNINVOICED,
        label: 'Leave it without an invoice',
        take: 'stripe',
        effect: () =>
          "Create nothing: the job stays without a Stripe invoice, and you are asked again only if the job's total or GST changes.",
      },
    ],
  },
};
