// The events feed: request ids and idempotency keys, previous_attributes, type
// filters, cursor paging and the 30-day window.
import type Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { startSim } from './stripe-sim-helpers';

let sim: RunningStripeSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('events', () => {
  it('records the request id and idempotency key of the write that caused them', async () => {
    let stripe: Stripe;
    ({ sim, stripe } = await startSim());
    const created = await stripe.customers.create({ name: 'Before', metadata: { a: '1' } }, { idempotencyKey: 'outbox-17' });
    const updated = await stripe.customers.update(created.id, { name: 'After', metadata: { b: '2' } }, { idempotencyKey: 'outbox-18' });
    const events = (await stripe.events.list({ limit: 10 })).data;
    expect(events.map((e) => e.type)).toEqual(['customer.updated', 'customer.created']);
    const [upd, cre] = events;
    expect(cre!.request).toEqual({ id: created.lastResponse.requestId, idempotency_key: 'outbox-17' });
    expect(upd!.request).toEqual({ id: updated.lastResponse.requestId, idempotency_key: 'outbox-18' });
    expect(upd!.data.previous_attributes).toEqual({ name: 'Before', metadata: { a: '1' } });
    expect(cre!.data.previous_attributes).toBeUndefined();
    expect((upd!.data.object as Stripe.Customer).name).toBe('After');
    expect(upd).toMatchObject({ object: 'event', api_version: '2026-10-28.endive', livemode: false, pending_webhooks: 0 });
    // The SDK auto-keys writes when we pass none: the event still carries that key.
    await stripe.customers.update(created.id, { name: 'Auto' });
    const auto = (await stripe.events.list({ limit: 1 })).data[0]!;
    expect(auto.request?.idempotency_key).toMatch(/^stripe-node-retry-/);
  });

  it('marks /_sim/ card payments as automatic (no idempotency key) and emits the §8 set', async () => {
    let stripe: Stripe;
    ({ sim, stripe } = await startSim());
    const customer = await stripe.customers.create({ name: 'Card payer' });
    const invoice = await stripe.invoices.create({ customer: customer.id });
    await stripe.invoiceItems.create({ customer: customer.id, invoice: invoice.id, amount: 2000 });
    await stripe.invoices.finalizeInvoice(invoice.id);
    const before = (await stripe.events.list({ limit: 1 })).data[0]!;
    await stripe.rawRequest('POST', `/_sim/invoices/${invoice.id}/pay_by_card`, {});
    const events = await stripe.events.list({ ending_before: before.id, limit: 100 }).autoPagingToArray({ limit: 100 });
    expect(events.map((e) => e.type)).toEqual([
      'payment_intent.succeeded',
      'charge.succeeded',
      'invoice_payment.paid',
      'invoice.paid',
      'invoice.payment_succeeded',
    ]);
    for (const event of events) expect(event.request?.idempotency_key).toBeNull();
    expect(events[0]!.request?.id).toMatch(/^req_/);
  });

  it('filters by type wildcard, types[] and created, and pages with starting_after / ending_before', async () => {
    let stripe: Stripe;
    ({ sim, stripe } = await startSim());
    const rate = await stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: true });
    for (let i = 0; i < 12; i += 1) await stripe.customers.create({ name: `c${i}` });
    await stripe.taxRates.update(rate.id, { description: 'changed' });
    expect((await stripe.events.list({ type: 'tax_rate.*' })).data.map((e) => e.type)).toEqual(['tax_rate.updated', 'tax_rate.created']);
    expect((await stripe.events.list({ types: ['tax_rate.created', 'customer.created'], limit: 100 })).data).toHaveLength(13);
    const all = await stripe.events.list({ limit: 100 }).autoPagingToArray({ limit: 100 });
    expect(all).toHaveLength(14);
    const page = await stripe.events.list({ limit: 5, starting_after: all[2]!.id });
    expect(page.data.map((e) => e.id)).toEqual(all.slice(3, 8).map((e) => e.id));
    const newer = await stripe.events.list({ limit: 100, ending_before: all[10]!.id, type: 'customer.created' });
    expect(newer.data.map((e) => e.id)).toEqual(all.slice(1, 10).map((e) => e.id));
    expect((await stripe.events.list({ created: { gt: all[0]!.created } })).data).toHaveLength(0);
  });

  it('forgets events older than 30 days', async () => {
    let stripe: Stripe;
    let now = new Date('2026-10-01T00:00:00Z');
    ({ sim, stripe } = await startSim({ now: () => now }));
    await stripe.customers.create({ name: 'old' });
    const old = (await stripe.events.list({ limit: 1 })).data[0]!;
    expect(old.created).toBe(Date.parse('2026-10-01T00:00:00Z') / 1000);
    now = new Date('2026-10-31T00:00:01Z');
    await stripe.customers.create({ name: 'new' });
    expect((await stripe.events.list()).data.map((e) => (e.data.object as Stripe.Customer).name)).toEqual(['new']);
    await expect(stripe.events.retrieve(old.id)).rejects.toMatchObject({ statusCode: 404, code: 'resource_missing' });
  });
});
