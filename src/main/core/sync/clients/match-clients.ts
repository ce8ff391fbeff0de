// Finds the other side of a client: its link, then the cross-reference stored in
// Stripe metadata (which also rebuilds links after a lost database), then the email.
// More than one candidate is a duplicate: never guessed.
import type { LinkLookup } from '../kit/planning-links';
import type { ClientRecord } from './types';

export type MatchResult =
  | { kind: 'linked'; other: string }
  | { kind: 'xref'; other: string }
  | { kind: 'email'; other: string }
  | { kind: 'duplicate'; candidates: ClientRecord[] }
  | { kind: 'none' };

export interface MatchIndex {
  /** Active Stripe customers by metadata.servicem8_uuid. */
  stripeByXref: Map<string, ClientRecord>;
  /** Active records by canonical email, per side. */
  servicem8ByEmail: Map<string, ClientRecord[]>;
  stripeByEmail: Map<string, ClientRecord[]>;
}

function pushTo(map: Map<string, ClientRecord[]>, key: string, record: ClientRecord): void {
  const list = map.get(key);
  if (list) list.push(record);
  else map.set(key, [record]);
}

export function buildMatchIndex(servicem8: Iterable<ClientRecord>, stripe: Iterable<ClientRecord>): MatchIndex {
  const index: MatchIndex = { stripeByXref: new Map(), servicem8ByEmail: new Map(), stripeByEmail: new Map() };
  for (const record of servicem8) if (record.active && record.fields.email) pushTo(index.servicem8ByEmail, record.fields.email, record);
  for (const record of stripe) {
    if (!record.active) continue;
    if (record.crossReference) index.stripeByXref.set(record.crossReference, record);
    if (record.fields.email) pushTo(index.stripeByEmail, record.fields.email, record);
  }
  return index;
}

/** Matches a ServiceM8 client to a Stripe customer. */
export function matchServiceM8Client(record: ClientRecord, index: MatchIndex, links: LinkLookup): MatchResult {
  const linked = links.stripeIdFor(record.id);
  if (linked) return { kind: 'linked', other: linked };
  const xref = index.stripeByXref.get(record.id);
  if (xref && !links.servicem8IdFor(xref.id)) return { kind: 'xref', other: xref.id };
  const email = record.fields.email;
  if (!email) return { kind: 'none' };
  const stripeCandidates = (index.stripeByEmail.get(email) ?? []).filter((c) => !links.servicem8IdFor(c.id) && !c.crossReference);
  const servicem8Twins = (index.servicem8ByEmail.get(email) ?? []).filter((c) => !links.stripeIdFor(c.id));
  if (stripeCandidates.length > 1 || servicem8Twins.length > 1)
    return { kind: 'duplicate', candidates: [...servicem8Twins, ...stripeCandidates] };
  if (stripeCandidates.length === 1) return { kind: 'email', other: stripeCandidates[0]!.id };
  // A linked customer already holds this email: a second customer would duplicate it.
  const taken = (index.stripeByEmail.get(email) ?? []).filter((c) => links.servicem8IdFor(c.id) || c.crossReference);
  if (taken.length > 0) return { kind: 'duplicate', candidates: [record, ...taken] };
  return { kind: 'none' };
}

/** Matches a Stripe customer that no ServiceM8 client claimed. */
export function matchStripeCustomer(
  record: ClientRecord,
  index: MatchIndex,
  links: LinkLookup,
  servicem8: Map<string, ClientRecord>,
): MatchResult {
  const linked = links.servicem8IdFor(record.id);
  if (linked) return { kind: 'linked', other: linked };
  if (record.crossReference && servicem8.has(record.crossReference) && !links.stripeIdFor(record.crossReference))
    return { kind: 'xref', other: record.crossReference };
  const email = record.fields.email;
  if (!email) return { kind: 'none' };
  const candidates = (index.servicem8ByEmail.get(email) ?? []).filter((c) => !links.stripeIdFor(c.id));
  const stripeTwins = (index.stripeByEmail.get(email) ?? []).filter((c) => !links.servicem8IdFor(c.id) && !c.crossReference);
  if (candidates.length > 1 || stripeTwins.length > 1) return { kind: 'duplicate', candidates: [...candidates, ...stripeTwins] };
  if (candidates.length === 1) return { kind: 'email', other: candidates[0]!.id };
  const taken = (index.servicem8ByEmail.get(email) ?? []).filter((c) => links.stripeIdFor(c.id));
  if (taken.length > 0) return { kind: 'duplicate', candidates: [record, ...taken] };
  return { kind: 'none' };
}
