// Money behind invoices, through the official SDK: balance transactions with
// Stripe's AU fee (1.7 % + 30c, GST inside it), refunds, disputes, payouts that
// group balance transactions, and ServiceM8's own card payments. Expected fees
// are worked out here by hand from the documented pricing, not by the simulator's code.
import type Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { startSim } from './stripe-sim-helpers';

let sim: RunningStripeSimulator;
let stripe: Stripe;
beforeEach(async () => {
  ({ sim, stripe } = await startSim());
});
afterEach(() => sim.close());

async function paidInvoice(amount: number): Promise<{ invoice: Stripe.Invoice; charge: Stripe.Charge }> {
  const customer = await stripe.customers.create({ name: 'Money Pty', email: 'money@example.com' });
  const invoice = await stripe.invoices.create({ customer: customer.id, collection_method: 'send_invoice', days_until_due: 7 });
  await stripe.invoiceItems.create({ customer: customer.id, invoice: invoice.id, amount });
  await stripe.invoices.finalizeInvoice(invoice.id);
  await stripe.rawRequest('POST', `/_sim/invoices/${invoice.id}/pay_by_card`, {});
  const [payment] = (await stripe.invoicePayments.list({ invoice: invoice.id })).data;
  const intent = await stripe.paymentIntents.retrieve(payment!.payment.payment_intent as string);
  const charge = await stripe.charges.retrieve(intent.latest_charge as string);
  return { invoice: await stripe.invoices.retrieve(invoice.id), charge };
}

const eventTypes = async () => (await stripe.events.list({ limit: 100 })).data.map((e) => e.type).reverse();

describe('balance transactions', () => {
  it('a card charge has gross, a GST-inclusive fee split into Stripe fee and GST, net, and T+2 availability', async () => {
    const { charge } = await paidInvoice(12345);
    const txn = await stripe.balanceTransactions.retrieve(charge.balance_transaction as string);
    // 1.7 % of $123.45 = 209.865c → 210c, + 30c = 240c; GST is 1/11 of it: 21.8c → 22c.
    expect(txn).toMatchObject({ amount: 12345, fee: 240, net: 12105, type: 'charge', reporting_category: 'charge', source: charge.id });
    expect(txn.fee_details.map((f) => [f.type, f.amount])).toEqual([
      ['stripe_fee', 218],
      ['tax', 22],
    ]);
    expect(txn.available_on).toBe(Math.floor(charge.created / 86_400) * 86_400 + 2 * 86_400);
    expect(txn.status).toBe('pending');
    // Expandable from the charge, as on Stripe.
    const expanded = await stripe.charges.retrieve(charge.id, { expand: ['balance_transaction'] });
    expect((expanded.balance_transaction as Stripe.BalanceTransaction).id).toBe(txn.id);
    sim.advanceClock(3 * 86_400);
    expect((await stripe.balanceTransactions.retrieve(txn.id)).status).toBe('available');
  });

  it('a partial refund is a negative transaction without fee; the charge is refunded only when fully refunded', async () => {
    const { charge, invoice } = await paidInvoice(10000);
    const refund = await stripe.refunds.create({ charge: charge.id, amount: 2500 }, { idempotencyKey: 'refund-1' });
    const txn = await stripe.balanceTransactions.retrieve(refund.balance_transaction as string);
    expect(txn).toMatchObject({ amount: -2500, fee: 0, net: -2500, type: 'refund', reporting_category: 'refund', source: refund.id });
    expect(await stripe.charges.retrieve(charge.id)).toMatchObject({ amount_refunded: 2500, refunded: false });
    expect((await stripe.invoices.retrieve(invoice.id)).status).toBe('paid');
    const refunded = (await stripe.events.list({ type: 'charge.refunded' })).data[0]!;
    expect(refunded.request).toMatchObject({ idempotency_key: 'refund-1' });
    await stripe.refunds.create({ charge: charge.id });
    expect(await stripe.charges.retrieve(charge.id)).toMatchObject({ amount_refunded: 10000, refunded: true });
  });
});

describe('disputes', () => {
  it('withdraws the amount plus a GST-inclusive $25 fee, and closes as lost when accepted', async () => {
    const { charge } = await paidInvoice(5000);
    const dispute = (await stripe.rawRequest('POST', `/_sim/charges/${charge.id}/dispute`, {
      reason: 'fraudulent',
    })) as unknown as Stripe.Dispute;
    expect(dispute).toMatchObject({ object: 'dispute', amount: 5000, charge: charge.id, status: 'needs_response', reason: 'fraudulent' });
    const [withdrawal] = dispute.balance_transactions;
    expect(withdrawal).toMatchObject({ amount: -5000, fee: 2500, net: -7500, reporting_category: 'dispute', type: 'adjustment' });
    expect(withdrawal!.fee_details.find((f) => f.type === 'tax')?.amount).toBe(227);
    expect((await stripe.charges.retrieve(charge.id)).disputed).toBe(true);
    await expect(stripe.refunds.create({ charge: charge.id })).rejects.toMatchObject({ code: 'charge_disputed' });
    const closed = await stripe.disputes.close(dispute.id);
    expect(closed.status).toBe('lost');
    const types = await eventTypes();
    expect(types.slice(-3)).toEqual(['charge.dispute.created', 'charge.dispute.funds_withdrawn', 'charge.dispute.closed']);
    expect((await stripe.disputes.list({ charge: charge.id })).data.map((d) => d.id)).toEqual([dispute.id]);
  });

  it('a won dispute reinstates the amount but keeps the fee', async () => {
    const { charge } = await paidInvoice(5000);
    const dispute = (await stripe.rawRequest('POST', `/_sim/charges/${charge.id}/dispute`, {})) as unknown as Stripe.Dispute;
    const won = (await stripe.rawRequest('POST', `/_sim/disputes/${dispute.id}/close`, { outcome: 'won' })) as unknown as Stripe.Dispute;
    expect(won.status).toBe('won');
    expect(won.balance_transactions.map((t) => t.net)).toEqual([-7500, 5000]);
    expect((await eventTypes()).slice(-2)).toEqual(['charge.dispute.funds_reinstated', 'charge.dispute.closed']);
  });
});

describe('payouts', () => {
  it('sweep available balance transactions; the payout lists them and its own transaction, summing to zero', async () => {
    const first = await paidInvoice(10000);
    const second = await paidInvoice(20000);
    await stripe.refunds.create({ charge: second.charge.id, amount: 1000 });
    await expect(stripe.rawRequest('POST', '/_sim/payouts/run', {})).rejects.toMatchObject({ statusCode: 400 });
    sim.advanceClock(3 * 86_400);
    const payout = (await stripe.rawRequest('POST', '/_sim/payouts/run', {})) as unknown as Stripe.Payout;
    // Nets: 10000 − (170+30) = 9800; 20000 − (340+30) = 19630; refund −1000.
    expect(payout).toMatchObject({ object: 'payout', amount: 9800 + 19630 - 1000, status: 'paid', automatic: true, currency: 'aud' });
    const grouped = await stripe.balanceTransactions.list({ payout: payout.id, limit: 100 });
    expect(grouped.data.map((t) => t.type).sort()).toEqual(['charge', 'charge', 'payout', 'refund']);
    expect(grouped.data.reduce((sum, t) => sum + t.net, 0)).toBe(0);
    expect(grouped.data.map((t) => t.source)).toEqual(expect.arrayContaining([first.charge.id, second.charge.id, payout.id]));
    expect((await stripe.payouts.list()).data.map((p) => p.id)).toEqual([payout.id]);
    expect((await eventTypes()).slice(-3)).toEqual(['payout.created', 'payout.paid', 'payout.reconciliation_completed']);
    // Nothing left to pay out: a second run is refused.
    await expect(stripe.rawRequest('POST', '/_sim/payouts/run', {})).rejects.toMatchObject({ code: 'balance_insufficient' });
  });
});

describe('ServiceM8 card payments', () => {
  it('ServiceM8 Pay: a payment intent and charge with no Stripe invoice, naming the job in description and metadata', async () => {
    const charge = (await stripe.rawRequest('POST', '/_sim/servicem8/charges', {
      job_number: '1042',
      job_uuid: 'job-uuid-1042',
      amount: 22000,
    })) as unknown as Stripe.Charge;
    expect(charge).toMatchObject({
      description: 'ServiceM8 Invoice #1042',
      metadata: { servicem8_job_uuid: 'job-uuid-1042', servicem8_job_number: '1042' },
      amount: 22000,
      status: 'succeeded',
      customer: null,
    });
    const intent = await stripe.paymentIntents.retrieve(charge.payment_intent as string);
    expect(intent).toMatchObject({ status: 'succeeded', amount_received: 22000, latest_charge: charge.id });
    const invoices = await stripe.invoicePayments.list({ payment: { type: 'payment_intent', payment_intent: intent.id } });
    expect(invoices.data).toEqual([]);
    expect((await eventTypes()).slice(-3)).toEqual(['payment_intent.created', 'payment_intent.succeeded', 'charge.succeeded']);
    const txn = await stripe.balanceTransactions.retrieve(charge.balance_transaction as string);
    expect(txn.fee).toBe(374 + 30);
  });

  it('the legacy Stripe add-on shape: a bare charge, job in other metadata keys; unknown styles are refused', async () => {
    const charge = (await stripe.rawRequest('POST', '/_sim/servicem8/charges', {
      job_number: '77',
      job_uuid: 'u-77',
      amount: 1000,
      style: 'legacy_stripe_addon',
    })) as unknown as Stripe.Charge;
    expect(charge).toMatchObject({ payment_intent: null, description: 'Invoice #77', metadata: { job_uuid: 'u-77', job_number: '77' } });
    expect((await eventTypes()).slice(-1)).toEqual(['charge.succeeded']);
    await expect(
      stripe.rawRequest('POST', '/_sim/servicem8/charges', { job_number: '1', job_uuid: 'u', amount: 1000, style: 'other' }),
    ).rejects.toMatchObject({ param: 'style' });
  });
});
