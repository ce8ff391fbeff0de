// A card payment taken by ServiceM8 itself (ServiceM8 Pay, or the older Stripe
// add-on) in the business's own Stripe account: money in Stripe with no Stripe
// invoice behind it. The exact shape ServiceM8 uses is unconfirmed, so both
// plausible ones are offered (ASSUMPTIONS.md "ServiceM8 card payments"):
//   servicem8_pay        PaymentIntent + charge; metadata servicem8_job_uuid /
//                        servicem8_job_number; description "ServiceM8 Invoice #<n>"
//   legacy_stripe_addon  a bare Charges-API charge (payment_intent null); metadata
//                        job_uuid / job_number; description "Invoice #<n>"
// Created through POST /_sim/servicem8/charges.
import type { Json, SimContext } from '../context';
import { SimError } from '../errors';
import { newCharge, newPaymentIntent, type ChargeObject } from '../objects/payment';
import { allowOnly, int, oneOf, requireStr, str } from '../params';
import { render } from '../render';
import { requireCustomer } from './customers';
import { recordCharge } from './ledger';

export const SERVICEM8_CHARGE_STYLES = ['servicem8_pay', 'legacy_stripe_addon'] as const;
export type ServiceM8ChargeStyle = (typeof SERVICEM8_CHARGE_STYLES)[number];

export function servicem8Shape(style: ServiceM8ChargeStyle, jobNumber: string, jobUuid: string) {
  return style === 'servicem8_pay'
    ? { description: `ServiceM8 Invoice #${jobNumber}`, metadata: { servicem8_job_uuid: jobUuid, servicem8_job_number: jobNumber } }
    : { description: `Invoice #${jobNumber}`, metadata: { job_uuid: jobUuid, job_number: jobNumber } };
}

export function createServiceM8Charge(ctx: SimContext): { body: Json } {
  const { params, store } = ctx;
  allowOnly(params, ['job_number', 'job_uuid', 'amount', 'style', 'customer', 'email', 'application_fee_amount', 'currency']);
  const jobNumber = requireStr(params, 'job_number');
  const jobUuid = requireStr(params, 'job_uuid');
  const amount = int(params, 'amount');
  if (amount === undefined) throw SimError.missingParam('amount');
  if (amount < 50) throw SimError.invalid('Amount must be at least A$0.50.', 'amount', 'amount_too_small');
  const style = oneOf(params, 'style', SERVICEM8_CHARGE_STYLES) ?? 'servicem8_pay';
  const customerId = str(params, 'customer');
  const customer = customerId ? requireCustomer(ctx, customerId, 'customer').id : null;
  const applicationFee = int(params, 'application_fee_amount') ?? 0;
  const currency = (str(params, 'currency') ?? 'aud').toLowerCase();
  const { description, metadata } = servicem8Shape(style, jobNumber, jobUuid);
  const now = ctx.now();
  const intent =
    style === 'servicem8_pay'
      ? newPaymentIntent(store.ids.next('pi'), now, store.ids.token(24), amount, currency, customer, description)
      : undefined;
  const charge: ChargeObject = newCharge(store.ids.next('ch'), now, {
    amount,
    currency,
    customer,
    paymentIntent: intent?.id ?? null,
    paymentMethod: store.ids.next(style === 'servicem8_pay' ? 'pm' : 'card'),
    balanceTransaction: store.ids.next('txn'),
    receiptToken: store.ids.token(40),
    description,
  });
  Object.assign(charge, { metadata: { ...metadata }, receipt_email: str(params, 'email') ?? null });
  if (applicationFee > 0) charge.application_fee_amount = applicationFee;
  store.charges.insert(charge);
  recordCharge(ctx, charge, applicationFee);
  if (intent) {
    intent.metadata = { ...metadata };
    store.paymentIntents.insert(intent);
    ctx.emit('payment_intent.created', intent);
    Object.assign(intent, {
      amount_received: amount,
      status: 'succeeded',
      latest_charge: charge.id,
      payment_method: charge.payment_method,
    });
    ctx.emit('payment_intent.succeeded', intent);
  }
  ctx.emit('charge.succeeded', charge);
  return { body: render(store, charge) };
}
