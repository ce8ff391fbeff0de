// The part of the mirror a cycle with a few changes needs, read by key instead of in
// full. Planning looks at its subjects (records that changed, wait or were decided), at
// their linked partners, and (matching) at every record that shares a subject's email
// or cross-reference; any record beyond those is neither planned nor looked at. So the
// overlay of this part plans exactly what the overlay of the whole mirror plans:
//  1. the seeds (subjects) and their linked partners, by id; each company's contacts;
//  2. by the email matching compares (trimmed, lower case) of each of those, as it reads
//     after this pull: contacts (then their companies and all their contacts) and
//     customers; customers naming one of those companies (metadata cross-reference), and
//     the companies those customers name.
// A company is always read with all its contacts, so it assembles as it would from the
// whole mirror (its email is its chosen contact's).
import type { Store } from '../../store/store';
import type { MirrorRecord } from '../../store/repositories/mirror-repository';
import { chooseContact } from './assemble';
import { XREF_KEY, type Sm8Company, type Sm8Contact, type StripeCustomer } from './types';

export interface MirrorPart {
  companies: Map<string, Sm8Company>;
  contacts: Map<string, Sm8Contact>;
  customers: Map<string, StripeCustomer>;
}

export interface Fresh {
  contacts: readonly Sm8Contact[];
  customers: readonly StripeCustomer[];
}

/** An email as the mirror's `email` key holds it (matching's comparison form), or null. */
const emailKey = (raw: unknown): string | null => (typeof raw === 'string' && raw.trim() !== '' ? raw.trim().toLowerCase() : null);

/** In the mirror's order (by id; SQLite compares text bytewise and ids are ASCII). */
function byId<T>(records: Iterable<MirrorRecord<T>>): Map<string, T> {
  const sorted = [...new Map([...records].map((r) => [r.id, r])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Map(sorted.map((r) => [r.id, r.record]));
}

export function touchedMirror(store: Store, seeds: { servicem8: Iterable<string>; stripe: Iterable<string> }, fresh: Fresh): MirrorPart {
  const { mirror, links } = store;
  const companyIds = new Set(seeds.servicem8);
  const customerIds = new Set(seeds.stripe);
  for (const id of customerIds) {
    const partner = links.byStripeId('client', id)?.servicem8Id;
    if (partner) companyIds.add(partner);
  }
  for (const id of companyIds) {
    const partner = links.byServiceM8Id('client', id)?.stripeId;
    if (partner) customerIds.add(partner);
  }
  const companies = [...mirror.listByIds<Sm8Company>('servicem8', 'company', companyIds)];
  const contacts = [...mirror.listByKey<Sm8Contact>('servicem8', 'companycontact', 'company', companyIds)];
  const customers = [...mirror.listByIds<StripeCustomer>('stripe', 'customer', customerIds)];

  // What each of them reads as after this pull: the keys matching will look them up by.
  const freshContacts = new Map(fresh.contacts.map((c) => [c.uuid, c]));
  const freshCustomers = new Map(fresh.customers.map((c) => [c.id, c]));
  const contactsOf = new Map<string, Sm8Contact[]>();
  for (const contact of new Map([...contacts.map((r) => [r.id, r.record] as const), ...freshContacts]).values()) {
    const current = freshContacts.get(contact.uuid) ?? contact;
    contactsOf.set(current.companyUuid, [...(contactsOf.get(current.companyUuid) ?? []), current]);
  }
  const emails = new Set<string>();
  const named = new Set<string>();
  for (const id of companyIds) {
    const email = emailKey(chooseContact(contactsOf.get(id) ?? [])?.email);
    if (email) emails.add(email);
  }
  for (const r of customers) {
    const current = freshCustomers.get(r.id) ?? r.record;
    const email = current.deleted ? null : emailKey(current.email);
    if (email) emails.add(email);
    const xref = current.metadata[XREF_KEY];
    if (xref) named.add(xref);
  }
  for (const c of freshCustomers.values()) {
    const email = c.deleted ? null : emailKey(c.email);
    if (email) emails.add(email);
    if (c.metadata[XREF_KEY]) named.add(c.metadata[XREF_KEY]);
  }

  const sharing = mirror.listByKey<Sm8Contact>('servicem8', 'companycontact', 'email', emails);
  const more = new Set([...sharing.map((r) => r.record.companyUuid), ...named].filter((id) => !companyIds.has(id)));
  companies.push(...mirror.listByIds<Sm8Company>('servicem8', 'company', more));
  contacts.push(...mirror.listByKey<Sm8Contact>('servicem8', 'companycontact', 'company', more));
  customers.push(...mirror.listByKey<StripeCustomer>('stripe', 'customer', 'email', emails));
  customers.push(...mirror.listByKey<StripeCustomer>('stripe', 'customer', 'xref', companyIds));
  return { companies: byId(companies), contacts: byId(contacts), customers: byId(customers) };
}
