// The engine and the client pair with real SQLite, against in-memory sides behind the
// ports. The same behaviours run against the real simulators in test/e2e-cli.
import { describe, expect, it } from 'vitest';
import { createClientPair } from '../../src/main/core/sync/clients/client-pair';
import { FileCycleLock, LOCK_FILE } from '../../src/main/core/sync/engine/cycle-lock';
import { SyncEngine } from '../../src/main/core/sync/engine/sync-engine';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Store } from '../../src/main/core/store/store';
import { parseSettings, type SettingsInput } from '../../src/shared/settings';
import { FakeServiceM8, FakeStripe } from '../helpers/fake-client-sides';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function setup(settings: SettingsInput = {}, sides = { servicem8: new FakeServiceM8(), stripe: new FakeStripe() }) {
  const time = { now: Date.parse('2026-11-24T00:00:00.000Z') };
  const clock = () => new Date(time.now);
  const store = Store.open(tempDir(), { clock });
  const { servicem8, stripe } = sides;
  let n = 0;
  const pair = createClientPair({
    store,
    servicem8,
    stripe,
    errors: {
      classify: (e) => ({ kind: /socket hang up/.test((e as Error).message) ? 'transient' : 'validation', message: (e as Error).message }),
    },
    newUuid: () => `new-uuid-${++n}`,
  });
  const engine = new SyncEngine({
    store,
    pairs: [pair],
    feeds: [stripe.feed],
    clock,
    lock: new FileCycleLock(path.dirname(store.file)),
    settings: () => parseSettings(settings),
    rateBudget: () => ({ usedLastMinute: 0, perMinute: 180, usedToday: 0, perDay: 20000 }),
  });
  const sync = (dryRun = false) => engine.runCycle({ dryRun, trigger: 'cli' });
  const advance = (ms: number) => (time.now += ms);
  return { store, servicem8, stripe, sync, advance };
}

const customers = (stripe: FakeStripe) => [...stripe.customers.values()].map((v) => v.record);

describe('sync engine: clients ⇄ customers', () => {
  it('creates both ways with normalised fields and cross-references, then a second sync writes nothing', async () => {
    const { store, servicem8, stripe, sync } = setup();
    servicem8.addClient(
      'sm8-a',
      {
        name: 'Harbour View Cafe Pty Ltd',
        abn: '51 824 753 556',
        address: { street: '1 Ocean St', city: 'Bondi', state: 'New South Wales', postcode: '2026', country: null },
      },
      { email: 'Accounts@HarbourViewCafe.com.au', mobile: '0412 345 678' },
    );
    stripe.add({
      name: 'Coogee Surf School',
      email: 'bookings@coogeesurfschool.com.au',
      phone: '+61298765432',
      address: { line1: '5 Beach St', line2: 'Unit 4', city: 'Coogee', state: 'NSW', postalCode: '2034', country: 'AU' },
    });

    const first = await sync();
    expect(first.state).toBe('completed');
    const created = customers(stripe).find((c) => c.metadata.servicem8_uuid === 'sm8-a')!;
    expect(created).toMatchObject({
      name: 'Harbour View Cafe Pty Ltd',
      email: 'accounts@harbourviewcafe.com.au',
      phone: '0412 345 678',
      abn: '51824753556',
      address: { line1: '1 Ocean St', city: 'Bondi', state: 'NSW', postalCode: '2026', country: 'AU' },
    });
    const company = [...servicem8.companies.values()].map((v) => v.record).find((c) => c.name === 'Coogee Surf School')!;
    expect(company).toBeDefined();
    const contact = [...servicem8.contacts.values()].map((v) => v.record).find((c) => c.companyUuid === company.uuid)!;
    expect(contact).toMatchObject({ email: 'bookings@coogeesurfschool.com.au', phone: '(02) 9876 5432', type: 'BILLING' });
    expect(stripe.customers.get('cus_1')!.record.metadata.servicem8_uuid).toBe(company.uuid);
    expect(store.links.count('client')).toBe(2);
    expect(first.entities[0]).toMatchObject({ created: { stripe: 1, servicem8: 1 } });

    const writesBefore = servicem8.writes + stripe.writes;
    const second = await sync();
    expect(second.plan).toEqual([]);
    expect(servicem8.writes + stripe.writes).toBe(writesBefore);
    expect(store.audit.list().filter((e) => e.outcome === 'success')).toHaveLength(2);
  });

  it('matches by email whatever its case, and never creates a second customer for it', async () => {
    const { store, servicem8, stripe, sync } = setup();
    servicem8.addClient(
      'sm8-s',
      { name: 'Sarah Nguyen', isIndividual: true },
      { email: 'Sarah.Nguyen@example.com', mobile: '0400 111 222' },
    );
    stripe.add({ name: 'Sarah Nguyen', email: 'sarah.nguyen@example.com' });
    await sync();
    expect(customers(stripe)).toHaveLength(1);
    expect(store.links.byServiceM8Id('client', 'sm8-s')?.stripeId).toBe('cus_1');
    // Stripe had no phone: filled from ServiceM8; the cross-reference is stored.
    expect(stripe.customers.get('cus_1')!.record).toMatchObject({ phone: '0400 111 222', metadata: { servicem8_uuid: 'sm8-s' } });
  });

  it('raises a duplicate conflict instead of guessing, and a decision links to the oldest candidate', async () => {
    const { store, servicem8, stripe, sync } = setup();
    servicem8.addClient('sm8-d', { name: 'Parramatta Dental Group' }, { email: 'admin@parramattadental.com.au' });
    stripe.add({ name: 'Parramatta Dental', email: 'admin@parramattadental.com.au' });
    stripe.add({ name: 'Parramatta Dental Group', email: 'admin@parramattadental.com.au' });
    await sync();
    const [conflict] = store.conflicts.list();
    expect(conflict).toMatchObject({ kind: 'duplicate', servicem8Id: 'sm8-d' });
    expect(conflict!.candidates).toHaveLength(2);
    expect(customers(stripe)).toHaveLength(2);

    store.conflicts.resolve(conflict!.id, 'stripe');
    await sync();
    expect(store.links.byServiceM8Id('client', 'sm8-d')?.stripeId).toBe('cus_1');
    expect(store.conflicts.get(conflict!.id)?.state).toBe('applied');
    expect(customers(stripe)).toHaveLength(2);
  });

  it('copies one-sided changes and asks about two-sided ones; the decision is applied by the next sync', async () => {
    const { store, servicem8, stripe, sync } = setup();
    servicem8.addClient(
      'sm8-j',
      { name: "James O'Connor", isIndividual: true },
      { email: 'james.oconnor@example.net', mobile: '0411 000 001' },
    );
    await sync();
    const id = store.links.byServiceM8Id('client', 'sm8-j')!.stripeId;

    stripe.edit(id, { name: "James O'Connor Electrical" });
    await sync();
    expect(servicem8.companies.get('sm8-j')!.record.name).toBe("James O'Connor Electrical");

    servicem8.editContact('sm8-j-contact', { mobile: '0411 000 002' });
    stripe.edit(id, { phone: '0411 000 003' });
    const result = await sync();
    expect(result.entities[0]!.conflicts).toBe(1);
    const [conflict] = store.conflicts.list();
    expect(conflict).toMatchObject({ kind: 'field', field: 'phone', servicem8Value: '+61411000002', stripeValue: '+61411000003' });

    store.conflicts.resolve(conflict!.id, 'servicem8');
    await sync();
    expect(stripe.customers.get(id)!.record.phone).toBe('0411 000 002');
    expect(store.conflicts.get(conflict!.id)?.state).toBe('applied');
    const writes = servicem8.writes + stripe.writes;
    await sync();
    expect(servicem8.writes + stripe.writes).toBe(writes);
  });

  it('a per-field rule settles a two-sided change without asking', async () => {
    const { store, servicem8, stripe, sync } = setup({ rules: { fieldWinners: { phone: 'stripe' } } });
    servicem8.addClient('sm8-r', { name: 'Rule Co' }, { email: 'rule@example.com', mobile: '0411 000 010' });
    await sync();
    const id = store.links.byServiceM8Id('client', 'sm8-r')!.stripeId;
    servicem8.editContact('sm8-r-contact', { mobile: '0411 000 011' });
    stripe.edit(id, { phone: '0411 000 012' });
    await sync();
    expect(store.conflicts.countOpen()).toBe(0);
    expect(servicem8.contacts.get('sm8-r-contact')!.record.mobile).toBe('0411 000 012');
  });

  it('a write the API refused needs a person but does not freeze the client; a later success settles it', async () => {
    const { store, servicem8, stripe, sync } = setup();
    servicem8.addClient('sm8-f', { name: 'Frozen Co' }, { email: 'frozen@example.com', mobile: '0411 000 020' });
    await sync();
    const id = store.links.byServiceM8Id('client', 'sm8-f')!.stripeId;

    stripe.refuseUpdates = 'Invalid name';
    await servicem8.updateCompany('sm8-f', { name: 'Frozen Company' });
    await sync();
    expect(store.outbox.countByState().failed).toBe(1);
    await sync();
    expect(store.outbox.countByState().failed).toBe(1); // the same refused write is not sent again

    stripe.refuseUpdates = null;
    stripe.edit(id, { phone: '0411 000 021' });
    await servicem8.updateCompany('sm8-f', { name: 'Frozen Company Pty Ltd' });
    await sync();
    expect(servicem8.contacts.get('sm8-f-contact')!.record.mobile).toBe('0411 000 021');
    expect(stripe.customers.get(id)!.record.name).toBe('Frozen Company Pty Ltd');
    expect(store.outbox.countByState().failed).toBe(0);
  });

  it('one sync per data folder across processes; a lock left by a dead process is taken over', async () => {
    const { store, servicem8, stripe, sync } = setup();
    servicem8.addClient('sm8-l', { name: 'Locked Co' }, { email: 'locked@example.com' });
    const lockFile = path.join(path.dirname(store.file), LOCK_FILE);
    writeFileSync(lockFile, String(process.ppid)); // a live process holds it
    const skipped = await sync();
    expect(skipped.state).toBe('skipped');
    expect(skipped.error).toContain(`process ${process.ppid}`);
    expect(stripe.writes).toBe(0);
    writeFileSync(lockFile, '2147483646'); // no such process
    expect((await sync()).state).toBe('completed');
    expect(customers(stripe)).toHaveLength(1);
  });

  it('a create whose answer was lost and retried after Stripe forgot its key finds the customer instead of making a second', async () => {
    const { store, servicem8, stripe, sync, advance } = setup();
    servicem8.addClient('sm8-late', { name: 'Late Answer Co' }, { email: 'late@example.com' });
    stripe.dropNextCreateAnswer = true;
    await sync();
    expect(customers(stripe)).toHaveLength(1); // made, but we never heard back
    expect(store.outbox.countByState().pending).toBe(1);
    advance(25 * 60 * 60_000); // the laptop was off over the weekend
    stripe.forgetKeys();
    await sync();
    expect(customers(stripe)).toHaveLength(1);
    expect(store.links.byServiceM8Id('client', 'sm8-late')?.stripeId).toBe(customers(stripe)[0]!.id);
    expect(store.outbox.countByState()).toMatchObject({ pending: 0, failed: 0 });
  });

  it('an ABN cleared in ServiceM8 is removed from Stripe; one only Stripe ever had is left alone', async () => {
    const { store, servicem8, stripe, sync } = setup();
    servicem8.addClient('sm8-abn', { name: 'Abn Co', abn: '51 824 753 556' }, { email: 'abn@example.com' });
    servicem8.addClient('sm8-none', { name: 'No Abn Co' }, { email: 'none@example.com' });
    const stripeOnly = stripe.add({ name: 'No Abn Co', email: 'none@example.com', abn: '53004085616' });
    await sync();
    const id = store.links.byServiceM8Id('client', 'sm8-abn')!.stripeId;
    expect(stripe.customers.get(id)!.record.abn).toBe('51824753556');
    expect(store.links.byServiceM8Id('client', 'sm8-none')?.stripeId).toBe(stripeOnly.id);

    await servicem8.updateCompany('sm8-abn', { abn_number: '' });
    await servicem8.updateCompany('sm8-none', { name: 'No Abn Company' });
    await sync();
    expect(stripe.customers.get(id)!.record.abn).toBeNull();
    expect(stripe.customers.get(stripeOnly.id)!.record).toMatchObject({ name: 'No Abn Company', abn: '53004085616' });
    const writes = servicem8.writes + stripe.writes;
    await sync();
    expect(servicem8.writes + stripe.writes).toBe(writes);
  });

  it('a quarantined record is not duplicated on the other side', async () => {
    const { store, servicem8, stripe, sync } = setup();
    servicem8.addClient('sm8-typo', { name: 'Typo ABN Pty Ltd', abn: '51 824 753 557' }, { email: 'typo@example.com' });
    stripe.add({ name: 'Typo ABN Pty Ltd', email: 'typo@example.com' });
    stripe.add({ name: 'Bad Phone Co', email: 'badphone@example.com', phone: '12' });
    servicem8.addClient('sm8-bp', { name: 'Bad Phone Co' }, { email: 'BadPhone@example.com' });
    await sync();
    expect(store.quarantine.countActive()).toBe(2);
    expect([...servicem8.companies.values()].map((c) => c.record.name).sort()).toEqual(['Bad Phone Co', 'Typo ABN Pty Ltd']);
    expect(
      customers(stripe)
        .map((c) => c.name)
        .sort(),
    ).toEqual(['Bad Phone Co', 'Typo ABN Pty Ltd']);
  });

  it('a full rescan confirms a missing customer was deleted before acting on it', async () => {
    const { store, servicem8, stripe, sync } = setup({ archiving: { deletedStripeCustomer: 'archive' } });
    servicem8.addClient('sm8-kept', { name: 'Kept Co' }, { email: 'kept@example.com' });
    servicem8.addClient('sm8-gone', { name: 'Gone Co' }, { email: 'gone@example.com' });
    await sync();
    const kept = store.links.byServiceM8Id('client', 'sm8-kept')!.stripeId;
    const gone = store.links.byServiceM8Id('client', 'sm8-gone')!.stripeId;
    stripe.customers.delete(gone); // deleted while we were away: no event left to tell us
    stripe.hideFromNextScan.add(kept); // and a list that happens to leave one out
    stripe.forceRescan();
    await sync();
    expect(servicem8.companies.get('sm8-gone')!.record.active).toBe(false);
    expect(servicem8.companies.get('sm8-kept')!.record.active).toBe(true);
    expect(store.mirror.get('stripe', 'customer', kept)?.active).toBe(true);
  });

  it('an open question that answers itself is dismissed', async () => {
    const { store, servicem8, stripe, sync } = setup();
    servicem8.addClient('sm8-q', { name: 'Question Co' }, { email: 'q@example.com', mobile: '0411 000 030' });
    await sync();
    const id = store.links.byServiceM8Id('client', 'sm8-q')!.stripeId;
    servicem8.editContact('sm8-q-contact', { mobile: '0411 000 031' });
    stripe.edit(id, { phone: '0411 000 032' });
    await sync();
    expect(store.conflicts.countOpen()).toBe(1);
    stripe.edit(id, { phone: '0411 000 031' });
    await sync();
    expect(store.conflicts.countOpen()).toBe(0);
  });

  it('rebuilds every link from the cross-references when the local database is lost', async () => {
    const first = setup();
    first.servicem8.addClient('sm8-keep', { name: 'Keeper Pty Ltd' }, { email: 'keep@example.com' });
    first.stripe.add({ name: 'Stripe First', email: 'first@example.com' });
    await first.sync();
    expect(first.store.links.count('client')).toBe(2);
    first.store.close();

    // A new, empty database against the same two accounts.
    const fresh = setup({}, { servicem8: first.servicem8, stripe: first.stripe });
    const writes = fresh.servicem8.writes + fresh.stripe.writes;
    const result = await fresh.sync();
    expect(result.plan).toEqual([]);
    expect(fresh.servicem8.writes + fresh.stripe.writes).toBe(writes);
    expect(fresh.store.links.count('client')).toBe(2);
    expect(fresh.store.conflicts.countOpen()).toBe(0);
  });

  it('the badge filter decides which ServiceM8 clients reach Stripe', async () => {
    const { store, servicem8, stripe, sync } = setup({ rules: { filters: { clientBadges: ['Commercial'] } } });
    servicem8.addClient('sm8-shop', { name: 'Shopfront Co', badges: ['Commercial'] }, { email: 'shop@example.com' });
    servicem8.addClient('sm8-home', { name: 'Home Owner', badges: [] }, { email: 'home@example.com' });
    const result = await sync();
    expect(customers(stripe).map((c) => c.name)).toEqual(['Shopfront Co']);
    expect(store.links.count('client')).toBe(1);
    expect(result.plan).toHaveLength(1);
  });

  it('a dry run plans but writes nothing anywhere', async () => {
    const { store, servicem8, stripe, sync } = setup();
    servicem8.addClient('sm8-x', { name: 'Dry Co' }, { email: 'dry@example.com' });
    const result = await sync(true);
    expect(result.plan).toEqual([expect.objectContaining({ operation: 'create_customer', target: 'stripe', subject: 'Dry Co' })]);
    expect(stripe.writes).toBe(0);
    expect(store.outbox.countByState()).toEqual({ pending: 0, sent: 0, done: 0, failed: 0 });
    expect(store.cursors.all()).toEqual({});
    expect((await sync()).plan).toHaveLength(1);
  });

  it('quarantines an invalid record with its reason and syncs the rest', async () => {
    const { store, servicem8, stripe, sync } = setup();
    servicem8.addClient('sm8-bad', { name: 'Bad Email Co' }, { email: 'accounts@' });
    servicem8.addClient('sm8-badphone', { name: 'Bad Phone Co' }, { email: 'phone@example.com', phone: '12' });
    servicem8.addClient('sm8-good', { name: 'Good Co' }, { email: 'good@example.com' });
    const result = await sync();
    expect(result.entities[0]!.quarantined).toBe(2);
    expect(store.quarantine.listActive().map((q) => [q.recordId, q.reason])).toEqual([
      ['sm8-bad', 'email is not an email address: "accounts@"'],
      ['sm8-badphone', 'phone is not a valid number: "12"'],
    ]);
    expect(customers(stripe).map((c) => c.name)).toEqual(['Good Co']);
    servicem8.editContact('sm8-bad-contact', { email: 'accounts@badco.com.au' });
    await sync();
    expect(store.quarantine.countActive()).toBe(1);
    expect(customers(stripe)).toHaveLength(2);
  });

  it('archiving in ServiceM8 flags the Stripe customer; a deleted customer asks before archiving', async () => {
    const { store, servicem8, stripe, sync } = setup();
    servicem8.addClient('sm8-1', { name: 'One' }, { email: 'one@example.com' });
    servicem8.addClient('sm8-2', { name: 'Two' }, { email: 'two@example.com' });
    await sync();
    await servicem8.archiveCompany('sm8-1');
    await sync();
    const one = store.links.byServiceM8Id('client', 'sm8-1')!.stripeId;
    expect(stripe.customers.get(one)!.record.metadata.servicem8_archived).toBe('true');

    const two = store.links.byServiceM8Id('client', 'sm8-2')!.stripeId;
    stripe.remove(two);
    await sync();
    const [question] = store.conflicts.list();
    expect(question).toMatchObject({ kind: 'deletion', servicem8Id: 'sm8-2' });
    expect(servicem8.companies.get('sm8-2')!.record.active).toBe(true);
    store.conflicts.resolve(question!.id, 'stripe');
    await sync();
    expect(servicem8.companies.get('sm8-2')!.record.active).toBe(false);
  });
});
