// The client ⇄ customer pair as the engine sees it. prepare(): read what changed on
// both sides since the cursors, lay it over the local mirror, validate (quarantine
// what fails) and plan. apply(): one outbox row, through the ports.
import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/store';
import type { CycleContext, PreparedPair, SyncPair } from '../engine/sync-pair';
import { applyClientWrite } from './apply-client';
import { assembleServiceM8Client, assembleStripeClient, chooseContact } from './assemble';
import { planClients, CLIENT_ENTITY } from './plan-clients';
import type { ClientBase } from './payloads';
import type { ErrorClassifier, ServiceM8ClientsPort, StripeCustomerChanges, StripeCustomersPort } from './ports';
import type { ClientRecord, Sm8Company, Sm8Contact, StripeCustomer } from './types';

export const CURSORS = { companies: 'servicem8.company', contacts: 'servicem8.companycontact', customers: 'stripe.customers', deferred: 'client.deferred' } as const;

export interface ClientPairDeps {
  store: Store;
  servicem8: ServiceM8ClientsPort;
  stripe: StripeCustomersPort;
  errors: ErrorClassifier;
  newUuid?: () => string;
}

export function createClientPair(deps: ClientPairDeps): SyncPair {
  const { store } = deps;
  return {
    entity: CLIENT_ENTITY,
    classify: (error) => deps.errors.classify(error),
    apply: (item, context) => applyClientWrite(item, context, deps),
    async prepare(context: CycleContext): Promise<PreparedPair> {
      const companies = await deps.servicem8.pullCompanies(store.cursors.get(CURSORS.companies), context.signal);
      context.progress('pull', CLIENT_ENTITY, companies.records.length, null);
      const contacts = await deps.servicem8.pullContacts(store.cursors.get(CURSORS.contacts), context.signal);
      const customers = await deps.stripe.pullCustomers(store.cursors.get(CURSORS.customers), context.signal);
      context.progress('plan', CLIENT_ENTITY, 0, null);

      const companyMap = new Map(store.mirror.list<Sm8Company>('servicem8', 'company').map((m) => [m.id, m.record]));
      for (const company of companies.records) companyMap.set(company.uuid, company);
      const contactMap = new Map(store.mirror.list<Sm8Contact>('servicem8', 'companycontact').map((m) => [m.id, m.record]));
      for (const contact of contacts.records) contactMap.set(contact.uuid, contact);
      const customerMap = new Map(store.mirror.list<StripeCustomer>('stripe', 'customer').map((m) => [m.id, m.record]));
      const changedCustomers = withKnownAbns(customers, customerMap);
      // A full scan lists only live customers: the ones we knew that it no longer lists were deleted.
      const listed = new Set(changedCustomers.map((c) => c.id));
      const deletedIds = new Set(customers.deletedIds);
      if (customers.fullScan) {
        const missing = [...customerMap].filter(([id, known]) => !listed.has(id) && !known.deleted).map(([id]) => id);
        // Absence from a list is a hint, not proof: Stripe confirms each one.
        for (const id of await deps.stripe.confirmDeleted(missing, context.signal)) deletedIds.add(id);
      }
      for (const customer of changedCustomers) customerMap.set(customer.id, customer);
      const deleted: StripeCustomer[] = [];
      for (const id of deletedIds) {
        const known = customerMap.get(id);
        if (known) {
          const gone = { ...known, deleted: true };
          customerMap.set(id, gone);
          deleted.push(gone);
        }
      }

      const rules = context.settings.rules.transforms;
      const contactsByCompany = new Map<string, Sm8Contact[]>();
      for (const contact of contactMap.values()) {
        const list = contactsByCompany.get(contact.companyUuid);
        if (list) list.push(contact);
        else contactsByCompany.set(contact.companyUuid, [contact]);
      }
      // Subjects a waiting write kept us from planning last time are planned now.
      const deferred = JSON.parse(store.cursors.get(CURSORS.deferred) ?? '{"servicem8":[],"stripe":[]}') as { servicem8: string[]; stripe: string[] };
      const dirtyServicem8 = new Set([...companies.records.map((c) => c.uuid), ...contacts.records.map((c) => c.companyUuid), ...deferred.servicem8]);
      const dirtyStripe = new Set([...changedCustomers.map((c) => c.id), ...deletedIds, ...deferred.stripe]);
      const quarantine: { side: 'servicem8' | 'stripe'; object: string; recordId: string; reason: string; raw?: unknown }[] = [];
      const release: { side: 'servicem8' | 'stripe'; object: string; recordId: string }[] = [];

      const quarantinedEmails = { servicem8: new Set<string>(), stripe: new Set<string>() };
      const rawEmail = (email: string | null | undefined) => email?.trim().toLowerCase() || null;
      const servicem8 = new Map<string, ClientRecord>();
      for (const company of companyMap.values()) {
        const assembled = assembleServiceM8Client(company, contactsByCompany.get(company.uuid) ?? [], rules);
        if (!assembled.ok) {
          const email = rawEmail(chooseContact(contactsByCompany.get(company.uuid) ?? [])?.email);
          if (email) quarantinedEmails.servicem8.add(email);
        }
        if (assembled.ok) {
          servicem8.set(company.uuid, assembled.record);
          if (dirtyServicem8.has(company.uuid)) release.push({ side: 'servicem8', object: 'company', recordId: company.uuid });
        } else if (dirtyServicem8.has(company.uuid)) {
          quarantine.push({ side: 'servicem8', object: 'company', recordId: company.uuid, reason: assembled.reason, raw: { company, contacts: contactsByCompany.get(company.uuid) ?? [] } });
        }
      }
      const stripe = new Map<string, ClientRecord>();
      for (const customer of customerMap.values()) {
        const assembled = assembleStripeClient(customer, rules);
        if (!assembled.ok && !customer.deleted) {
          const email = rawEmail(customer.email);
          if (email) quarantinedEmails.stripe.add(email);
        }
        if (assembled.ok) {
          stripe.set(customer.id, assembled.record);
          if (dirtyStripe.has(customer.id)) release.push({ side: 'stripe', object: 'customer', recordId: customer.id });
        } else if (dirtyStripe.has(customer.id)) {
          quarantine.push({ side: 'stripe', object: 'customer', recordId: customer.id, reason: assembled.reason, raw: customer });
        }
      }
      for (const rejected of [...companies.rejected, ...contacts.rejected]) quarantine.push({ side: 'servicem8', object: rejected.object, recordId: rejected.id, reason: rejected.reason, raw: rejected.raw });
      for (const rejected of customers.rejected) quarantine.push({ side: 'stripe', object: rejected.object, recordId: rejected.id, reason: rejected.reason, raw: rejected.raw });

      const links = {
        stripeIdFor: (id: string) => store.links.byServiceM8Id(CLIENT_ENTITY, id)?.stripeId ?? null,
        servicem8IdFor: (id: string) => store.links.byStripeId(CLIENT_ENTITY, id)?.servicem8Id ?? null,
      };
      const plan = planClients(
        { servicem8, stripe, dirtyServicem8, dirtyStripe },
        {
          links,
          baseFor: (id) => {
            const link = store.links.byServiceM8Id(CLIENT_ENTITY, id);
            return link ? (store.snapshots.get<ClientBase>(link.id)?.fields ?? undefined) : undefined;
          },
          resolved: store.conflicts.listForEntity(CLIENT_ENTITY, ['resolved']),
          busy: store.outbox.busySubjects(CLIENT_ENTITY),
          quarantinedEmails,
          settings: context.settings,
          newUuid: deps.newUuid ?? randomUUID,
        },
      );

      return {
        plan,
        pulled: { servicem8: companies.records.length + contacts.records.length, stripe: changedCustomers.length + deleted.length },
        quarantined: quarantine.length,
        persist() {
          for (const c of companies.records) store.mirror.upsert({ side: 'servicem8', object: 'company', id: c.uuid, record: c, editedAt: c.editedAt, active: c.active });
          for (const c of contacts.records) store.mirror.upsert({ side: 'servicem8', object: 'companycontact', id: c.uuid, record: c, editedAt: c.editedAt, active: c.active });
          for (const c of [...changedCustomers, ...deleted]) store.mirror.upsert({ side: 'stripe', object: 'customer', id: c.id, record: c, editedAt: c.editedAt, active: !c.deleted });
          for (const q of quarantine) store.quarantine.put(q);
          for (const r of release) store.quarantine.release(r.side, r.object, r.recordId);
          store.cursors.set(CURSORS.companies, companies.cursor);
          store.cursors.set(CURSORS.contacts, contacts.cursor);
          store.cursors.set(CURSORS.customers, customers.cursor);
          store.cursors.set(CURSORS.deferred, JSON.stringify(plan.deferred));
        },
      };
    },
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
