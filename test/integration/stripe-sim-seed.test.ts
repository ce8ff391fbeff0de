// The demo seed and the edges of the HTTP surface (unknown URLs, /_sim/ auth).
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStripeSimulator, type RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { NOTABLE_JOBS } from '../../src/main/simulators/servicem8/seed/demo-notable-jobs';
import { DEMO_PARTIAL_REFUND_CENTS, DEMO_STRIPE_JOBS } from '../../src/main/simulators/stripe/seed-demo-payments';
import { sdkFor } from './stripe-sim-helpers';

let sim: RunningStripeSimulator;
let stripe: Stripe;

beforeAll(async () => {
  sim = await startStripeSimulator({ seed: 'demo' });
  stripe = sdkFor(sim);
});
afterAll(() => sim.close());

describe('demo seed', () => {
  it('has both GST rates', async () => {
    const rates = (await stripe.taxRates.list({ active: true })).data;
    expect(rates.map((r) => [r.display_name, r.percentage, r.inclusive, r.country, r.tax_type]).sort()).toEqual([
      ['GST', 10, false, 'AU', 'gst'],
      ['GST', 10, true, 'AU', 'gst'],
    ]);
  });

  it('has the overlapping, Stripe-only and duplicate customers', async () => {
    const customers = await stripe.customers.list({ limit: 100 }).autoPagingToArray({ limit: 100 });
    const emails = customers.map((c) => c.email);
    for (const email of [
      'accounts@harbourviewcafe.com.au',
      'sarah.nguyen@example.com',
      'office@bondiplumbingsupplies.com.au',
      'bookings@coogeesurfschool.com.au',
      'peter.walsh@example.org',
    ]) {
      expect(emails.filter((e) => e === email)).toHaveLength(1);
    }
    expect(emails.filter((e) => e === 'admin@parramattadental.com.au')).toHaveLength(2);
    expect((await stripe.customers.list({ email: 'Sarah.Nguyen@example.com' })).data).toHaveLength(0);
    const harbour = customers.find((c) => c.email === 'accounts@harbourviewcafe.com.au')!;
    expect(harbour.name).toBe('Harbour View Cafe Pty Ltd');
    expect((await stripe.customers.listTaxIds(harbour.id)).data[0]).toMatchObject({ type: 'au_abn', value: '51824753556' });
  });

  it('has the paid and open invoices, a hand-made one naming a job, a partial refund and a ServiceM8 Pay charge', async () => {
    const invoices = (await stripe.invoices.list({ expand: ['data.payments'] })).data;
    expect(invoices.map((i) => i.status).sort()).toEqual(['open', 'paid', 'paid', 'paid']);
    for (const paid of invoices.filter((i) => i.status === 'paid')) {
      expect(paid.payments?.data[0]).toMatchObject({ status: 'paid', amount_paid: paid.total });
    }
    const jobs = invoices.flatMap((i) => (i.custom_fields ?? []).filter((f) => f.name === 'Job').map((f) => f.value)).sort();
    // The hand-made invoice names a real job of the ServiceM8 demo, with its total; it was paid by card.
    expect(jobs).toEqual([DEMO_STRIPE_JOBS.handMadeInvoice.number]);
    expect(DEMO_STRIPE_JOBS.handMadeInvoice.number).toBe(NOTABLE_JOBS['tax-inclusive'].jobNumber);
    const handMade = invoices.find((i) => i.custom_fields?.[0]?.value === DEMO_STRIPE_JOBS.handMadeInvoice.number)!;
    expect(handMade).toMatchObject({
      status: 'paid',
      total: NOTABLE_JOBS['tax-inclusive'].totalCents,
      customer_email: 'sarah.nguyen@example.com',
      metadata: {},
    });
    const charges = (await stripe.charges.list()).data;
    expect(charges).toHaveLength(4);
    const refunds = (await stripe.refunds.list()).data;
    expect(refunds.map((r) => r.amount)).toEqual([DEMO_PARTIAL_REFUND_CENTS]);
    expect(charges.find((c) => c.id === refunds[0]!.charge)).toMatchObject({ refunded: false, amount_refunded: DEMO_PARTIAL_REFUND_CENTS });
    const sm8 = charges.filter((c) => c.metadata.servicem8_job_number === DEMO_STRIPE_JOBS.servicem8Pay.number);
    expect(sm8).toHaveLength(1);
    expect(sm8[0]).toMatchObject({
      customer: null,
      amount: NOTABLE_JOBS['servicem8-pay'].totalCents,
      metadata: { servicem8_job_uuid: NOTABLE_JOBS['servicem8-pay'].jobUuid },
    });
    // Seeding emails nothing: every invoice was finalized with auto_advance false.
    expect(sim.store.emails).toEqual([]);
  });

  it('is deterministic: the same seed gives the same ids', async () => {
    const twin = await startStripeSimulator({ seed: 'demo' });
    try {
      const ids = (s: RunningStripeSimulator) => s.store.customers.inOrder().map((c) => c.id);
      expect(ids(twin)).toEqual(ids(sim));
    } finally {
      await twin.close();
    }
  });
});

describe('HTTP surface', () => {
  it('answers an unknown URL with 404 Unrecognized request URL', async () => {
    const error = await stripe.rawRequest('GET', '/v1/widgets', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 404 });
    expect((error as Error).message).toMatch(/^Unrecognized request URL \(GET: \/v1\/widgets\)/);
  });

  it('moves the simulator clock with /_sim/clock/advance', async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = (await stripe.rawRequest('POST', '/_sim/clock/advance', { seconds: 3600 })) as unknown as { now: number };
    const after = Math.ceil(Date.now() / 1000); // bounds from both sides of the call, not a guessed slack
    expect(result.now).toBeGreaterThanOrEqual(before + 3600);
    expect(result.now).toBeLessThanOrEqual(after + 3600);
    const customer = await stripe.customers.create({ name: 'Later' });
    expect(customer.created).toBeGreaterThanOrEqual(before + 3600);
  });

  it('requires auth on /_sim/ too', async () => {
    const response = await fetch(`${sim.url}/_sim/clock/advance`, {
      method: 'POST',
      body: 'seconds=1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('request-id')).toMatch(/^req_/);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error' } });
  });
});
