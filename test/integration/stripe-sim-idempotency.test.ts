// Idempotency, rate limits and fault injection as the SDK experiences them.
import http from 'node:http';
import Stripe from 'stripe';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningStripeSimulator } from '../../src/main/simulators/stripe/index';
import { TEST_KEY, sdkFor, startSim } from './stripe-sim-helpers';

let sim: RunningStripeSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

/** A raw POST, to see exactly what the server answers to a given body and key. */
function rawPost(
  port: number,
  path: string,
  body: string,
  key: string,
  apiKey = TEST_KEY,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${apiKey}`,
          'Content-Type': 'application/x-www-form-urlencoded',
          'Idempotency-Key': key,
        },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

describe('idempotency', () => {
  it('replays the same status and body with Idempotent-Replayed, creating nothing new', async () => {
    let stripe: Stripe;
    ({ sim, stripe } = await startSim());
    const first = await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'key-1' });
    const second = await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'key-1' });
    expect(second).toEqual(first);
    expect(second.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(sim.store.customers.size).toBe(1);
  });

  it('rejects the same key with other params or another endpoint (StripeIdempotencyError, 400)', async () => {
    let stripe: Stripe;
    ({ sim, stripe } = await startSim());
    await stripe.customers.create({ email: 'a@example.com' }, { idempotencyKey: 'key-2' });
    const error = await stripe.customers.create({ email: 'b@example.com' }, { idempotencyKey: 'key-2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error).toMatchObject({ statusCode: 400, rawType: 'idempotency_error' });
    await expect(
      stripe.taxRates.create({ display_name: 'GST', percentage: 10, inclusive: true }, { idempotencyKey: 'key-2' }),
    ).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it('does not store validation failures, and scopes keys per API key', async () => {
    let stripe: Stripe;
    ({ sim, stripe } = await startSim());
    await expect(stripe.customers.create({ email: 'not-an-email' }, { idempotencyKey: 'key-3' })).rejects.toMatchObject({
      code: 'email_invalid',
    });
    const fixed = await stripe.customers.create({ email: 'ok@example.com' }, { idempotencyKey: 'key-3' });
    expect(fixed.email).toBe('ok@example.com');
    const other = sdkFor(sim, 'sk_test_anotherAccountKey');
    const separate = await other.customers.create({ email: 'other@example.com' }, { idempotencyKey: 'key-3' });
    expect(separate.id).not.toBe(fixed.id);
  });

  it('replays stored state errors and answers 409 to a concurrent request with the same key', async () => {
    // Sent together, whichever arrives first holds the key for 1.5 s of injected latency: the
    // other has that long to arrive (it takes milliseconds), and may arrive first itself.
    ({ sim } = await startSim({ latencyMs: 1500 }));
    const both = await Promise.all([
      rawPost(sim.port, '/v1/customers', 'email=x%40example.com', 'key-4'),
      rawPost(sim.port, '/v1/customers', 'email=x%40example.com', 'key-4'),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const a = both.find((r) => r.status === 200)!;
    const b = both.find((r) => r.status === 409)!;
    expect(JSON.parse(b.body)).toMatchObject({ error: { code: 'idempotency_key_in_use' } });
    sim.faults.configure({ latencyMs: 0 });
    const replay = await rawPost(sim.port, '/v1/customers', 'email=x%40example.com', 'key-4');
    expect(replay.body).toBe(a.body);
    expect(replay.headers['idempotent-replayed']).toBe('true');
  });

  it('forgets keys after 24 hours and rejects keys over 255 characters', async () => {
    let stripe: Stripe;
    ({ sim, stripe } = await startSim());
    await stripe.customers.create({ email: 'first@example.com' }, { idempotencyKey: 'key-old' });
    sim.advanceClock(25 * 60 * 60);
    const fresh = await stripe.customers.create({ email: 'second@example.com' }, { idempotencyKey: 'key-old' });
    expect(fresh.email).toBe('second@example.com');
    expect(fresh.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    await expect(stripe.customers.create({ name: 'x' }, { idempotencyKey: 'k'.repeat(256) })).rejects.toMatchObject({ statusCode: 400 });
  });

  it('parses + as space and %5B%5D brackets', async () => {
    ({ sim } = await startSim());
    const response = await rawPost(
      sim.port,
      '/v1/customers',
      'name=Harbour+View&preferred_locales%5B%5D=en-AU&preferred_locales[]=en',
      'key-5',
    );
    expect(JSON.parse(response.body)).toMatchObject({ name: 'Harbour View', preferred_locales: ['en-AU', 'en'] });
  });
});

describe('rate limit', () => {
  it('answers 429 rate_limit beyond the budget and never consumes the idempotency key', async () => {
    let stripe: Stripe;
    // The limiter counts on the simulator's wall clock, frozen here: all 8 land in one second whatever the load.
    let wall = Date.parse('2026-11-02T01:00:00Z');
    ({ sim, stripe } = await startSim({ rateLimits: 'real', ratePerSecond: 5, now: () => new Date(wall) }));
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => stripe.customers.create({ name: `c${i}` }, { idempotencyKey: `rl-${i}` })),
    );
    const limited = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason as Stripe.errors.StripeError);
    expect(limited.length).toBe(3);
    for (const error of limited) {
      expect(error).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
      expect(error).toMatchObject({ statusCode: 429, code: 'rate_limit', rawType: 'invalid_request_error' });
    }
    expect(sim.store.customers.size).toBe(5);
    wall += 2000; // the window has passed
    const index = outcomes.findIndex((o) => o.status === 'rejected');
    const retried = await stripe.customers.create({ name: `c${index}` }, { idempotencyKey: `rl-${index}` });
    // A 429 never stored a result, so the same key executes now rather than replaying.
    expect(retried.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(sim.store.customers.size).toBe(6);
  });
});

describe('faults', () => {
  it('drop-after-write: the SDK retries the reset and the replay returns the stored object, no duplicate', async () => {
    ({ sim } = await startSim({ dropAfterWriteRate: 1 }));
    const stripe = sdkFor(sim, TEST_KEY, 0);
    // The write commits, the socket is reset; the SDK retries ECONNRESET once even
    // with retries off, and that retry is answered from the idempotency store.
    const created = await stripe.customers.create({ email: 'drop@example.com' }, { idempotencyKey: 'drop-1' });
    expect(created.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(sim.store.customers.size).toBe(1);
    expect(sim.requestCount).toBe(2);
    expect(sim.store.customers.get(created.id)).toBeDefined();
  });

  it('injected 5xx carry Stripe-Should-Retry and the SDK retries them', async () => {
    ({ sim } = await startSim({ errorRate: 1 }));
    const stripe = sdkFor(sim, TEST_KEY, 0);
    const error = await stripe.customers.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect((error as Stripe.errors.StripeError).headers?.['stripe-should-retry']).toBe('true');
    sim.faults.configure({ errorRate: 0.5 });
    const retrying = sdkFor(sim, TEST_KEY, 8);
    for (let i = 0; i < 5; i += 1) await retrying.customers.create({ name: `r${i}` }, { idempotencyKey: `f-${i}` });
    expect(sim.store.customers.size).toBe(5);
  });
});
