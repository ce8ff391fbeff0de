// The questions the clients pair asks and what each answer does. The planner reads
// the chosen action back (plan-clients.ts, merge-client.ts); these words are what a
// person is offered in the app and the terminal.
import type { Conflict } from '../../store/repositories/conflicts-repository';
import type { Side } from '../../store/repositories/mirror-repository';
import type { ActionHelpers, ConflictKindDefinition } from '../engine/pair-definition';
import { KEEP_SERVICEM8, KEEP_STRIPE } from '../kit/decisions';
import { CLIENT_ENTITY } from './plan-context';

export const LINK = 'link';
export const KEEP_SEPARATE = 'keep_separate';
export const ARCHIVE_CLIENT = 'archive_client';
export const RECREATE_CUSTOMER = 'recreate_customer';
export const RESTORE = 'restore';
export const KEEP_CURRENT = 'keep_current';

const FIELD_WORDS: Record<string, string> = { name: 'name', email: 'email', phone: 'phone', address: 'address' };
const RECORD = { servicem8: 'ServiceM8 client', stripe: 'Stripe customer' } as const;
const other = (side: Side): Side => (side === 'servicem8' ? 'stripe' : 'servicem8');

/** The side the duplicate question is about (its record), and its candidates. */
function duplicateSubject(conflict: Conflict): { side: Side; candidates: { side: Side; id: string }[] } {
  const side: Side = conflict.servicem8Id ? 'servicem8' : 'stripe';
  const raw = Array.isArray(conflict.candidates) ? (conflict.candidates as unknown[]) : [];
  const candidates: { side: Side; id: string }[] = [];
  for (const c of raw) {
    const k = c as { side?: unknown; id?: unknown };
    if ((k.side === 'servicem8' || k.side === 'stripe') && typeof k.id === 'string') candidates.push({ side: k.side, id: k.id });
  }

  return { side, candidates };
}

/** Candidates a duplicate can be linked to: on the other side, and not linked to another record. */
export function linkableCandidates(conflict: Conflict, helpers: ActionHelpers): string[] {
  const { side, candidates } = duplicateSubject(conflict);
  return candidates.filter((c) => c.side === other(side) && !helpers.isLinked(CLIENT_ENTITY, c.side, c.id)).map((c) => c.id);
}

export const CLIENT_CONFLICT_KINDS: Record<string, ConflictKindDefinition> = {
  field: {
    label: 'Different values',
    actions: [
      {
        name: KEEP_SERVICEM8,
        label: 'Keep ServiceM8',
        take: 'servicem8',
        effect: (c) => `Write the ServiceM8 ${FIELD_WORDS[c.field ?? ''] ?? 'value'} to the Stripe customer.`,
      },
      {
        name: KEEP_STRIPE,
        label: 'Keep Stripe',
        take: 'stripe',
        effect: (c) => `Write the Stripe ${FIELD_WORDS[c.field ?? ''] ?? 'value'} to the ServiceM8 client.`,
      },
    ],
  },
  duplicate: {
    label: 'Possible duplicate',
    actions: [
      {
        name: LINK,
        label: 'Link to this one',
        needsCandidate: true,
        effect: (c) => {
          const { side } = duplicateSubject(c);
          return `Treat this ${RECORD[side]} and the chosen ${RECORD[other(side)]} as the same client from now on.`;
        },
        unavailable: (c, helpers, candidate) => {
          const { side } = duplicateSubject(c);
          const linkable = linkableCandidates(c, helpers);
          if (linkable.length === 0)
            return `there is no ${RECORD[other(side)]} to link to: every candidate is on the same side or already linked to another client`;
          if (candidate !== null && !linkable.includes(candidate))
            return `that record is not one of the ${RECORD[other(side)]}s this question can be linked to`;
          return null;
        },
      },
      {
        name: KEEP_SEPARATE,
        label: 'Keep separate',
        effect: (c) =>
          duplicateSubject(c).side === 'servicem8'
            ? 'Create a separate Stripe customer for this ServiceM8 client.'
            : 'Create a separate ServiceM8 client for this Stripe customer.',
      },
    ],
    // Taking the other side links to its oldest unlinked candidate (chosen when the decision is applied).
    take: (c, side) => ({ action: side === duplicateSubject(c).side ? KEEP_SEPARATE : LINK, candidate: null }),
  },
  overwritten: {
    label: 'Changed in Stripe during a sync',
    actions: [
      {
        name: RESTORE,
        label: 'Use the Stripe value',
        take: 'stripe',
        effect: (c) => `Write the value set in Stripe to both sides (${FIELD_WORDS[c.field ?? ''] ?? 'value'}).`,
      },
      {
        name: KEEP_CURRENT,
        label: 'Keep the current value',
        take: 'servicem8',
        effect: () => 'Keep the value both sides hold now; nothing is written.',
      },
    ],
  },
  deletion: {
    label: 'Deleted in Stripe',
    actions: [
      {
        name: ARCHIVE_CLIENT,
        label: 'Archive in ServiceM8',
        take: 'stripe',
        effect: () => 'Archive the ServiceM8 client, as the Stripe customer was deleted.',
      },
      {
        name: RECREATE_CUSTOMER,
        label: 'Keep and recreate',
        take: 'servicem8',
        effect: () => 'Keep the ServiceM8 client and create the customer again in Stripe.',
      },
    ],
  },
};
