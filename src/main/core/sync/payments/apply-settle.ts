// Marks paid out of band a Stripe invoice whose job ServiceM8 Pay already paid in full
// (plan-servicem8-pay.ts). Conditional like the cash path: the live invoice must still
// ask what was planned. No payment is recorded and no link made: the ServiceM8 Pay
// charge is the money and is already linked to ServiceM8's record, so revenue is
// counted once. A replay of our own request is answered by Stripe from its key.
import type { OutboxItem } from '../../store/repositories/outbox-repository';
import type { AppliedWrite, CycleContext } from '../engine/sync-pair';
import type { PaymentPairDeps } from './pair-deps';
import type { SettleServiceM8PayPayload } from './payloads';
import { dollars } from './words';

export async function settleServiceM8Pay(
  p: SettleServiceM8PayPayload,
  item: OutboxItem,
  context: CycleContext,
  deps: PaymentPairDeps,
  refuse: (message: string) => Error,
): Promise<AppliedWrite> {
  const live = await deps.stripe.getInvoice(p.invoiceId, context.signal);
  if (!live) throw refuse(`Stripe invoice ${p.invoiceId} no longer exists: not marked paid`);
  if (live.status === 'open' && live.amountRemainingCents !== p.amountCents)
    throw refuse(
      `Stripe invoice ${live.number ?? p.invoiceId} now asks ${dollars(live.amountRemainingCents)}, not the ${dollars(p.amountCents)} ServiceM8 Pay took: not marked paid. Sync again to re-check.`,
    );
  if (live.status !== 'open' && live.status !== 'paid')
    throw refuse(`Stripe invoice ${live.number ?? p.invoiceId} is ${live.status ?? 'unknown'}: not marked paid`);
  const paid = await deps.stripe.payOutOfBand(p.invoiceId, item.idempotencyKey, context.signal);
  return {
    servicem8Id: p.paymentUuids[0]!,
    stripeId: p.invoiceId,
    base: {},
    mirror: [],
    before: { status: live.status, amountRemaining: dollars(live.amountRemainingCents) },
    after: { status: paid.status, amountPaid: dollars(paid.amountPaidCents), jobNumber: p.jobNumber, chargeIds: p.chargeIds },
    conflictIds: p.conflictIds,
    result: { invoiceId: p.invoiceId, status: paid.status },
  };
}
