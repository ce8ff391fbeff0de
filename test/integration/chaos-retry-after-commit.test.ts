// A write that reached the API but whose answer was lost (the process was killed, or
// every retry of the connection failed) is carried out again by a later cycle. By then
// the target already holds what we wrote, so the conditional update leaves those
// fields out: the retried request differs from the first, and must not reuse its
// idempotency key (Stripe refuses a key reused with other parameters).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StripeConnectorError } from '../../src/main/core/connectors/stripe/errors';
import { useTempDirs } from '../helpers/temp-dir';
import { addServiceM8Clients, buildEngine, startSims, type Sims } from './chaos-world';

const tempDir = useTempDirs();
let sims: Sims;
beforeEach(async () => {
  sims = await startSims();
});
afterEach(() => sims.close());

describe('a write whose answer was lost is retried safely', () => {
  it('update_customer committed, answer lost, retried next cycle: done, nothing refused, no duplicate', async () => {
    const time = { now: Date.now() };
    let loseAnswer = false;
    const [uuid] = await addServiceM8Clients(sims.sm8, 1, 'Lost');
    const world = buildEngine(sims, {
      dataDir: tempDir(),
      clock: () => new Date(time.now),
      stripeHooks: {
        updateCustomer: async (real, ...args) => {
          const out = await real(...args);
          if (loseAnswer) {
            loseAnswer = false;
            throw new StripeConnectorError('transient', 'connection reset after the write (simulated)');
          }
          return out;
        },
      },
    });
    expect((await world.sync()).state).toBe('completed');
    const customer = world.store.links.byServiceM8Id('client', uuid!)!.stripeId;

    await sims.sm8.update('company', uuid!, { name: 'Lost Client Renamed' });
    loseAnswer = true;
    await world.sync();
    expect(world.store.outbox.due(10)).toHaveLength(0); // waiting for its retry time
    time.now += 60 * 60_000;
    await world.sync();
    await world.sync();

    const failed = world.store.outbox.list({ state: 'failed' }).map((r) => [r.operation, r.lastError]);
    expect(failed).toEqual([]);
    expect(((await sims.stripeApi.customers.retrieve(customer)) as { name: string }).name).toBe('Lost Client Renamed');
    expect(await sims.stripeApi.customers.list({ limit: 100 }).autoPagingToArray({ limit: 100 })).toHaveLength(1);
    world.store.close();
  });
});
