// One planning pass of the payments pair, in the order that keeps revenue counted once:
// Stripe payments first (they claim the ServiceM8 records that already show them), then
// synced ServiceM8 payments (deleted or edited since), refunds, and last the ServiceM8
// payments nothing claimed, job by job, against their Stripe invoices.
import { emptyPlan } from '../engine/plan-types';
import { planCharge } from './plan-charges';
import { PaymentPlanning, type PaymentWorld, type PlanLookups } from './plan-context';
import { planRefund } from './plan-refunds';
import { planJobPayments, planLinkedPayment } from './plan-servicem8';
import { planServiceM8PaySettlements } from './plan-servicem8-pay';
import type { Sm8Payment } from './types';

const byTime =
  <T>(at: (t: T) => string | null) =>
  (a: T, b: T) =>
    (at(a) ?? '').localeCompare(at(b) ?? '');

export async function planPayments(world: PaymentWorld, lookups: PlanLookups): Promise<PaymentPlanning> {
  const ctx = new PaymentPlanning(world, lookups, emptyPlan());
  const { links } = lookups;
  const linkedBefore = new Set([...world.subjects.sm8].filter((uuid) => links.stripeIdFor(uuid) !== null));

  const charges = [...world.subjects.charges].map((id) => world.charges.get(id)).filter((c) => c !== undefined);
  for (const charge of charges.sort(byTime((c) => c.paidAt))) planCharge(ctx, charge);

  const payments = [...world.subjects.sm8].map((uuid) => world.sm8.get(uuid)).filter((p): p is Sm8Payment => p !== undefined);
  for (const p of payments) if (linkedBefore.has(p.uuid)) planLinkedPayment(ctx, p, links.stripeIdFor(p.uuid)!);

  const refunds = [...world.subjects.refunds].map((id) => world.refunds.get(id)).filter((r) => r !== undefined);
  for (const refund of refunds.sort(byTime((r) => r.createdAt))) planRefund(ctx, refund);

  const byJob = new Map<string, Sm8Payment[]>();
  for (const p of payments.sort(byTime((q) => q.paidAt))) {
    if (links.stripeIdFor(p.uuid) !== null || ctx.claimed.has(p.uuid) || !p.active || lookups.settledInGroup(p.uuid)) continue;
    if (lookups.ownRecord(p.uuid) || p.note.includes('recorded by sm8sync')) continue;
    if (lookups.busy.has(p.uuid)) {
      ctx.plan.deferred.servicem8.push(p.uuid);
      continue;
    }
    if (p.amountCents <= 0) {
      ctx.note('servicem8', p.uuid, {
        state: 'unmatched',
        reason:
          p.amountCents < 0 ? 'a refund entered in ServiceM8 is not sent to Stripe: refund the card payment in Stripe' : 'a zero payment',
        jobNumber: lookups.jobNumber(p.jobUuid),
      });
      continue;
    }
    byJob.set(p.jobUuid, [...(byJob.get(p.jobUuid) ?? []), p]);
  }
  for (const [jobUuid, asked] of byJob) await planJobPayments(ctx, jobUuid, asked);
  await planServiceM8PaySettlements(ctx, lookups.pendingSettlements);
  return ctx;
}
