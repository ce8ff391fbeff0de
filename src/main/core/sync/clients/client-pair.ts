// The client ⇄ customer pair, one straight path: pull what changed on both sides →
// overlay it on the local mirror → validate (quarantine what fails) → match → merge →
// plan (plan-clients.ts) → apply (apply-client.ts, through the ports).
import { randomUUID } from 'node:crypto';
import type { CycleContext, PreparedPair, SyncPair } from '../engine/sync-pair';
import { STRIPE_EVENTS_FEED } from '../kit/feeds';
import { stampStripeEditTimes } from './stripe-edit-times';
import { findOverwrites } from '../kit/overwrites';
import { storedLinks } from '../kit/planning-links';
import { clientHandlers } from './apply-client';
import { CLIENT_CURSORS, clientDefinition } from './definition';
import { emptyOverlay, nothingToOverlay, overlayChanges } from './overlay-changes';
import type { ClientPairDeps } from './pair-deps';
import type { ClientBase } from './payloads';
import { planClients } from './plan-clients';
import { OVERWRITE_FIELDS, planOverwrites } from './plan-overwrites';
import { CLIENT_ENTITY, type ClientPlanContext } from './plan-context';
import { validateClients } from './validate-clients';

export type { ClientPairDeps } from './pair-deps';

export function createClientPair(deps: ClientPairDeps): SyncPair {
  const { store } = deps;
  return {
    definition: clientDefinition,
    handlers: clientHandlers(deps),
    classify: (error) => deps.errors.classify(error),
    async prepare(context: CycleContext): Promise<PreparedPair> {
      const companies = await deps.servicem8.pullCompanies(store.cursors.get(CLIENT_CURSORS.companies), context.signal);
      context.progress('pull', CLIENT_ENTITY, companies.records.length, null);
      const contacts = await deps.servicem8.pullContacts(store.cursors.get(CLIENT_CURSORS.contacts), context.signal);
      const batch = await context.feed(STRIPE_EVENTS_FEED);
      const customers = await deps.stripe.customerChanges(batch, context.signal);
      const overwrites = batch.needsFullRescan ? [] : findOverwrites(batch.events, OVERWRITE_FIELDS, ['customer.updated']);
      context.progress('plan', CLIENT_ENTITY, 0, null);

      const deferred = store.deferred.list(CLIENT_ENTITY);
      const resolved = store.conflicts.listForEntity(CLIENT_ENTITY, ['resolved']);
      // An idle cycle (no change, no decision, nothing waiting) plans nothing: it reads no mirror row.
      const quiet = nothingToOverlay({ companies, contacts, customers }, deferred) && resolved.length === 0 && overwrites.length === 0;
      const world = quiet
        ? emptyOverlay()
        : await overlayChanges(
            store,
            { companies, contacts, customers },
            deferred,
            (ids) => deps.stripe.confirmDeleted(ids, context.signal),
            // Decided questions and overwritten fields are subjects too: the part of the mirror read covers them.
            {
              servicem8: resolved.flatMap((c) => (c.servicem8Id ? [c.servicem8Id] : [])),
              stripe: [...resolved.flatMap((c) => (c.stripeId ? [c.stripeId] : [])), ...overwrites.map((o) => o.objectId)],
            },
          );
      const valid = validateClients(
        world,
        { servicem8: [...companies.rejected, ...contacts.rejected], stripe: customers.rejected },
        context.settings.rules.transforms,
      );
      const planContext: ClientPlanContext = {
        links: storedLinks(store.links, CLIENT_ENTITY),
        baseFor: (id) => {
          const link = store.links.byServiceM8Id(CLIENT_ENTITY, id);
          return link ? (store.snapshots.get<ClientBase>(link.id)?.fields ?? undefined) : undefined;
        },
        resolved,
        busy: store.outbox.busySubjects(CLIENT_ENTITY),
        quarantinedEmails: valid.quarantinedEmails,
        settings: context.settings,
        newUuid: deps.newUuid ?? randomUUID,
      };
      const plan = planClients(
        { servicem8: valid.servicem8, stripe: valid.stripe, dirtyServicem8: world.dirtyServicem8, dirtyStripe: world.dirtyStripe },
        planContext,
      );

      planOverwrites(overwrites, { servicem8: valid.servicem8, stripe: valid.stripe, customers: world.customers }, planContext, plan);
      const liveTimes = new Map(store.conflicts.listForEntity(CLIENT_ENTITY, ['open']).map((c) => [c.dedupeKey, c.stripeEditedAt]));
      stampStripeEditTimes(plan.conflicts, batch.needsFullRescan ? [] : batch.events, (key) => liveTimes.get(key) ?? null);

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
          store.cursors.set(CLIENT_CURSORS.companies, companies.cursor);
          store.cursors.set(CLIENT_CURSORS.contacts, contacts.cursor);
          store.deferred.replace(CLIENT_ENTITY, plan.deferred);
        },
      };
    },
  };
}
