// The connector against the simulator, through the official SDK: mapping to
// canonical records, matching helpers, invoices with GST, events, typed errors,
// 429 backoff and — with 20 % injected errors — no duplicates.
import { afterEach, describe, expect, it } from 'vitest';
import { StripeConnector, StripeConnectorError } from '../../src/main/core/connectors/stripe/index';
import { startStripeSimulator, type RunningStripeSimulator, type StripeSimulatorOptions } from '../../src/main/simulators/stripe/index';
import { maxInWindow } from '../helpers/arrivals';
import { TEST_KEY } from './stripe-sim-helpers';

let sim: RunningStripeSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

async function connect(options: StripeSimulatorOptions = {}, key = TEST_KEY): Promise<StripeConnector> {
  sim = await startStripeSimulator({ rateLimits: 'off', ...options });
  return new StripeConnector({ apiKey: key, baseUrl: sim.url, maxRequestsPerSecond: null, retry: { baseMs: 20, maxMs: 200 } });
}

describe('customers', () => {
  it('creates, maps, updates metadata and finds by servicem8 uuid and email', async () => {
    const stripe = await connect({ seed: 'demo' });
    const created = await stripe.createCustomer(
      { name: 'Acme Plumbing', email: 'Jobs@Acme.com.au', address: { city: 'Sydney', country: 'AU' }, metadata: { servicem8_uuid: 'u-1' } },
      'k-1',
    );
    expect(created).toMatchObject({ name: 'Acme Plumbing', servicem8Uuid: 'u-1', address: { city: 'Sydney', postalCode: null } });
    expect(created.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    const updated = await stripe.updateCustomer(created.id, { metadata: { owner_email: 'boss@acme.com.au' } }, 'k-2');
    expect(updated.metadata).toEqual({ servicem8_uuid: 'u-1', owner_email: 'boss@acme.com.au' });
    expect((await stripe.findCustomersByServiceM8Uuid('u-1')).map((c) => c.id)).toEqual([created.id]);
    // Exact filter finds the stored casing only when asked for it; the scan finds any casing.
    expect(await stripe.findCustomersByEmail('jobs@acme.com.au')).toHaveLength(0);
    expect(await stripe.findCustomersByEmail('jobs@acme.com.au', { scanAll: true })).toHaveLength(1);
    expect((await stripe.findCustomersByEmail('Sarah.Nguyen@example.com')).map((c) => c.email)).toEqual(['sarah.nguyen@example.com']);
    expect(await stripe.findCustomersByEmail('admin@parramattadental.com.au')).toHaveLength(2);
    const abn = await stripe.addAbn(created.id, '51 824 753 556', 'k-3');
    expect(abn).toMatchObject({ type: 'au_abn', value: '51824753556', customerId: created.id });
    await stripe.deleteCustomer(created.id);
    expect(await stripe.getCustomer(created.id)).toBeNull();
  });

  it("throws typed errors carrying Stripe's message", async () => {
    const stripe = await connect();
    const missing = await stripe.getInvoice('in_missing').catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(StripeConnectorError);
    expect(missing).toMatchObject({
      kind: 'not_found',
      message: "No such invoice: 'in_missing'",
      details: { code: 'resource_missing', statusCode: 404 },
    });
    const invalid = await stripe.createCustomer({ email: 'nope' }, 'k-bad').catch((e: unknown) => e);
    expect(invalid).toMatchObject({ kind: 'validation', details: { code: 'email_invalid', param: 'email' } });
    const unauthorised = new StripeConnector({ apiKey: 'sk_live_secretsecretsecret9999', baseUrl: sim!.url });
    const auth = await unauthorised.listCustomers().catch((e: unknown) => e);
    expect(auth).toMatchObject({ kind: 'auth' });
    expect((auth as Error).message).not.toContain('secretsecretsecret');
    await expect(stripe.createCustomer({ name: 'x' }, '')).rejects.toThrow(/idempotency key/);
  });
});

describe('invoices', () => {
  it('creates a GST draft with lines, custom fields and metadata, then finalizes, pays out of band and reads payments', async () => {
    const stripe = await connect();
    const gst = await stripe.ensureGstRates('gst');
    const again = await stripe.ensureGstRates('gst-2');
    expect(again.inclusive.id).toBe(gst.inclusive.id);
    expect(gst).toMatchObject({ inclusive: { inclusive: true, percentage: 10 }, exclusive: { inclusive: false, percentage: 10 } });
    const customer = await stripe.createCustomer({ name: 'Harbour View Cafe Pty Ltd' }, 'c-1');
    const draft = await stripe.createDraftInvoice(
      {
        customerId: customer.id,
        customFields: [
          { name: 'Job', value: '1042' },
          { name: 'Site', value: '1 Harbour St' },
        ],
        metadata: { servicem8_uuid: 'job-1042' },
        lines: [
          { description: 'Labour', amountCents: 11000, taxRateId: gst.inclusive.id },
          { description: 'Parts', amountCents: 3333, taxRateId: gst.inclusive.id },
          { description: 'Call-out', unitAmountCents: 5000, quantity: 2, taxRateId: gst.exclusive.id },
        ],
      },
      'inv-1',
    );
    expect(draft).toMatchObject({
      status: 'draft',
      subtotalCents: 24333,
      totalCents: 25333,
      taxCents: 2303,
      totalExcludingTaxCents: 23030,
      metadata: { servicem8_uuid: 'job-1042' },
    });
    expect(draft.lines.map((l) => l.taxCents)).toEqual([1000, 303, 1000]);
    const replaced = await stripe.updateDraftInvoice(
      draft.id,
      {
        description: 'Job 1042',
        customFields: [{ name: 'Job', value: '1042' }],
        metadata: { servicem8_edit_date: '2026-11-20 10:00:00' },
        lines: [{ description: 'Labour', amountCents: 22000, taxRateId: gst.inclusive.id }],
      },
      'inv-1-upd',
    );
    expect(replaced).toMatchObject({
      totalCents: 22000,
      taxCents: 2000,
      description: 'Job 1042',
      customFields: [{ name: 'Job', value: '1042' }],
    });
    expect(replaced.metadata).toEqual({ servicem8_uuid: 'job-1042', servicem8_edit_date: '2026-11-20 10:00:00' });
    // Replaying the same update with the same key changes nothing.
    const replayed = await stripe.updateDraftInvoice(
      draft.id,
      {
        description: 'Job 1042',
        customFields: [{ name: 'Job', value: '1042' }],
        metadata: { servicem8_edit_date: '2026-11-20 10:00:00' },
        lines: [{ description: 'Labour', amountCents: 22000, taxRateId: gst.inclusive.id }],
      },
      'inv-1-upd',
    );
    expect(replayed.lines).toHaveLength(1);
    const itemsOnInvoice = sim!.store.invoiceItems.inOrder().filter((item) => item.invoice === draft.id);
    expect(itemsOnInvoice).toHaveLength(1);
    const open = await stripe.finalizeInvoice(draft.id, 'inv-1-fin');
    expect(open.status).toBe('open');
    expect(open.number).not.toBeNull();
    const paid = await stripe.payInvoiceOutOfBand(draft.id, 'inv-1-pay');
    expect(paid).toMatchObject({ status: 'paid', amountPaidCents: 22000, amountRemainingCents: 0 });
    expect(paid.paidAt).not.toBeNull();
    const [payment] = await stripe.listInvoicePayments(draft.id);
    expect(payment).toMatchObject({ invoiceId: draft.id, isDefault: true });
  });

  it('finds the invoice of a card payment and lists charges and refunds', async () => {
    const stripe = await connect({ seed: 'demo' });
    const [harbour] = await stripe.findCustomersByEmail('accounts@harbourviewcafe.com.au');
    const [charge] = await stripe.listCharges({ customerId: harbour!.id });
    expect(charge).toMatchObject({ status: 'succeeded', amountCents: 37950, refunded: false });
    const invoiceId = await stripe.findInvoiceIdForPaymentIntent(charge!.paymentIntentId!);
    const invoice = await stripe.getInvoice(invoiceId!);
    expect(invoice).toMatchObject({ status: 'paid', totalCents: 37950, taxCents: 3450 });
    expect(await stripe.listRefunds({ chargeId: charge!.id })).toEqual([]);
    const open = await stripe.listInvoices({ status: 'open' });
    // The seed's one open invoice (the hand-made one of seed-demo-payments.ts was paid by card).
    expect(open.map((i) => i.totalCents)).toEqual([19800]);
  });
});

describe('events', () => {
  it('returns events since the cursor oldest first, recognises our keys, and asks for a rescan without a cursor', async () => {
    const stripe = await connect();
    const first = await stripe.listEventsSince(null);
    expect(first).toEqual({ events: [], cursor: null, needsFullRescan: true });
    const a = await stripe.createCustomer({ name: 'A' }, 'outbox-1');
    const start = await stripe.listEventsSince(null);
    expect(start.needsFullRescan).toBe(true);
    await stripe.updateCustomer(a.id, { name: 'A2' }, 'outbox-2');
    for (let i = 0; i < 105; i += 1) await stripe.createCustomer({ name: `n${i}` }, `outbox-n${i}`);
    const since = await stripe.listEventsSince(start.cursor, ['customer.updated', 'customer.created']);
    expect(since.needsFullRescan).toBe(false);
    expect(since.events).toHaveLength(106);
    expect(since.events[0]).toMatchObject({
      type: 'customer.updated',
      idempotencyKey: 'outbox-2',
      previousAttributes: { name: 'A' },
      objectId: a.id,
    });
    expect(since.events.at(-1)).toMatchObject({ idempotencyKey: 'outbox-n104' });
    expect(since.cursor).toBe(since.events.at(-1)!.id);
    expect((await stripe.listEventsSince(since.cursor)).events).toEqual([]);
  });

  it('signals a full rescan when the cursor is older than 30 days', async () => {
    let now = new Date('2026-09-01T00:00:00Z');
    sim = await startStripeSimulator({ rateLimits: 'off', now: () => now });
    const stripe = new StripeConnector({ apiKey: TEST_KEY, baseUrl: sim.url, retry: { baseMs: 20, maxMs: 200 } });
    await stripe.createCustomer({ name: 'Old' }, 'o-1');
    const { cursor } = await stripe.listEventsSince(null);
    now = new Date('2026-10-15T00:00:00Z');
    await stripe.createCustomer({ name: 'New' }, 'o-2');
    const result = await stripe.listEventsSince(cursor);
    expect(result.needsFullRescan).toBe(true);
    expect(result.cursor).not.toBe(cursor);
  });
});

describe('resilience', () => {
  it('backs off through 429s that the SDK does not retry', async () => {
    sim = await startStripeSimulator({ rateLimits: 'real', ratePerSecond: 10 });
    // Our own limiter off, so the burst really meets the simulator's 429s.
    const stripe = new StripeConnector({
      apiKey: TEST_KEY,
      baseUrl: sim.url,
      maxRequestsPerSecond: null,
      retry: { baseMs: 250, maxMs: 1500, retries: 12 },
    });
    const created = await Promise.all(Array.from({ length: 25 }, (_, i) => stripe.createCustomer({ name: `burst ${i}` }, `burst-${i}`)));
    expect(created).toHaveLength(25);
    expect(sim.store.customers.size).toBe(25);
    expect(sim.stats.rateLimited).toBeGreaterThan(0);
  });

  it('retries lock_timeout itself when the SDK has no retries left', async () => {
    sim = await startStripeSimulator({ rateLimits: 'off', lockTimeoutRate: 0.5 });
    const stripe = new StripeConnector({
      apiKey: TEST_KEY,
      baseUrl: sim.url,
      maxNetworkRetries: 0,
      maxRequestsPerSecond: null,
      retry: { baseMs: 10, maxMs: 50, retries: 10 },
    });
    for (let i = 0; i < 10; i += 1) await stripe.createCustomer({ name: `locked ${i}` }, `lock-${i}`);
    expect(sim.stats.lockTimeouts).toBeGreaterThan(0);
    expect(sim.store.customers.size).toBe(10);
  });

  it('paces its requests by its own budget so the simulator sees no 429 (arrivals counted by the simulator)', async () => {
    // The default budget is 20/s against Stripe's 25/s. Here the budget is 10/s, so the test
    // holds while the arrivals of a whole window may be delayed by up to 1.5 s on a loaded
    // machine (26 arrivals in one simulator second would need that much bunching).
    sim = await startStripeSimulator({ rateLimits: 'real' });
    const stripe = new StripeConnector({ apiKey: TEST_KEY, baseUrl: sim.url, retry: { retries: 0 }, maxRequestsPerSecond: 10 });
    await Promise.all(Array.from({ length: 30 }, (_, i) => stripe.createCustomer({ name: `paced ${i}` }, `paced-${i}`)));
    expect(sim.requestCount).toBe(30);
    expect(sim.stats.rateLimited).toBe(0);
    // Counted from arrival times, not by the limiter both sides share.
    expect(maxInWindow(sim.stats.arrivals, 1000)).toBeLessThanOrEqual(25);
  });

  it('with 20% injected errors and 10% dropped writes, creates exactly one of each object', async () => {
    const stripe = await connect({ errorRate: 0.2, dropAfterWriteRate: 0.1 });
    const running = sim!;
    const gst = await stripe.ensureGstRates('gst');
    // Ten workers at a time, like an outbox drained in parallel; bounded at 50 jobs.
    const job = async (i: number) => {
      const customer = await stripe.createCustomer(
        { name: `Fault ${i}`, email: `fault${i}@example.com`, metadata: { servicem8_uuid: `sm8-${i}` } },
        `cust-${i}`,
      );
      await stripe.createDraftInvoice(
        {
          customerId: customer.id,
          metadata: { servicem8_uuid: `job-${i}` },
          lines: [{ description: 'Work', amountCents: 1000 + i, taxRateId: gst.inclusive.id }],
        },
        `inv-${i}`,
      );
    };
    for (let batch = 0; batch < 50; batch += 10) {
      await Promise.all(Array.from({ length: 10 }, (_, k) => job(batch + k)));
    }
    // Replace the lines of ten drafts and finalize them, still under faults.
    const drafts = (await stripe.listInvoices()).slice(0, 10);
    await Promise.all(
      drafts.map(async (draft) => {
        await stripe.updateDraftInvoice(
          draft.id,
          {
            lines: [
              { description: 'Labour', amountCents: 11000, taxRateId: gst.inclusive.id },
              { description: 'Parts', unitAmountCents: 1500, quantity: 2, taxRateId: gst.exclusive.id },
            ],
          },
          `upd-${draft.id}`,
        );
        await stripe.finalizeInvoice(draft.id, `fin-${draft.id}`);
      }),
    );
    running.faults.configure({ errorRate: 0, dropAfterWriteRate: 0 });
    const customers = await stripe.listCustomers();
    const invoices = await stripe.listInvoices();
    expect(customers).toHaveLength(50);
    expect(new Set(customers.map((c) => c.servicem8Uuid)).size).toBe(50);
    expect(invoices).toHaveLength(50);
    expect(new Set(invoices.map((i) => i.metadata.servicem8_uuid)).size).toBe(50);
    const updated = invoices.filter((i) => i.status === 'open');
    expect(updated).toHaveLength(10);
    for (const invoice of updated)
      expect(invoice).toMatchObject({ totalCents: 14300, taxCents: 1300, lines: [{ amountCents: 11000 }, { amountCents: 3000 }] });
    for (const invoice of invoices.filter((i) => i.status === 'draft')) expect(invoice.lines).toHaveLength(1);
    expect(running.store.invoiceItems.size).toBe(40 + 20);
    expect(running.store.taxRates.size).toBe(2);
    // The faults really happened, and were answered by replays rather than duplicates.
    expect(running.stats.injectedErrors).toBeGreaterThan(30);
    expect(running.stats.droppedWrites).toBeGreaterThan(5);
    expect(running.stats.replays).toBeGreaterThan(5);
  });
});
