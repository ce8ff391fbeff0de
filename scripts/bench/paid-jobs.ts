// Benchmark helper for idle-simulators.ts (`--paid-every N`, the small-change bench): a
// seeded job's invoice paid, in the state a finished sync leaves both sides in, so the
// payments pair's keyed reads meet a mirror the size of a real account's. Alternately:
// - by card in Stripe (the demo and chaos seeds' /_sim/invoices/:id/pay_by_card), and the
//   ServiceM8 payment the pair records for it (the uuid derived from the charge id, the
//   pair's method and note) with the job marked paid;
// - in cash in ServiceM8, and the Stripe invoice marked paid out of band (POST
//   /v1/invoices/:id/pay, as the pair does).
// Both simulators' clocks are the seed's (a day ago and older), so the payments are stamped
// like the rest of the seed, before every cursor's overlap window.
import { jobChangeFields } from '../../src/main/core/connectors/servicem8/job-writes';
import { jobPaymentFields } from '../../src/main/core/connectors/servicem8/wire-encode';
import { paymentUuidFor, stripeNote } from '../../src/main/core/sync/payments/words';
import { OBJECTS } from '../../src/main/simulators/servicem8/objects';
import { accountZone, createRecord, type WriteContext } from '../../src/main/simulators/servicem8/write-rules';
import type { RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { newInvoicePayment } from '../../src/main/simulators/stripe/objects/invoice-payment';
import type { InvoiceObject } from '../../src/main/simulators/stripe/objects/invoice';
import { newPaymentIntent, type PaymentIntentObject } from '../../src/main/simulators/stripe/objects/payment';

export type PaidBy = 'card' | 'cash';

export interface PaidJob {
  /** The invoice as the API renders it after the payment (for the store's seed dump). */
  rendered: unknown;
  by: PaidBy;
}

async function stripePost(stripe: RunningStripeSimulator, path: string, body: Record<string, string>): Promise<unknown> {
  const response = await fetch(`${stripe.url}${path}`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_test_benchKey123456', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });
  if (!response.ok) throw new Error(`seed payment ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Pays job `jobUuid`'s open Stripe invoice `invoiceId`. `sm8` is the job's scratch context
 * (its payment and paid flag are copied in with the job); `tick` moves the seed's clock
 * one write on and returns the new instant.
 */
export async function payJob(
  by: PaidBy,
  ids: { jobUuid: string; invoiceId: string },
  sides: { stripe: RunningStripeSimulator; sm8: WriteContext },
  tick: () => Date,
): Promise<PaidJob> {
  const { stripe, sm8 } = sides;
  const invoice = stripe.store.invoices.get(ids.invoiceId) as InvoiceObject | undefined;
  if (!invoice || invoice.status !== 'open') throw new Error(`seed payment: invoice ${ids.invoiceId} is not open`);
  const zone = accountZone(sm8.store);
  const amountCents = invoice.amount_remaining;
  const at = tick();
  stripe.setClock(at);
  const now = Math.floor(at.getTime() / 1000);
  if (by === 'cash') {
    const fields = jobPaymentFields({ jobUuid: ids.jobUuid, amountCents, method: 'Cash', paidAt: at.toISOString(), note: '' }, zone);
    createRecord(sm8, OBJECTS.jobpayment!, fields);
    stripe.setClock(tick());
    return { rendered: await stripePost(stripe, `/v1/invoices/${invoice.id}/pay`, { paid_out_of_band: 'true' }), by };
  }
  // What finalizing leaves on an invoice that asks money (the seed inserts its invoices finalized): the
  // payment intent and the default invoice payment a card payment settles.
  const intent = newPaymentIntent(
    stripe.store.ids.next('pi'),
    now,
    stripe.store.ids.token(24),
    invoice.amount_due,
    invoice.currency,
    invoice.customer,
    `Invoice ${invoice.number}`,
  );
  stripe.store.paymentIntents.insert(intent);
  stripe.store.invoicePayments.insert(
    newInvoicePayment(stripe.store.ids.next('inpay'), now, invoice.id, invoice.amount_due, invoice.currency, intent.id),
  );
  const rendered = await stripePost(stripe, `/_sim/invoices/${invoice.id}/pay_by_card`, {});
  const charge = (stripe.store.paymentIntents.get(intent.id) as PaymentIntentObject).latest_charge;
  if (typeof charge !== 'string') throw new Error(`seed payment: invoice ${invoice.id} was not charged`);
  const created = stripe.store.charges.get(charge)?.created;
  if (typeof created !== 'number') throw new Error(`seed payment: charge ${charge} has no created time`);
  const paidAt = new Date(created * 1000).toISOString();
  const payment = { jobUuid: ids.jobUuid, amountCents, method: 'Stripe', paidAt, note: stripeNote('Stripe payment', charge, null) };
  tick();
  createRecord(sm8, OBJECTS.jobpayment!, { uuid: paymentUuidFor(charge), ...jobPaymentFields(payment, zone) });
  tick();
  createRecord(sm8, OBJECTS.job!, { uuid: ids.jobUuid, ...jobChangeFields({ paymentReceived: true }, zone) });
  return { rendered, by };
}
