// A cycle with a few changes reads only the part of the mirror its subjects touch
// (clients/touched-mirror.ts). Matching must still see every record that shares a
// subject's email, however it was typed, on either side: one already linked (a
// duplicate question, never a second record) and one quarantined (never duplicated by a
// create), even though neither changed in that cycle.
import { describe, expect, it } from 'vitest';
import { clientsOverFakes } from '../helpers/clients-over-fakes';
import { countMirrorReads } from '../helpers/mirror-reads';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

const setup = () => clientsOverFakes(tempDir());

describe('a cycle with a few changes, matching by email', () => {
  it('sees the linked and the quarantined records that share a changed record’s email, and reads no other client', async () => {
    const { store, servicem8, stripe, sync } = setup();
    for (let n = 0; n < 6; n += 1)
      servicem8.addClient(`sm8-${n}`, { name: `Client ${n} Pty Ltd` }, { email: `client${n}@example.com.au`, mobile: `041100000${n}` });
    const broken = stripe.add({ name: 'Broken Phone', email: 'broken@example.com.au', phone: 'call me maybe' });
    await sync();
    await sync(); // reads back the events of the first sync's own writes
    expect(store.links.count('client')).toBe(6);
    expect(store.quarantine.listActive().map((q) => q.recordId)).toContain(broken.id);
    const reads = countMirrorReads(store.mirror);

    // Made by hand in Stripe with a linked client's email, typed differently: a duplicate question, no second client.
    stripe.add({ name: 'Client One Again', email: '  Client1@Example.COM.au\t' });
    const first = await sync();
    expect(first.state, first.error ?? '').toBe('completed');
    expect(store.conflicts.list().filter((c) => c.kind === 'duplicate')).toHaveLength(1);
    expect(servicem8.companies.size).toBe(6);
    expect(reads.listed()).toEqual([]);
    // The new customer, client 1 (company, contact, customer) and nothing else.
    expect(reads.rows()['servicem8.company'] ?? 0).toBeLessThanOrEqual(1);
    expect(reads.rows()['stripe.customer'] ?? 0).toBeLessThanOrEqual(1);

    // A new ServiceM8 client with the quarantined customer's email: not created in Stripe (it would duplicate it).
    await sync();
    reads.reset();
    servicem8.addClient('sm8-new', { name: 'Broken Phone Pty Ltd' }, { email: 'BROKEN@example.com.au', mobile: '0411000099' });
    const customersBefore = stripe.customers.size;
    const second = await sync();
    expect(second.state, second.error ?? '').toBe('completed');
    expect(stripe.customers.size).toBe(customersBefore);
    expect(store.links.byServiceM8Id('client', 'sm8-new')).toBeNull();
    expect(reads.listed()).toEqual([]);
    expect(reads.rows()['stripe.customer'] ?? 0).toBeLessThanOrEqual(1);
  });
});
