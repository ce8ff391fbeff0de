// The Stripe "edited" time of a question is when a person changed the field in Stripe
// (the customer event that changed it), never the time sm8sync wrote the customer; a
// deleted customer shows when it was deleted. Real runner, SQLite and both simulators;
// the Stripe clock is moved so each moment is distinguishable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoiceWorld, startSides } from '../helpers/invoice-world';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let sides: Awaited<ReturnType<typeof startSides>>;
beforeAll(async () => (sides = await startSides()));
afterAll(() => sides.close());

const eventTime = async (world: ReturnType<typeof invoiceWorld>, type: string, id: string) => {
  const events = await world.stripe.events.list({ type, limit: 100 });
  const event = events.data.find((e) => (e.data.object as { id: string }).id === id && !e.request?.idempotency_key?.startsWith('sm8sync-'));
  return new Date(event!.created * 1000).toISOString();
};

describe('client questions: whose edit time', () => {
  it('shows the time of the person’s Stripe edit, and of a deletion; never sm8sync’s own write', async () => {
    const world = invoiceWorld(sides, tempDir());
    sides.stripe.setClock(new Date('2026-11-20T01:00:00Z'));
    const { company, contact } = await world.http.addClient(
      { name: 'Edit Times Pty Ltd' },
      { email: 'edits@example.com.au', mobile: '0412 345 678' },
    );
    // An account with history: the events feed has a place to start from after the first sync.
    await world.stripe.customers.create({ name: 'Already There', email: 'already@example.com.au' });
    const gone = await world.http.addClient({ name: 'Gone Pty Ltd' }, { email: 'gone@example.com.au' });
    expect((await world.sync()).state).toBe('completed');
    const customer = world.store.links.byServiceM8Id('client', company)!.stripeId;
    const goneCustomer = world.store.links.byServiceM8Id('client', gone.company)!.stripeId;

    // A person changes the phone in Stripe at 03:00; in ServiceM8 the mobile and the name change.
    sides.stripe.setClock(new Date('2026-11-20T03:00:00Z'));
    await world.stripe.customers.update(customer, { phone: '0412 345 999' });
    await world.http.update('companycontact', contact, { mobile: '0412 345 111' });
    await world.http.update('company', company, { name: 'Edit Times Group Pty Ltd' });
    // The sync at 05:00 asks about the phone and writes the name to Stripe (its own event, at 05:00).
    sides.stripe.setClock(new Date('2026-11-20T05:00:00Z'));
    expect((await world.sync()).state).toBe('completed');
    expect((await world.stripe.customers.retrieve(customer)) as { name: string }).toMatchObject({ name: 'Edit Times Group Pty Ltd' });
    // 06:00: the other customer is deleted; the next sync reads that and sm8sync's own 05:00 write.
    sides.stripe.setClock(new Date('2026-11-20T06:00:00Z'));
    await world.stripe.customers.del(goneCustomer);
    expect((await world.sync()).state).toBe('completed');

    const questions = world.store.conflicts.list(['open']);
    const phone = questions.find((c) => c.kind === 'field' && c.field === 'phone')!;
    expect(phone.stripeEditedAt).toBe(await eventTime(world, 'customer.updated', customer));
    expect(phone.stripeEditedAt).toMatch(/^2026-11-20T03:00/);
    const deletion = questions.find((c) => c.kind === 'deletion')!;
    expect(deletion.stripeEditedAt).toBe(await eventTime(world, 'customer.deleted', goneCustomer));
    expect(deletion.stripeEditedAt).toMatch(/^2026-11-20T06:00/);

    // Another sync without new events keeps the times the questions had.
    expect((await world.sync()).state).toBe('completed');
    expect(world.store.conflicts.get(phone.id)?.stripeEditedAt).toBe(phone.stripeEditedAt);
  });
});
