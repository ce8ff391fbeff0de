// Finds the other side of a client, the same way from either side: its link, then the
// cross-reference stored in Stripe metadata (which also rebuilds links after a lost
// database), then the email. More than one candidate is a duplicate: never guessed.
import type { LinkLookup } from '../kit/planning-links';
import { otherSide, partnerOf, SideIndex } from '../kit/side-index';
import type { ClientRecord } from './types';

export type MatchResult =
  | { kind: 'linked'; other: string }
  | { kind: 'xref'; other: string }
  | { kind: 'email'; other: string }
  | { kind: 'duplicate'; candidates: ClientRecord[] }
  | { kind: 'none' };

export interface MatchIndex {
  /** Active records by canonical email, per side. */
  byEmail: SideIndex<ClientRecord>;
  /** Active Stripe customers by metadata.servicem8_uuid. */
  stripeByXref: Map<string, ClientRecord>;
  /** Active ServiceM8 clients by uuid (a Stripe cross-reference's target). */
  servicem8ById: Map<string, ClientRecord>;
}

export function buildMatchIndex(servicem8: Iterable<ClientRecord>, stripe: Iterable<ClientRecord>): MatchIndex {
  const index: MatchIndex = { byEmail: new SideIndex(), stripeByXref: new Map(), servicem8ById: new Map() };
  for (const record of servicem8) {
    index.servicem8ById.set(record.id, record);
    if (record.active) index.byEmail.add(record, record.fields.email);
  }
  for (const record of stripe) {
    if (!record.active) continue;
    if (record.crossReference) index.stripeByXref.set(record.crossReference, record);
    index.byEmail.add(record, record.fields.email);
  }
  return index;
}

/** Linked already, or (a Stripe customer) carrying some ServiceM8 client's cross-reference. */
function claimed(record: ClientRecord, links: LinkLookup): boolean {
  return partnerOf(record, links) !== null || (record.side === 'stripe' && record.crossReference !== null);
}

/** The record the cross-reference names on the other side, when that one is not linked to another. */
function crossReferenced(record: ClientRecord, index: MatchIndex, links: LinkLookup): ClientRecord | null {
  const partner =
    record.side === 'servicem8'
      ? index.stripeByXref.get(record.id)
      : record.crossReference
        ? index.servicem8ById.get(record.crossReference)
        : undefined;
  return partner && partnerOf(partner, links) === null ? partner : null;
}

/** Matches a record of either side to the other side. */
export function matchClient(record: ClientRecord, index: MatchIndex, links: LinkLookup): MatchResult {
  const linked = partnerOf(record, links);
  if (linked) return { kind: 'linked', other: linked };
  const xref = crossReferenced(record, index, links);
  if (xref) return { kind: 'xref', other: xref.id };
  const email = record.fields.email;
  if (!email) return { kind: 'none' };
  const other = otherSide(record.side);
  const candidates = index.byEmail.on(other, email).filter((c) => !claimed(c, links));
  const twins = index.byEmail.on(record.side, email).filter((c) => !claimed(c, links));
  if (candidates.length > 1 || twins.length > 1) {
    const [servicem8, stripe] = record.side === 'servicem8' ? [twins, candidates] : [candidates, twins];
    return { kind: 'duplicate', candidates: [...servicem8, ...stripe] };
  }
  if (candidates.length === 1) return { kind: 'email', other: candidates[0]!.id };
  // A record already linked holds this email: creating a second one would duplicate it.
  const taken = index.byEmail.on(other, email).filter((c) => claimed(c, links));
  if (taken.length > 0) return { kind: 'duplicate', candidates: [record, ...taken] };
  return { kind: 'none' };
}
