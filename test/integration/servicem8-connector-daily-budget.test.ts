// The connector's own count of ServiceM8's daily budget (rate-budget.ts): once it says
// the day's requests are spent, a request is refused at once with the daily-limit error
// (the simulator never sees it) instead of sleeping inside the request until a slot
// frees up, which in a long-lived app would be hours with nothing said. The minute
// window is still waited out, as before.
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceM8ApiError, ServiceM8Client, apiKeyAuth } from '../../src/main/core/connectors/servicem8';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { classifyConnectorError } from '../../src/main/core/sync/adapters/classify-error';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8';

let sim: RunningServiceM8Simulator | undefined;
afterEach(() => sim?.close());

const clientFor = (url: string, limits: { perMinute: number; perDay: number; minuteMs?: number }) =>
  new ServiceM8Client({
    baseUrl: url,
    auth: apiKeyAuth(new MemorySecretStore({ 'servicem8.apiKey': 'sm8-demo-key' })),
    retry: { retries: 3, baseMs: 5, maxMs: 20 },
    limits,
  });

describe('ServiceM8 connector: its own daily budget count', () => {
  it('refuses at once, with the daily-limit error, when the day is spent; nothing is sent', async () => {
    sim = await startServiceM8Simulator({ seed: 'none', rateLimits: 'off' });
    const client = clientFor(sim.url, { perMinute: 1_000, perDay: 3 });
    for (let i = 0; i < 3; i += 1) await client.getVendor();
    const sent = sim.requestCount;
    const refused = await client.getVendor().then(
      () => null,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ServiceM8ApiError);
    const error = refused as ServiceM8ApiError;
    expect(error.details.dailyLimit).toBe(true);
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/requests per day exceeded/);
    expect(sim.requestCount).toBe(sent);
    // The cycle pauses until our count frees a slot (a day from the first request), at least the hour the server's 429 gets.
    const failure = classifyConnectorError(error);
    expect(failure).toMatchObject({ kind: 'transient', pause: true });
    expect(failure.retryAfterMs).toBeGreaterThan(23 * 3_600_000);
  });

  it('still waits out the minute window rather than refusing', async () => {
    sim = await startServiceM8Simulator({ seed: 'none', rateLimits: 'off' });
    const client = clientFor(sim.url, { perMinute: 2, perDay: 1_000, minuteMs: 300 });
    for (let i = 0; i < 5; i += 1) await client.getVendor();
    expect(sim.requestCount).toBe(5);
  });
});
