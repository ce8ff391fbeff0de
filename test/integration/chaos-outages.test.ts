// Long outages and wrong clocks, with the real engine over both simulators: the app
// off for 31 days (Stripe no longer has the events after the cursor: a full rescan,
// no duplicates, nothing lost), and this machine's clock 10 minutes ahead of or behind
// the APIs' (every edit arrives once: nothing missed, nothing written twice).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir';
import { addServiceM8Clients, buildEngine, startSims, type Sims } from './chaos-world';

const tempDir = useTempDirs();
let sims: Sims;
beforeEach(async () => {
  sims = await startSims();
});
afterEach(() => sims.close());

const DAY = 86_400_000;

async function stripeCustomers() {
  return sims.stripeApi.customers.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 });
}

describe('outages', () => {
  it('off for 31 days: the events cursor has expired, a full rescan picks up every change once, no duplicates', async () => {
    const time = { offset: 0 };
    const clock = () => new Date(Date.now() + time.offset);
    const companies = await addServiceM8Clients(sims.sm8, 20, 'Outage');
    const world = buildEngine(sims, { dataDir: tempDir(), clock });
    expect((await world.sync()).state).toBe('completed');
    await world.sync(); // reads back the first sync's own events: the cursor now points at a real event
    const cursor = world.store.cursors.get('feed.stripe.events');
    expect(cursor).toMatch(/^evt_/);
    const linked = world.store.links.byServiceM8Id('client', companies[3]!)!.stripeId;

    // While the app is off: edits on both sides, a new customer in Stripe.
    await sims.stripeApi.customers.update(linked, { name: 'Renamed While Away Pty Ltd' });
    await sims.sm8.update('company', companies[5]!, { name: 'ServiceM8 Rename While Away' });
    await sims.stripeApi.customers.create({ name: 'New While Away', email: 'new.while.away@example.com.au' });
    time.offset = 31 * DAY;
    sims.stripe.advanceClock(31 * 24 * 3600);
    sims.servicem8.setNow(new Date(Date.now() + 31 * DAY));
    // Stripe keeps events 30 days: the cursor's event is gone.
    await expect(sims.stripeApi.events.retrieve(cursor!)).rejects.toMatchObject({ statusCode: 404 });

    const back = await world.sync();
    expect(back.state).toBe('completed');
    expect(back.entities[0]!.pulled.stripe).toBe(21); // the full rescan listed every customer
    await world.sync();
    const idle = await world.sync();
    expect(idle.plan).toEqual([]);

    const customers = await stripeCustomers();
    expect(customers).toHaveLength(21);
    expect(new Set(customers.map((c) => c.email)).size).toBe(21);
    const sm8 = await sims.sm8.list('company');
    expect(sm8).toHaveLength(21);
    expect(sm8.find((c) => c.uuid === companies[3])?.name).toBe('Renamed While Away Pty Ltd');
    expect(sm8.filter((c) => c.name === 'New While Away')).toHaveLength(1);
    expect(customers.find((c) => c.metadata?.servicem8_uuid === companies[5])?.name).toBe('ServiceM8 Rename While Away');
    expect(world.store.conflicts.list()).toEqual([]);
    world.store.close();
  });

  it.each([
    ['ahead of', 10],
    ['behind', -10],
  ])("this machine's clock 10 minutes %s the APIs': every edit arrives once, nothing missed or doubled", async (_label, minutes) => {
    const skew = minutes * 60_000;
    const world = buildEngine(sims, { dataDir: tempDir(), clock: () => new Date(Date.now() + skew) });
    const companies = await addServiceM8Clients(sims.sm8, 10, 'Skew');
    expect((await world.sync()).state).toBe('completed');
    const customerOf = (uuid: string) => world.store.links.byServiceM8Id('client', uuid)!.stripeId;

    // Edits on both sides between syncs, each one a field the other side did not touch.
    for (let round = 0; round < 3; round += 1) {
      await sims.sm8.update('company', companies[round]!, { name: `Sm8 edit ${round}` });
      await sims.stripeApi.customers.update(customerOf(companies[round + 5]!), { name: `Stripe edit ${round}` });
      await sims.sm8.addClient({ name: `Skew New ${round}` }, { email: `skew.new${round}@example.com.au` });
      const result = await world.sync();
      expect(result.state).toBe('completed');
      // Each edit is carried over exactly once, in the sync right after it.
      expect(result.plan.map((w) => `${w.operation}:${w.fields.name as string}`).sort()).toEqual(
        [`create_customer:Skew New ${round}`, `update_client:Stripe edit ${round}`, `update_customer:Sm8 edit ${round}`].sort(),
      );
    }
    for (let i = 0; i < 2; i += 1) expect((await world.sync()).plan).toEqual([]);
    const customers = await stripeCustomers();
    expect(customers).toHaveLength(13);
    const sm8 = await sims.sm8.list('company');
    for (let round = 0; round < 3; round += 1) {
      expect(customers.find((c) => c.metadata?.servicem8_uuid === companies[round])?.name).toBe(`Sm8 edit ${round}`);
      expect(sm8.find((c) => c.uuid === companies[round + 5])?.name).toBe(`Stripe edit ${round}`);
    }
    expect(world.store.conflicts.list()).toEqual([]);
    world.store.close();
  });
});
