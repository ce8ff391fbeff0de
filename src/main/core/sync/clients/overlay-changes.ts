// Lays one cycle's pulled changes over the local mirror: the picture of both sides that
// matching needs (all of it on a full scan, else the part the subjects touch), and which
// records changed (the subjects to plan).
import type { Store } from '../../store/store';
import type { Pulled, StripeCustomerChanges } from './ports';
import { touchedMirror } from './touched-mirror';
import type { Sm8Company, Sm8Contact, StripeCustomer } from './types';

export interface OverlaidClients {
  companies: Map<string, Sm8Company>;
  contactsByCompany: Map<string, Sm8Contact[]>;
  customers: Map<string, StripeCustomer>;
  /** Customers to save to the mirror: changed ones (with known ABNs) and deleted ones. */
  changedCustomers: StripeCustomer[];
  deletedCustomers: StripeCustomer[];
  dirtyServicem8: Set<string>;
  dirtyStripe: Set<string>;
}

export interface Deferred {
  servicem8: string[];
  stripe: string[];
}

/**
 * Nothing was pulled on either side and nothing waits from the last cycle: the overlay
 * would be the mirror itself with no subject to plan. Planning needs the whole mirror
 * only for its subjects (matching by email), so a quiet cycle skips reading it.
 */
export function nothingToOverlay(
  pulled: { companies: Pulled<Sm8Company>; contacts: Pulled<Sm8Contact>; customers: StripeCustomerChanges },
  deferred: Deferred,
): boolean {
  const { companies, contacts, customers } = pulled;
  return (
    companies.records.length === 0 &&
    contacts.records.length === 0 &&
    !customers.fullScan &&
    customers.customers.length === 0 &&
    customers.deletedIds.length === 0 &&
    Object.keys(customers.abnById).length === 0 &&
    deferred.servicem8.length === 0 &&
    deferred.stripe.length === 0
  );
}

/** What overlayChanges returns when nothing changed, minus the records no subject asks for. */
export function emptyOverlay(): OverlaidClients {
  return {
    companies: new Map(),
    contactsByCompany: new Map(),
    customers: new Map(),
    changedCustomers: [],
    deletedCustomers: [],
    dirtyServicem8: new Set(),
    dirtyStripe: new Set(),
  };
}

function mirrorMap<T>(store: Store, side: 'servicem8' | 'stripe', object: string): Map<string, T> {
  return new Map(store.mirror.list<T>(side, object).map((m) => [m.id, m.record]));
}

function groupByCompany(contacts: Iterable<Sm8Contact>): Map<string, Sm8Contact[]> {
  const groups = new Map<string, Sm8Contact[]>();
  for (const contact of contacts) groups.set(contact.companyUuid, [...(groups.get(contact.companyUuid) ?? []), contact]);
  return groups;
}

/**
 * `also`: subjects besides what was pulled or deferred (decisions, overwritten fields).
 * A full scan of Stripe (its absences are deletions to confirm) reads the whole mirror;
 * any other cycle reads only the part its subjects touch (touched-mirror.ts).
 */
export async function overlayChanges(
  store: Store,
  pulled: { companies: Pulled<Sm8Company>; contacts: Pulled<Sm8Contact>; customers: StripeCustomerChanges },
  deferred: Deferred,
  confirmDeleted: (ids: string[]) => Promise<string[]>,
  also: Deferred = { servicem8: [], stripe: [] },
): Promise<OverlaidClients> {
  const part = pulled.customers.fullScan
    ? null
    : touchedMirror(
        store,
        {
          servicem8: [
            ...pulled.companies.records.map((c) => c.uuid),
            ...pulled.contacts.records.map((c) => c.companyUuid),
            ...deferred.servicem8,
            ...also.servicem8,
          ],
          stripe: [
            ...pulled.customers.customers.map((c) => c.id),
            ...Object.keys(pulled.customers.abnById),
            ...pulled.customers.deletedIds,
            ...deferred.stripe,
            ...also.stripe,
          ],
        },
        { contacts: pulled.contacts.records, customers: pulled.customers.customers },
      );
  const companies = part?.companies ?? mirrorMap<Sm8Company>(store, 'servicem8', 'company');
  for (const company of pulled.companies.records) companies.set(company.uuid, company);
  const contacts = part?.contacts ?? mirrorMap<Sm8Contact>(store, 'servicem8', 'companycontact');
  for (const contact of pulled.contacts.records) contacts.set(contact.uuid, contact);

  const customers = part?.customers ?? mirrorMap<StripeCustomer>(store, 'stripe', 'customer');
  const changedCustomers = withKnownAbns(pulled.customers, customers);
  const deletedIds = new Set(pulled.customers.deletedIds);
  if (pulled.customers.fullScan) {
    // A full scan lists only live customers. Absence from it is a hint, not proof: Stripe confirms each one.
    // One the scan could not read is there, only malformed (it is quarantined): not a deletion.
    const listed = new Set([...changedCustomers.map((c) => c.id), ...pulled.customers.rejected.map((r) => r.id)]);
    const missing = [...customers].filter(([id, known]) => !listed.has(id) && !known.deleted).map(([id]) => id);
    for (const id of await confirmDeleted(missing)) deletedIds.add(id);
  }
  for (const customer of changedCustomers) customers.set(customer.id, customer);
  const deletedCustomers: StripeCustomer[] = [];
  for (const id of deletedIds) {
    const known = customers.get(id);
    if (!known) continue;
    const gone = { ...known, deleted: true };
    customers.set(id, gone);
    deletedCustomers.push(gone);
  }

  return {
    companies,
    contactsByCompany: groupByCompany(contacts.values()),
    customers,
    changedCustomers,
    deletedCustomers,
    // Subjects a waiting write kept us from planning last time are planned now.
    dirtyServicem8: new Set([
      ...pulled.companies.records.map((c) => c.uuid),
      ...pulled.contacts.records.map((c) => c.companyUuid),
      ...deferred.servicem8,
    ]),
    dirtyStripe: new Set([...changedCustomers.map((c) => c.id), ...deletedIds, ...deferred.stripe]),
  };
}

/**
 * Change events and writes do not carry tax ids: a customer's ABN comes from this
 * pull when it says (tax id events, full scans), else from what the mirror knew.
 * A customer whose only change was its tax id is returned too.
 */
function withKnownAbns(changes: StripeCustomerChanges, mirror: Map<string, StripeCustomer>): StripeCustomer[] {
  const out = new Map<string, StripeCustomer>();
  for (const customer of changes.customers) {
    const abn = customer.id in changes.abnById ? (changes.abnById[customer.id] ?? null) : (mirror.get(customer.id)?.abn ?? null);
    out.set(customer.id, { ...customer, abn });
  }
  for (const [id, abn] of Object.entries(changes.abnById)) {
    const known = mirror.get(id);
    if (!out.has(id) && known && known.abn !== abn) out.set(id, { ...known, abn });
  }
  return [...out.values()];
}
