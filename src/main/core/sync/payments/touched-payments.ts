// The part of the mirror a payments cycle with a few changes needs, read by id and by
// job instead of every payment row. Planning looks at its subjects (changed, waiting or
// decided records) and from them at: the ServiceM8 payments of each job a subject pays
// or belongs to (matching, part payments, ServiceM8 Pay settlement: PaymentPlanning.byJob),
// the payment a Stripe id's derived uuid names (our earlier write), a decision's chosen
// candidate, the payment a refunded charge is linked to, and the charge a refund or a
// payout is of. Nothing beyond those is planned or looked at, so this part plans what the
// whole mirror plans. Whether a payment is one sm8sync wrote is the derived-id lookup.
import type { Conflict } from '../../store/repositories/conflicts-repository';
import type { MirrorRecord } from '../../store/repositories/mirror-repository';
import type { Store } from '../../store/store';
import { chosenCandidate } from '../kit/decisions';
import { INVOICE_ENTITY, MIRROR, PAYMENT_ENTITY, type Sm8Payment, type StripeCharge, type StripeRefund } from './types';
import { paymentUuidFor } from './words';

export interface PaymentSeeds {
  pulled: readonly Sm8Payment[];
  charges: readonly StripeCharge[];
  refunds: readonly StripeRefund[];
  payoutCharges: Iterable<string>;
  deferred: { servicem8: readonly string[]; stripe: readonly string[] };
  resolved: readonly Conflict[];
  pendingJobs: readonly string[];
}

export interface StoredPayments {
  sm8: Map<string, Sm8Payment>;
  charges: Map<string, StripeCharge>;
  refunds: Map<string, StripeRefund>;
}

/** In the mirror's order (by id, bytewise as SQLite compares), as `list` gives them. */
function byId<T>(records: Iterable<MirrorRecord<T>>): Map<string, T> {
  const sorted = [...new Map([...records].map((r) => [r.id, r])).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Map(sorted.map((r) => [r.id, r.record]));
}

/** Every mirrored payment record (the first run, a full rescan of Stripe). */
export function allStoredPayments(store: Store): StoredPayments {
  const all = <T>(side: 'servicem8' | 'stripe', object: string) => byId(store.mirror.list<T>(side, object));
  return { sm8: all('servicem8', MIRROR.servicem8), charges: all('stripe', MIRROR.charge), refunds: all('stripe', MIRROR.refund) };
}

export function touchedPayments(store: Store, seeds: PaymentSeeds): StoredPayments {
  const { mirror, links } = store;
  const decidedStripe = seeds.resolved.map((c) => c.stripeId ?? '').filter((id) => id !== '');
  const stripeIds = new Set([...seeds.charges.map((c) => c.id), ...seeds.deferred.stripe, ...decidedStripe]);
  const refundIds = new Set([...seeds.refunds.map((r) => r.id), ...seeds.deferred.stripe, ...decidedStripe]);
  const refunds = mirror.listByIds<StripeRefund>('stripe', MIRROR.refund, refundIds);
  const refundOf = [...refunds.map((r) => r.record.chargeId), ...seeds.refunds.map((r) => r.chargeId)];
  const charges = mirror.listByIds<StripeCharge>('stripe', MIRROR.charge, new Set([...stripeIds, ...refundOf, ...seeds.payoutCharges]));
  const chargeMap = byId(charges);
  const freshCharges = new Map(seeds.charges.map((c) => [c.id, c]));
  const chargeOf = (id: string) => freshCharges.get(id) ?? chargeMap.get(id);

  // Payments by id: the changed, waiting and decided ones, chosen candidates, our own earlier writes, refunded payments.
  const sm8Ids = new Set([...seeds.pulled.map((p) => p.uuid), ...seeds.deferred.servicem8]);
  for (const c of seeds.resolved) {
    if (c.servicem8Id) sm8Ids.add(c.servicem8Id);
    const candidate = chosenCandidate(c);
    if (candidate) sm8Ids.add(candidate);
  }
  for (const id of stripeIds) if (chargeOf(id)) sm8Ids.add(paymentUuidFor(id));
  for (const chargeId of refundOf) {
    const linked = links.byStripeId(PAYMENT_ENTITY, chargeId)?.servicem8Id;
    if (linked) sm8Ids.add(linked);
  }
  const byIds = mirror.listByIds<Sm8Payment>('servicem8', MIRROR.servicem8, sm8Ids);
  const fresh = new Map(seeds.pulled.map((p) => [p.uuid, p]));

  // Payments by job: each job a subject belongs to or pays, and the ServiceM8 Pay jobs waiting to be settled.
  const jobs = new Set(seeds.pendingJobs);
  for (const r of byIds) jobs.add((fresh.get(r.id) ?? r.record).jobUuid);
  for (const p of seeds.pulled) jobs.add(p.jobUuid);
  for (const id of stripeIds) {
    const charge = chargeOf(id);
    if (!charge) continue;
    const job = charge.servicem8Job
      ? charge.servicem8Job.uuid
      : charge.invoiceId
        ? links.byStripeId(INVOICE_ENTITY, charge.invoiceId)?.servicem8Id
        : null;
    if (job) jobs.add(job);
  }
  const byJob = mirror.listByKey<Sm8Payment>('servicem8', MIRROR.servicem8, 'job', jobs);
  return { sm8: byId([...byIds, ...byJob]), charges: chargeMap, refunds: byId(refunds) };
}
