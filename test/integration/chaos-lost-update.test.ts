// Lost updates: 100 linked pairs; client X is renamed to "B" on one side and 150 new
// clients queue their creates ahead of X's update; while that sync runs, someone sets
// X's name to "C" on the other side. Two more syncs: "C" must not be lost (a conflict
// holding both values, or C kept on both sides). The competing edit is injected at
// every step of the cycle that can be reached exactly, through hooks on the pair's
// ports (no sleeps): while changes are pulled, once the outbox rows exist, just
// before the live read of X, between that read and the write, and after the write.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conflict } from '../../src/main/core/store/repositories/conflicts-repository';
import type { ServiceM8ClientsPort, StripeCustomersPort } from '../../src/main/core/sync/clients/ports';
import { useTempDirs } from '../helpers/temp-dir';
import { addServiceM8Clients, buildEngine, startSims, type Hooked, type Sims } from './chaos-world';

const tempDir = useTempDirs();
/** Sorts after every random uuid, so X's update is planned after the 150 creates. */
const X = 'ffffffff-ffff-4fff-bfff-ffffffffffff';

let sims: Sims;
beforeEach(async () => {
  sims = await startSims();
  // Stripe's clock 10 minutes behind this machine's: a write's time must come from the
  // API, never from this clock (an edit after our write has an earlier event time).
  sims.stripe.setClock(new Date(Date.now() - 10 * 60_000));
});
afterEach(() => sims.close());

type Step = 'during-pull' | 'outbox-exists' | 'before-live-read' | 'between-read-and-write' | 'after-write';

async function linkedWorld(hooks: { servicem8?: Hooked<ServiceM8ClientsPort>; stripe?: Hooked<StripeCustomersPort> }) {
  await addServiceM8Clients(sims.sm8, 99, 'Linked');
  await addServiceM8Clients(sims.sm8, 1, 'Subject', () => X);
  const world = buildEngine(sims, { dataDir: tempDir(), servicem8Hooks: hooks.servicem8 ?? {}, stripeHooks: hooks.stripe ?? {} });
  expect((await world.sync()).state).toBe('completed');
  expect(world.store.links.count('client')).toBe(100);
  const customerOfX = world.store.links.byServiceM8Id('client', X)!.stripeId;
  return { ...world, customerOfX };
}

const nameConflict = (conflicts: Conflict[]) => conflicts.find((c) => c.servicem8Id === X && c.field === 'name');

describe('lost updates: a competing edit during a sync is never overwritten silently', () => {
  const steps: Step[] = ['during-pull', 'outbox-exists', 'before-live-read', 'after-write'];
  const servicem8First = async (step: Step) => {
    let armed = false;
    let fired = 0;
    let customerOfX = '';
    const compete = async () => {
      if (!armed || fired > 0) return;
      fired += 1;
      await sims.stripeApi.customers.update(customerOfX, { name: 'C' });
    };
    const world = await linkedWorld({
      stripe: {
        customerChanges: async (real, ...args) => {
          const out = await real(...args);
          if (step === 'during-pull') await compete();
          return out;
        },
        createCustomer: async (real, ...args) => {
          if (step === 'outbox-exists') await compete();
          return real(...args);
        },
        getCustomer: async (real, id, ...rest) => {
          if (step === 'before-live-read' && id === customerOfX) await compete();
          return real(id, ...rest);
        },
        updateCustomer: async (real, id, ...rest) => {
          if (step === 'between-read-and-write' && id === customerOfX) await compete();
          const out = await real(id, ...rest);
          if (step === 'after-write' && id === customerOfX) await compete();
          return out;
        },
      },
    });
    customerOfX = world.customerOfX;
    await sims.sm8.update('company', X, { name: 'B' });
    await addServiceM8Clients(sims.sm8, 150, 'New');
    armed = true;
    const during = await world.sync();
    expect(during.state).toBe('completed');
    expect(fired).toBe(1);
    // The competing edit really landed while this sync had X's update planned.
    expect(during.plan.filter((w) => w.operation === 'create_customer')).toHaveLength(150);
    expect(during.plan.filter((w) => w.operation === 'update_customer')).toHaveLength(1);
    await world.sync();
    await world.sync();

    const stripeName = (await sims.stripeApi.customers.retrieve(customerOfX)) as { name: string | null };
    const servicem8Name = (await sims.sm8.list('company')).find((c) => c.uuid === X)?.name;
    const conflict = nameConflict(world.store.conflicts.list());
    if (step === 'after-write') {
      // C came after our write: it is the newest one-sided change and wins on both sides.
      expect([stripeName.name, servicem8Name]).toEqual(['C', 'C']);
      expect(conflict).toBeUndefined();
    } else if (step === 'between-read-and-write') {
      // Our write replaced C (no conditional write exists); the next pull sees their event, then
      // ours with C as the previous name, and asks with both values instead of losing C.
      expect([stripeName.name, servicem8Name]).toEqual(['B', 'B']);
      expect(conflict).toMatchObject({ kind: 'overwritten', servicem8Value: 'B', stripeValue: 'C', state: 'open' });
    } else {
      expect([stripeName.name, servicem8Name]).toEqual(['C', 'B']);
      expect(conflict).toMatchObject({ servicem8Value: 'B', stripeValue: 'C', state: 'open' });
    }
    world.store.close();
  };

  const stripeFirst = async (step: Step) => {
    let armed = false;
    let fired = 0;
    const compete = async () => {
      if (!armed || fired > 0) return;
      fired += 1;
      await sims.sm8.update('company', X, { name: 'C' });
    };
    const world = await linkedWorld({
      servicem8: {
        pullContacts: async (real, ...args) => {
          const out = await real(...args);
          if (step === 'during-pull') await compete();
          return out;
        },
        updateCompany: async (real, uuid, ...rest) => {
          if (step === 'between-read-and-write' && uuid === X) await compete();
          await real(uuid, ...rest);
          if (step === 'after-write' && uuid === X) await compete();
        },
        getCompany: async (real, uuid, ...rest) => {
          if (step === 'before-live-read' && uuid === X) await compete();
          return real(uuid, ...rest);
        },
      },
      stripe: {
        createCustomer: async (real, ...args) => {
          if (step === 'outbox-exists') await compete();
          return real(...args);
        },
      },
    });
    await sims.stripeApi.customers.update(world.customerOfX, { name: 'B' });
    await addServiceM8Clients(sims.sm8, 150, 'New');
    armed = true;
    expect((await world.sync()).state).toBe('completed');
    expect(fired).toBe(1);
    await world.sync();
    await world.sync();

    const stripeName = ((await sims.stripeApi.customers.retrieve(world.customerOfX)) as { name: string | null }).name;
    const servicem8Name = (await sims.sm8.list('company')).find((c) => c.uuid === X)?.name;
    const conflict = nameConflict(world.store.conflicts.list());
    if (step === 'after-write') {
      expect([servicem8Name, stripeName]).toEqual(['C', 'C']);
      expect(conflict).toBeUndefined();
    } else {
      expect([servicem8Name, stripeName]).toEqual(['C', 'B']);
      expect(conflict).toMatchObject({ servicem8Value: 'C', stripeValue: 'B', state: 'open' });
    }
    world.store.close();
  };

  it.each(steps)('ServiceM8 rename planned for Stripe, Stripe edited %s: "C" survives', servicem8First);
  it.each(steps)('Stripe rename planned for ServiceM8, ServiceM8 edited %s: "C" survives', stripeFirst);

  // Neither API has a conditional write (no If-Match, no version field): an edit landing
  // between the live read and our write (one request apart) is overwritten. On Stripe it is
  // found afterwards in the events and asked about (kit/overwrites.ts).
  it('Stripe edited between the live read and our write: found in the next pull and asked about with both values', () =>
    servicem8First('between-read-and-write'));
  // KNOWN LIMIT: ServiceM8 keeps no history, so an edit there in that window cannot be seen
  // afterwards. This fails today and would pass only if ServiceM8 offered a conditional write.
  it.fails('KNOWN LIMIT: ServiceM8 edited between the live read and our write (one request apart)', () =>
    stripeFirst('between-read-and-write'),
  );
});
