// Disputes (chargebacks). Stripe opens them from the card network, so creating one
// is a /_sim/ control; it withdraws the amount plus the dispute fee at once
// (charge.dispute.created, charge.dispute.funds_withdrawn). Closing: the merchant
// accepts (POST /v1/disputes/{id}/close → lost) or the simulator decides the
// outcome (lost, or won: funds reinstated, fee kept) → charge.dispute.closed.
import type { Json, Route, SimContext } from '../context';
import { SimError } from '../errors';
import { LIST_PARAMS, createdFilter, paginate } from '../list';
import { newDispute, type DisputeObject } from '../objects/balance';
import type { ChargeObject } from '../objects/payment';
import { allowOnly, int, oneOf, str } from '../params';
import { render } from '../render';
import { recordDispute } from './ledger';

const REASONS = ['fraudulent', 'duplicate', 'product_not_received', 'product_unacceptable', 'subscription_canceled', 'general'] as const;

export function openDispute(ctx: SimContext): { body: Json } {
  const charge = ctx.store.charges.require(ctx.path.id ?? '') as ChargeObject;
  allowOnly(ctx.params, ['amount', 'reason']);
  if (charge.disputed === true) throw SimError.state(`Charge ${charge.id} is already disputed.`);
  const amount = int(ctx.params, 'amount') ?? charge.amount - charge.amount_refunded;
  if (amount <= 0 || amount > charge.amount - charge.amount_refunded)
    throw SimError.invalid('The disputed amount must be positive and at most the unrefunded amount.', 'amount');
  const dispute = newDispute(ctx.store.ids.next('du'), ctx.now(), {
    amount,
    charge: charge.id,
    currency: charge.currency as string,
    paymentIntent: charge.payment_intent,
    reason: oneOf(ctx.params, 'reason', REASONS) ?? 'fraudulent',
  });
  ctx.store.disputes.insert(dispute);
  charge.disputed = true;
  recordDispute(ctx, dispute, 'withdrawn');
  ctx.emit('charge.dispute.created', dispute);
  ctx.emit('charge.dispute.funds_withdrawn', dispute);
  return { body: render(ctx.store, dispute) };
}

function close(ctx: SimContext, dispute: DisputeObject, outcome: 'lost' | 'won'): { body: Json } {
  if (['lost', 'won', 'warning_closed'].includes(dispute.status)) throw SimError.state(`Dispute ${dispute.id} is already closed.`);
  dispute.status = outcome;
  if (outcome === 'won') {
    recordDispute(ctx, dispute, 'reinstated');
    ctx.emit('charge.dispute.funds_reinstated', dispute);
  }
  ctx.emit('charge.dispute.closed', dispute);
  return { body: render(ctx.store, dispute) };
}

/** `/_sim/disputes/{id}/close` with `outcome` lost | won. */
export function decideDispute(ctx: SimContext): { body: Json } {
  allowOnly(ctx.params, ['outcome']);
  const outcome = oneOf(ctx.params, 'outcome', ['lost', 'won'] as const);
  if (!outcome) throw SimError.missingParam('outcome');
  return close(ctx, ctx.store.disputes.require(ctx.path.id ?? '') as DisputeObject, outcome);
}

function accept(ctx: SimContext): { body: Json } {
  allowOnly(ctx.params, []);
  return close(ctx, ctx.store.disputes.require(ctx.path.id ?? '') as DisputeObject, 'lost');
}

function list(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, [...LIST_PARAMS, 'charge', 'payment_intent', 'created']);
  const charge = str(params, 'charge');
  const intent = str(params, 'payment_intent');
  const inCreated = createdFilter(params);
  const items = (store.disputes.newestFirst() as DisputeObject[]).filter(
    (d) =>
      (charge === undefined || d.charge === charge) &&
      (intent === undefined || d.payment_intent === intent) &&
      inCreated(d.created as number),
  );
  const page = paginate(items, params, '/v1/disputes', (id) => store.disputes.sortKey(id), 'dispute');
  return { body: { ...page, data: page.data.map((d) => render(store, d)) } };
}

export const disputeRoutes: Route[] = [
  { method: 'GET', pattern: '/v1/disputes', handler: list },
  {
    method: 'GET',
    pattern: '/v1/disputes/:id',
    handler: (ctx) => ({ body: render(ctx.store, ctx.store.disputes.require(ctx.path.id ?? '')) }),
  },
  { method: 'POST', pattern: '/v1/disputes/:id/close', handler: accept },
];
