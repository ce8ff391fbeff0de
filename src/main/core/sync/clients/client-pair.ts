// The client ⇄ customer pair as the engine sees it. prepare(): read what changed on
// both sides since the cursors, lay it over the local mirror, validate (quarantine
// what fails) and plan. apply(): one outbox row, through the ports.
import { randomUUID } from 'node:crypto';
import type { Store } from '../../store/store';
import type { CycleContext, PreparedPair, SyncPair } from '../engine/sync-pair';
import { applyClientWrite } from './apply-client';
import { overlayChanges, type Deferred } from './overlay-changes';
import { planClients, CLIENT_ENTITY } from './plan-clients';
import type { ClientBase } from './payloads';
import type { ErrorClassifier, ServiceM8ClientsPort, StripeCustomersPort } from './ports';
import { validateClients } from './validate-clients';

export const CURSORS = {
  companies: 'servicem8.company',
  contacts: 'servicem8.companycontact',
  customers: 'stripe.customers',
  deferred: 'client.deferred',
} as const;

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

      const deferred = JSON.parse(store.cursors.get(CURSORS.deferred) ?? '{"servicem8":[],"stripe":[]}') as Deferred;
      const world = await overlayChanges(store, { companies, contacts, customers }, deferred, (ids) =>
        deps.stripe.confirmDeleted(ids, context.signal),
      );
      const valid = validateClients(
        world,
        { servicem8: [...companies.rejected, ...contacts.rejected], stripe: customers.rejected },
        context.settings.rules.transforms,
      );
      const plan = planClients(
        { servicem8: valid.servicem8, stripe: valid.stripe, dirtyServicem8: world.dirtyServicem8, dirtyStripe: world.dirtyStripe },
        {
          links: {
            stripeIdFor: (id) => store.links.byServiceM8Id(CLIENT_ENTITY, id)?.stripeId ?? null,
            servicem8IdFor: (id) => store.links.byStripeId(CLIENT_ENTITY, id)?.servicem8Id ?? null,
          },
          baseFor: (id) => {
            const link = store.links.byServiceM8Id(CLIENT_ENTITY, id);
            return link ? (store.snapshots.get<ClientBase>(link.id)?.fields ?? undefined) : undefined;
          },
          resolved: store.conflicts.listForEntity(CLIENT_ENTITY, ['resolved']),
          busy: store.outbox.busySubjects(CLIENT_ENTITY),
          quarantinedEmails: valid.quarantinedEmails,
          settings: context.settings,
          newUuid: deps.newUuid ?? randomUUID,
        },
      );

      const savedCustomers = [...world.changedCustomers, ...world.deletedCustomers];
      return {
        plan,
        pulled: { servicem8: companies.records.length + contacts.records.length, stripe: savedCustomers.length },
        quarantined: valid.quarantine.length,
        persist() {
          for (const c of companies.records)
            store.mirror.upsert({ side: 'servicem8', object: 'company', id: c.uuid, record: c, editedAt: c.editedAt, active: c.active });
          for (const c of contacts.records)
            store.mirror.upsert({
              side: 'servicem8',
              object: 'companycontact',
              id: c.uuid,
              record: c,
              editedAt: c.editedAt,
              active: c.active,
            });
          for (const c of savedCustomers)
            store.mirror.upsert({ side: 'stripe', object: 'customer', id: c.id, record: c, editedAt: c.editedAt, active: !c.deleted });
          for (const q of valid.quarantine) store.quarantine.put(q);
          for (const r of valid.release) store.quarantine.release(r.side, r.object, r.recordId);
          store.cursors.set(CURSORS.companies, companies.cursor);
          store.cursors.set(CURSORS.contacts, contacts.cursor);
          store.cursors.set(CURSORS.customers, customers.cursor);
          store.cursors.set(CURSORS.deferred, JSON.stringify(plan.deferred));
        },
      };
    },
  };
}
