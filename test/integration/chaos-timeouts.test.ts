// Injected timeouts: a write the simulator carries out and then never answers (the
// connection held open until the client gives up). The connector's own timeout ends
// it, and the retry must be safe: ServiceM8 gets the same record uuid again (an update,
// not a second record), Stripe the same idempotency key (a replay of the first answer).
// Timing: nothing here waits on a clock but the connector's own timeout (500 ms). The
// hang is released by the client closing the connection, not by a timer, and the test
// switches hangs off once it sees the first one held (state, not time). A real answer
// slower than 500 ms on a loaded machine would only add a retry, which the assertions allow.
import { describe, expect, it } from 'vitest';
import { apiKeyAuth, jobPaymentFields, ServiceM8Client } from '../../src/main/core/connectors/servicem8';
import { StripeConnector } from '../../src/main/core/connectors/stripe/stripe-connector';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { startServiceM8Simulator } from '../../src/main/simulators/servicem8';
import { startStripeSimulator } from '../../src/main/simulators/stripe';

const TIMEOUT_MS = 500;

/** Waits (bounded) until the simulator has held a request, then lets the next ones through. */
async function afterFirstHang(stats: { hungRequests: number }, faults: { configure(o: { hangRate: number }): void }): Promise<void> {
  for (let i = 0; i < 2_000 && stats.hungRequests === 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(stats.hungRequests).toBe(1);
  faults.configure({ hangRate: 0 });
}

describe('timeouts: a write that hangs past the connector timeout is retried safely', () => {
  it('ServiceM8: the retry sends the same uuid, one job payment', async () => {
    const sim = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'off' });
    try {
      const client = new ServiceM8Client({
        baseUrl: sim.url,
        auth: apiKeyAuth(new MemorySecretStore({ 'servicem8.apiKey': 'sm8-demo-key' })),
        retry: { retries: 4, baseMs: 5, maxMs: 20 },
        limits: { perMinute: 100_000, perDay: 1_000_000 },
        timeZone: 'Australia/Sydney',
        timeoutMs: TIMEOUT_MS,
      });
      const job = String(sim.store.list('job').find((j) => j.status === 'Completed')!.uuid);
      const before = sim.store.count('jobpayment');
      sim.faults.configure({ hangRate: 1 });
      const write = client.create(
        'jobpayment',
        jobPaymentFields(
          { jobUuid: job, amountCents: 12_345, method: 'Stripe', paidAt: '2026-11-02T01:30:00Z', note: 'ch_hang' },
          'Australia/Sydney',
        ),
      );
      await afterFirstHang(sim.stats, sim.faults);
      const uuid = await write;
      expect(sim.store.count('jobpayment')).toBe(before + 1);
      expect(sim.store.get('jobpayment', uuid)).toMatchObject({ amount: '123.4500', note: 'ch_hang' });
      // The first attempt was carried out and held; at least one retry answered.
      expect(sim.stats.byStatus[200] ?? 0).toBeGreaterThanOrEqual(1);
    } finally {
      await sim.close();
    }
  });

  it('Stripe: the retry carries the same idempotency key, the first answer is replayed, one customer', async () => {
    const sim = await startStripeSimulator({ seed: 'none', rateLimits: 'off' });
    try {
      const stripe = new StripeConnector({
        apiKey: 'sk_test_timeoutSm8syncKey1',
        baseUrl: sim.url,
        timeoutMs: TIMEOUT_MS,
        retry: { retries: 4, baseMs: 5, maxMs: 20 },
        maxRequestsPerSecond: null,
      });
      sim.faults.configure({ hangRate: 1 });
      const write = stripe.createCustomer({ name: 'Hung Write Pty Ltd', email: 'hung@example.com.au' }, 'sm8sync-test-hang-1');
      await afterFirstHang(sim.stats, sim.faults);
      const customer = await write;
      expect(sim.stats.replays).toBeGreaterThanOrEqual(1);
      const all = await stripe.listCustomers();
      expect(all.map((c) => c.id)).toEqual([customer.id]);
    } finally {
      await sim.close();
    }
  });
});
