// The questions the payments pair asks and what each answer does. No answer deletes or
// undoes anything on the other side: Stripe cannot un-pay an invoice, and a payment
// removed in ServiceM8 is either put back or left as the person says.
import type { Conflict } from '../../store/repositories/conflicts-repository';
import type { ActionHelpers, ConflictKindDefinition } from '../engine/pair-definition';
import { PAYMENT_ENTITY } from './types';

export const RECORD_WHEN_FULLY_PAID = 'record_when_fully_paid';
export const IGNORE = 'ignore';
export const RECORD_REFUND = 'record_refund';
export const RESTORE = 'restore_in_servicem8';
export const KEEP_DELETED = 'keep_deleted';
export const ACCEPT_EDIT = 'accept_edit';
export const LINK = 'link';
export const RECORD_SEPARATELY = 'record_separately';

export const KIND = {
  partPayment: 'part_payment',
  refund: 'refund',
  deleted: 'deleted_after_sync',
  edited: 'edited_after_sync',
  duplicate: 'duplicate',
} as const;

function candidatesOf(conflict: Conflict): string[] {
  const raw = Array.isArray(conflict.candidates) ? (conflict.candidates as { side?: unknown; id?: unknown }[]) : [];
  return raw.filter((c) => c.side === 'servicem8' && typeof c.id === 'string').map((c) => c.id as string);
}

export function linkableCandidates(conflict: Conflict, helpers: ActionHelpers): string[] {
  return candidatesOf(conflict).filter((id) => !helpers.isLinked(PAYMENT_ENTITY, 'servicem8', id));
}

const value = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

export const PAYMENT_CONFLICT_KINDS: Record<string, ConflictKindDefinition> = {
  [KIND.partPayment]: {
    label: 'Part payment in ServiceM8',
    actions: [
      {
        name: RECORD_WHEN_FULLY_PAID,
        label: 'Record when fully paid',
        effect: () =>
          'Wait until the ServiceM8 payments on this job add up to what the Stripe invoice asks, then mark the Stripe invoice paid outside Stripe once.',
      },
      { name: IGNORE, label: 'Ignore', effect: () => 'Leave the Stripe invoice as it is; this payment is not sent to Stripe.' },
    ],
  },
  [KIND.refund]: {
    label: 'Refund or dispute in Stripe',
    actions: [
      {
        name: RECORD_REFUND,
        label: 'Record the refund in ServiceM8',
        take: 'stripe',
        effect: (c) =>
          `Add a negative payment of the refunded amount to the ServiceM8 job (${typeof value(c.stripeValue).amount === 'string' ? (value(c.stripeValue).amount as string) : 'the refunded amount'}).`,
        unavailable: (c) =>
          value(c.stripeValue).status === 'succeeded'
            ? null
            : 'the money has not gone back yet (the refund is pending or the dispute is still open): decide once Stripe settles it',
      },
      {
        name: IGNORE,
        label: 'Ignore',
        take: 'servicem8',
        effect: () => 'Leave the ServiceM8 job as it is; the refund stays in Stripe only.',
      },
    ],
  },
  [KIND.deleted]: {
    label: 'Synced payment deleted in ServiceM8',
    actions: [
      {
        name: RESTORE,
        label: 'Restore in ServiceM8',
        take: 'stripe',
        effect: () => 'Put the ServiceM8 payment back as it was synced; Stripe is left as it is.',
      },
      {
        name: KEEP_DELETED,
        label: 'Keep it deleted',
        take: 'servicem8',
        effect: () =>
          'Leave the payment deleted in ServiceM8. Nothing changes in Stripe: fix Stripe by hand if the money really did not arrive.',
      },
    ],
  },
  [KIND.edited]: {
    label: 'Synced payment changed in ServiceM8',
    actions: [
      {
        name: RESTORE,
        label: 'Put back the synced values',
        take: 'stripe',
        effect: () => 'Write the amount and time that were synced back to the ServiceM8 payment; Stripe is left as it is.',
      },
      {
        name: ACCEPT_EDIT,
        label: 'Keep the ServiceM8 edit',
        take: 'servicem8',
        effect: () => 'Keep the edited ServiceM8 payment. Nothing changes in Stripe: fix Stripe by hand if it should.',
      },
    ],
  },
  [KIND.duplicate]: {
    label: 'Possible duplicate payment',
    actions: [
      {
        name: LINK,
        label: 'Link to this payment',
        needsCandidate: true,
        effect: () => 'Treat the Stripe payment and the chosen ServiceM8 payment as the same payment; nothing is recorded again.',
        unavailable: (c, helpers, candidate) => {
          const linkable = linkableCandidates(c, helpers);
          if (linkable.length === 0) return 'every candidate ServiceM8 payment is already linked to another Stripe payment';
          if (candidate !== null && !linkable.includes(candidate))
            return 'that payment is not one of the candidates this question can be linked to';
          return null;
        },
      },
      {
        name: RECORD_SEPARATELY,
        label: 'Record as a new payment',
        effect: () => 'None of the candidates is this payment: record the Stripe payment in ServiceM8 as a payment of its own.',
        unavailable: (c) =>
          value(c.stripeValue).servicem8Pay === true
            ? 'ServiceM8 took this payment itself (ServiceM8 Pay), so it is already in ServiceM8 and must not be recorded again'
            : null,
      },
      { name: IGNORE, label: 'Ignore', effect: () => 'Do nothing with this Stripe payment.' },
    ],
    take: () => null,
  },
};
