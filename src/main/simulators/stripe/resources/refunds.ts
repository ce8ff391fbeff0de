// POST /v1/refunds: by `charge` or `payment_intent`, full or partial (`amount`).
// Refunding changes the charge, never the invoice's status (it stays paid).
import type { Json, Route, SimContext } from '../context';
import { SimError } from '../errors';
import { applyMetadata } from '../metadata';
import type { ChargeObject, PaymentIntentObject } from '../objects/payment';
import { newRefund, type RefundObject } from '../objects/refund';
import { allowOnly, int, oneOf, str } from '../params';
import { render } from '../render';
import { recordRefund } from './ledger';

export function refundCharge(
  ctx: SimContext,
  charge: ChargeObject,
  amount: number | undefined,
  extra: { reason?: string | null; metadata?: Record<string, string> } = {},
): RefundObject {
  if (charge.disputed === true)
    throw SimError.state(`Charge ${charge.id} has been charged back; it cannot be refunded.`, 'charge_disputed');
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining <= 0) throw SimError.state(`Charge ${charge.id} has already been refunded.`, 'charge_already_refunded');
  const value = amount ?? remaining;
  if (value <= 0) throw SimError.invalid('Refund amount must be positive.', 'amount', 'amount_too_small');
  if (value > remaining) {
    throw SimError.invalid(
      `Refund amount (A$${(value / 100).toFixed(2)}) is greater than unrefunded amount on charge (A$${(remaining / 100).toFixed(2)})`,
      'amount',
      'amount_too_large',
    );
  }
  const refund = newRefund(ctx.store.ids.next('re'), ctx.now(), {
    amount: value,
    charge: charge.id,
    currency: charge.currency as string,
    paymentIntent: charge.payment_intent,
    customer: charge.customer,
    reason: extra.reason ?? null,
    metadata: extra.metadata ?? {},
    paymentMethod: charge.payment_method as string | null,
  });
  ctx.store.refunds.insert(refund);
  recordRefund(ctx, refund);
  charge.amount_refunded += value;
  charge.refunded = charge.amount_refunded === charge.amount;
  ctx.emit('refund.created', refund);
  ctx.emit('charge.refunded', charge);
  return refund;
}

function create(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, ['amount', 'charge', 'payment_intent', 'reason', 'metadata']);
  const chargeId = str(params, 'charge');
  const intentId = str(params, 'payment_intent');
  let charge: ChargeObject | undefined;
  if (chargeId) {
    charge = store.charges.get(chargeId) as ChargeObject | undefined;
    if (!charge) throw SimError.invalid(`No such charge: '${chargeId}'`, 'charge', 'resource_missing');
  } else if (intentId) {
    const intent = store.paymentIntents.get(intentId) as PaymentIntentObject | undefined;
    if (!intent) throw SimError.invalid(`No such payment_intent: '${intentId}'`, 'payment_intent', 'resource_missing');
    charge = intent.latest_charge ? (store.charges.get(intent.latest_charge) as ChargeObject | undefined) : undefined;
    if (!charge) throw SimError.state(`PaymentIntent ${intentId} has no successful charge to refund.`);
  } else {
    throw SimError.missingParam('charge');
  }
  const reason = oneOf(params, 'reason', ['duplicate', 'fraudulent', 'requested_by_customer'] as const) ?? null;
  const refund = refundCharge(ctx, charge, int(params, 'amount'), { reason, metadata: applyMetadata({}, params) });
  return { body: render(store, refund) };
}

export const refundRoutes: Route[] = [{ method: 'POST', pattern: '/v1/refunds', handler: create }];
