// The payments pair, one straight path: pull ServiceM8 job payments by cursor and the
// Stripe money movements from the shared events feed → overlay them on the mirror →
// plan (plan-payments.ts) → apply (apply-payments.ts, through the ports). Persist saves
// the mirror, quarantine, cursor, deferred subjects, the typed payments table for both
// sides, and an audit line for every link matching made.
import type { Conflict } from '../../store/repositories/conflicts-repository';
import type { CycleContext, PreparedPair, SyncPair } from '../engine/sync-pair';
import { STRIPE_EVENTS_FEED } from '../kit/feeds';
import { PlanningLinks, storedLinks } from '../kit/planning-links';
import { PaymentWriteRefused, paymentHandlers } from './apply-payments';
import { PAYMENT_CURSORS, paymentDefinition } from './definition';
import type { PaymentPairDeps } from './pair-deps';
import type { PaymentBase } from './payloads';
import { planPayments } from './plan-payments';
import { allStoredPayments, touchedPayments } from './touched-payments';
import { paymentUuidFor } from './words';
import { SETTLE_PREFIX } from './plan-servicem8-pay';
import type { PaymentWorld } from './plan-context';
import type { StripeInvoiceState } from './ports';
import { projectCharge, projectRefund, projectServiceM8 } from './project';
import { INVOICE_ENTITY, MIRROR, PAYMENT_ENTITY, type Sm8Payment, type StripeCharge, type StripeRefund } from './types';

export type { PaymentPairDeps } from './pair-deps';

export function createPaymentPair(deps: PaymentPairDeps): SyncPair {
  const { store } = deps;
  return {
    definition: paymentDefinition,
    handlers: paymentHandlers(deps),
    classify: (error) =>
      error instanceof PaymentWriteRefused ? { kind: 'validation', message: error.message } : deps.errors.classify(error),
    async prepare(context: CycleContext): Promise<PreparedPair> {
      const pulled = await deps.servicem8.pullPayments(store.cursors.get(PAYMENT_CURSORS.jobPayments), context.signal);
      context.progress('pull', PAYMENT_ENTITY, pulled.records.length, null);
      const stripe = await deps.stripe.paymentChanges(await context.feed(STRIPE_EVENTS_FEED), context.signal);
      context.progress('plan', PAYMENT_ENTITY, 0, null);

      const deferred = store.deferred.list(PAYMENT_ENTITY);
      const resolved = store.conflicts.listForEntity(PAYMENT_ENTITY, ['resolved']);
      // Nothing changed, waits or was decided: no subject to plan, so an idle cycle reads no mirror row.
      const quiet =
        pulled.records.length === 0 &&
        stripe.charges.length === 0 &&
        stripe.refunds.length === 0 &&
        stripe.payouts.size === 0 &&
        deferred.servicem8.length === 0 &&
        deferred.stripe.length === 0 &&
        resolved.length === 0;
      const pendingJobs = deferred.servicem8.filter((id) => id.startsWith(SETTLE_PREFIX)).map((id) => id.slice(SETTLE_PREFIX.length));
      if (!quiet) store.derivedPaymentIds.fillOnce([MIRROR.charge, MIRROR.refund], paymentUuidFor);
      // The first run and a full rescan of Stripe look at everything: read every row once. Otherwise read
      // the rows this cycle's changes touch (touched-payments.ts), so a few new payments read a few jobs' payments.
      const readAll = store.cursors.get(PAYMENT_CURSORS.jobPayments) === null || stripe.fullScan;
      const stored = quiet
        ? { sm8: new Map<string, Sm8Payment>(), charges: new Map<string, StripeCharge>(), refunds: new Map<string, StripeRefund>() }
        : readAll
          ? allStoredPayments(store)
          : touchedPayments(store, {
              pulled: pulled.records,
              charges: stripe.charges,
              refunds: stripe.refunds,
              payoutCharges: stripe.payouts.keys(),
              deferred,
              resolved,
              pendingJobs,
            });
      const { sm8, charges, refunds } = stored;
      // Ours: derived from a Stripe id mirrored earlier (the lookup) or seen in this cycle.
      const derivedNow = new Set([...stripe.charges, ...stripe.refunds].map((x) => paymentUuidFor(x.id)));
      const ownRecord = (uuid: string) => derivedNow.has(uuid) || store.derivedPaymentIds.stripeIdOf(uuid) !== null;
      for (const p of pulled.records) sm8.set(p.uuid, p);
      for (const c of stripe.charges) charges.set(c.id, { ...c, payoutId: c.payoutId ?? charges.get(c.id)?.payoutId ?? null });
      for (const r of stripe.refunds) refunds.set(r.id, r);
      const paidOut: StripeCharge[] = [];
      for (const [chargeId, payoutId] of stripe.payouts) {
        const charge = charges.get(chargeId);
        if (charge && charge.payoutId !== payoutId) paidOut.push(charges.set(chargeId, { ...charge, payoutId }).get(chargeId)!);
      }

      const world: PaymentWorld = {
        sm8,
        charges,
        refunds,
        subjects: {
          sm8: new Set(
            [...pulled.records.map((p) => p.uuid), ...deferred.servicem8, ...resolved.map((c) => c.servicem8Id ?? '')].filter((id) =>
              sm8.has(id),
            ),
          ),
          charges: new Set(
            [...stripe.charges.map((c) => c.id), ...deferred.stripe, ...resolved.map((c) => c.stripeId ?? '')].filter((id) =>
              charges.has(id),
            ),
          ),
          refunds: new Set(
            [...stripe.refunds.map((r) => r.id), ...deferred.stripe, ...resolved.map((c) => c.stripeId ?? '')].filter((id) =>
              refunds.has(id),
            ),
          ),
        },
      };
      const invoices = new Map<string, Promise<StripeInvoiceState | null>>();
      const byKey = (list: Conflict[]) => new Map(list.map((c) => [c.dedupeKey, c]));
      const planning = await planPayments(world, {
        links: new PlanningLinks(storedLinks(store.links, PAYMENT_ENTITY)),
        jobOfInvoice: (id) => store.links.byStripeId(INVOICE_ENTITY, id)?.servicem8Id ?? null,
        invoiceOfJob: (uuid) => store.links.byServiceM8Id(INVOICE_ENTITY, uuid)?.stripeId ?? null,
        jobNumber: (uuid) => store.invoices.get('servicem8', uuid)?.jobNumber ?? null,
        baseFor: (uuid) => {
          const link = store.links.byServiceM8Id(PAYMENT_ENTITY, uuid);
          return link ? (store.snapshots.get<PaymentBase>(link.id)?.fields ?? undefined) : undefined;
        },
        decided: byKey(resolved),
        carriedOut: quiet ? new Map<string, Conflict>() : byKey(store.conflicts.listForEntity(PAYMENT_ENTITY, ['applied'])),
        busy: store.outbox.busySubjects(PAYMENT_ENTITY),
        settledInGroup: (uuid) => store.payments.get('servicem8', uuid)?.otherSideId != null,
        invoice: (id) => {
          let found = invoices.get(id);
          if (!found) invoices.set(id, (found = deps.stripe.getInvoice(id, context.signal)));
          return found;
        },
        servicem8PayCharge: (uuid) => {
          const row = store.payments.get('servicem8', uuid);
          return row?.servicem8Pay ? row.otherSideId : null;
        },
        pendingSettlements: pendingJobs,
        ownRecord,
        settings: context.settings,
      });
      const { plan } = planning;
      const links = planning.lookups.links;
      const zone = context.settings.businessTimeZone;
      const servicem8Pay = new Set(planning.linksMade.filter((l) => l.servicem8Pay).map((l) => l.servicem8Id));
      return {
        plan,
        pulled: { servicem8: pulled.records.length, stripe: stripe.charges.length + stripe.refunds.length },
        quarantined: pulled.rejected.length + stripe.rejected.length,
        persist() {
          for (const p of pulled.records)
            store.mirror.upsert({
              side: 'servicem8',
              object: MIRROR.servicem8,
              id: p.uuid,
              record: p,
              editedAt: p.editedAt,
              active: p.active,
            });
          for (const x of [...stripe.charges, ...stripe.refunds]) store.derivedPaymentIds.put(paymentUuidFor(x.id), x.id);
          for (const c of [...stripe.charges, ...paidOut])
            store.mirror.upsert({
              side: 'stripe',
              object: MIRROR.charge,
              id: c.id,
              record: charges.get(c.id),
              editedAt: null,
              active: true,
            });
          for (const r of stripe.refunds)
            store.mirror.upsert({ side: 'stripe', object: MIRROR.refund, id: r.id, record: r, editedAt: null, active: true });
          for (const q of pulled.rejected) store.quarantine.put({ side: 'servicem8', object: q.object, recordId: q.id, reason: q.reason });
          for (const q of stripe.rejected) store.quarantine.put({ side: 'stripe', object: q.object, recordId: q.id, reason: q.reason });
          store.cursors.set(PAYMENT_CURSORS.jobPayments, pulled.cursor);
          store.deferred.replace(PAYMENT_ENTITY, plan.deferred);
          for (const [key, note] of planning.notes) {
            const [side, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)] as ['servicem8' | 'stripe', string];
            store.mirror.upsert({ side, object: MIRROR.note, id, record: note, editedAt: null, active: true });
          }
          // The typed table, for every record read or looked at in this pass (a link made now names the other side).
          for (const uuid of new Set([...pulled.records.map((p) => p.uuid), ...world.subjects.sm8]))
            projectServiceM8(store, sm8.get(uuid)!, zone, { otherSideId: links.stripeIdFor(uuid), servicem8Pay: servicem8Pay.has(uuid) });
          for (const id of new Set([...stripe.charges.map((c) => c.id), ...paidOut.map((c) => c.id), ...world.subjects.charges]))
            projectCharge(store, charges.get(id)!, zone, links.servicem8IdFor(id));
          for (const id of new Set([...stripe.refunds.map((r) => r.id), ...world.subjects.refunds])) {
            const r = refunds.get(id)!;
            projectRefund(store, r, charges.get(r.chargeId)?.invoiceId ?? null, zone, links.servicem8IdFor(id));
          }
          for (const made of planning.linksMade)
            store.audit.append({
              runId: context.runId,
              direction: 'local',
              entity: PAYMENT_ENTITY,
              operation: 'link',
              servicem8Id: made.servicem8Id,
              stripeId: made.stripeId,
              before: null,
              after: { servicem8Pay: made.servicem8Pay },
              outcome: 'success',
              message: made.words,
            });
        },
      };
    },
  };
}
