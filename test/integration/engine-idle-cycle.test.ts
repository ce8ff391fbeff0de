// An idle cycle must not grow with the data: when nothing changed, waits or was
// decided, the clients pair plans nothing without reading the mirror. The same cycle
// must still see the next change, and a decision taken with nothing else changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceWorld, startSides } from '../helpers/invoice-world';
import { clientsOverFakes } from '../helpers/clients-over-fakes';
import { countMirrorReads } from '../helpers/mirror-reads';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
beforeAll(async () => (sides = await startSides()));
afterAll(() => sides.close());

function setup() {
  const world = clientsOverFakes(tempDir());
  return { ...world, mirrorReads: countMirrorReads(world.store.mirror) };
}

describe('idle cycle', () => {
  it('reads no mirror row when nothing changed, and still carries the next change and a lone decision', async () => {
    const { store, servicem8, stripe, sync, mirrorReads } = setup();
    for (let n = 0; n < 5; n += 1)
      servicem8.addClient(`sm8-${n}`, { name: `Client ${n} Pty Ltd` }, { email: `client${n}@example.com.au`, mobile: `041100000${n}` });
    await sync();
    await sync(); // reads back the events of the first sync's own writes
    expect(store.links.count('client')).toBe(5);

    mirrorReads.reset();
    const idle = await sync();
    expect(idle.state).toBe('completed');
    expect(idle.plan).toEqual([]);
    expect(mirrorReads.calls()).toEqual({});

    const id = store.links.byServiceM8Id('client', 'sm8-3')!.stripeId;
    stripe.edit(id, { name: 'Client Three Electrical' });
    await sync();
    expect(mirrorReads.rows()['stripe.customer']).toBeGreaterThan(0);
    expect(servicem8.companies.get('sm8-3')!.record.name).toBe('Client Three Electrical');

    // A two-sided edit is a question; answering it is the only change before the next cycle.
    servicem8.editContact('sm8-1-contact', { mobile: '0411 000 101' });
    stripe.edit(store.links.byServiceM8Id('client', 'sm8-1')!.stripeId, { phone: '0411 000 102' });
    await sync();
    const [question] = store.conflicts.list();
    expect(question).toMatchObject({ kind: 'field', field: 'phone' });
    await sync();
    mirrorReads.reset();
    await sync();
    expect(mirrorReads.calls()).toEqual({});
    store.conflicts.resolve(question!.id, 'servicem8');
    await sync();
    expect(stripe.customers.get(store.links.byServiceM8Id('client', 'sm8-1')!.stripeId)!.record.phone).toBe('0411 000 101');
    expect(store.conflicts.get(question!.id)?.state).toBe('applied');
  });

  it('every pair (clients, invoices, payments) over both simulators: an idle cycle reads no mirror row; a new invoiced job is still sent', async () => {
    const world = invoiceWorld(sides, tempDir());
    const lines = [{ name: 'Labour', quantity: '1.5', unit: '98.00', inclusive: false }];
    await world.job(await world.client('Idle Plumbing Pty Ltd'), lines);
    for (let n = 0; n < 4; n += 1) if ((await world.sync()).plan.length === 0 && n > 0) break;
    const mirrorReads = countMirrorReads(world.store.mirror);

    const idle = await world.sync();
    expect(idle.state, idle.error ?? '').toBe('completed');
    expect(idle.plan).toEqual([]);
    expect(idle.entities.map((e) => e.entity)).toEqual(['client', 'invoice', 'payment']);
    expect(mirrorReads.calls()).toEqual({});

    const job = await world.job(await world.client('Busy Electrical Pty Ltd'), lines);
    const busy = await world.sync();
    expect(busy.entities.find((e) => e.entity === 'invoice')).toMatchObject({ created: { stripe: 1 } });
    expect(await world.invoiceOf(job)).toHaveLength(1);
    world.store.close();
  });
});
