import { describe, expect, it } from 'vitest';
import { OutboxTransitionError } from '../../src/main/core/store/repositories/outbox-repository';
import { Store } from '../../src/main/core/store/store';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();

function openStore(start = '2026-11-24T00:00:00.000Z') {
  let now = Date.parse(start);
  const store = Store.open(tempDir(), { clock: () => new Date(now) });
  return { store, advance: (ms: number) => (now += ms) };
}

describe('repositories (real SQLite)', () => {
  it('links: one link per id on each side, found from either side', () => {
    const { store } = openStore();
    const link = store.links.create({ entity: 'client', servicem8Id: 'sm8-1', stripeId: 'cus_1' });
    expect(store.links.byServiceM8Id('client', 'sm8-1')?.id).toBe(link.id);
    expect(store.links.byStripeId('client', 'cus_1')?.servicem8Id).toBe('sm8-1');
    expect(() => store.links.create({ entity: 'client', servicem8Id: 'sm8-1', stripeId: 'cus_2' })).toThrow(/UNIQUE/);
    expect(() => store.links.create({ entity: 'client', servicem8Id: 'sm8-2', stripeId: 'cus_1' })).toThrow(/UNIQUE/);
    store.links.create({ entity: 'invoice', servicem8Id: 'sm8-1', stripeId: 'in_1' });
    expect(store.links.count('client')).toBe(1);
    expect(store.links.count()).toBe(2);
    store.links.touch(link.id, { stripeEditedAt: '2026-11-24T01:00:00.000Z', state: 'archived' });
    expect(store.links.get(link.id)).toMatchObject({
      stripeEditedAt: '2026-11-24T01:00:00.000Z',
      servicem8EditedAt: null,
      state: 'archived',
    });
    store.close();
  });

  it('snapshots: replace the base per link', () => {
    const { store } = openStore();
    const link = store.links.create({ entity: 'client', servicem8Id: 'a', stripeId: 'b' });
    store.snapshots.put(link.id, { name: 'Old' });
    store.snapshots.put(link.id, { name: 'New', phone: '+61412345678' });
    expect(store.snapshots.get(link.id)?.fields).toEqual({ name: 'New', phone: '+61412345678' });
    expect(store.snapshots.get(999)).toBeNull();
    store.close();
  });

  it('mirror: an older copy never overwrites a newer one', () => {
    const { store } = openStore();
    const base = { side: 'servicem8' as const, object: 'company', id: 'u1', active: true };
    expect(store.mirror.upsert({ ...base, record: { v: 2 }, editedAt: '2026-11-24T02:00:00.000Z' })).toBe(true);
    expect(store.mirror.upsert({ ...base, record: { v: 1 }, editedAt: '2026-11-24T01:00:00.000Z' })).toBe(false);
    expect(store.mirror.get('servicem8', 'company', 'u1')?.record).toEqual({ v: 2 });
    expect(store.mirror.upsert({ ...base, record: { v: 3 }, editedAt: '2026-11-24T03:00:00.000Z', active: false })).toBe(true);
    expect(store.mirror.list('servicem8', 'company', { activeOnly: true })).toHaveLength(0);
    expect(store.mirror.count('servicem8', 'company')).toBe(1);
    store.close();
  });

  it('cursors: set, overwrite, list', () => {
    const { store } = openStore();
    store.cursors.set('stripe.events', 'evt_1');
    store.cursors.set('stripe.events', 'evt_2');
    store.cursors.set('servicem8.company', '2026-11-24 10:00:00');
    expect(store.cursors.get('stripe.events')).toBe('evt_2');
    expect(store.cursors.get('nope')).toBeNull();
    expect(store.cursors.all()).toEqual({ 'servicem8.company': '2026-11-24 10:00:00', 'stripe.events': 'evt_2' });
    store.close();
  });

  it('outbox: dedupes by idempotency key and walks the state machine', () => {
    const { store, advance } = openStore();
    const item = store.outbox.enqueue({
      entity: 'client',
      target: 'stripe',
      operation: 'create',
      payload: { name: 'A' },
      idempotencyKey: 'k1',
    });
    const again = store.outbox.enqueue({
      entity: 'client',
      target: 'stripe',
      operation: 'create',
      payload: { name: 'B' },
      idempotencyKey: 'k1',
    });
    expect(again.id).toBe(item.id);
    expect(again.payload).toEqual({ name: 'A' });
    expect(store.outbox.due()).toHaveLength(1);

    expect(store.outbox.markSent(item.id)).toMatchObject({ state: 'sent', attempts: 1 });
    expect(store.outbox.due()).toHaveLength(0);
    const later = new Date(Date.parse('2026-11-24T00:00:00.000Z') + 60_000).toISOString();
    expect(store.outbox.retryLater(item.id, '503 busy', later)).toMatchObject({ state: 'pending', lastError: '503 busy' });
    expect(store.outbox.due()).toHaveLength(0);
    advance(60_000);
    expect(store.outbox.due().map((i) => i.id)).toEqual([item.id]);
    store.outbox.markSent(item.id);
    const done = store.outbox.markDone(item.id, { id: 'cus_9' });
    expect(done).toMatchObject({ state: 'done', attempts: 2, result: { id: 'cus_9' } });
    expect(() => store.outbox.markSent(item.id)).toThrow(OutboxTransitionError);
    expect(() => store.outbox.requeue(item.id)).toThrow(/cannot go from done to pending/);
    expect(store.outbox.countByState()).toEqual({ pending: 0, sent: 0, done: 1, failed: 0 });
    store.close();
  });

  it('outbox: orders by priority, recovers rows left in flight by a crash, lets a person retry a failure', () => {
    const { store } = openStore();
    const low = store.outbox.enqueue({
      entity: 'client',
      target: 'servicem8',
      operation: 'update',
      payload: {},
      idempotencyKey: 'low',
      priority: 200,
    });
    const high = store.outbox.enqueue({
      entity: 'client',
      target: 'stripe',
      operation: 'create',
      payload: {},
      idempotencyKey: 'high',
      priority: 10,
    });
    expect(store.outbox.due().map((i) => i.id)).toEqual([high.id, low.id]);
    expect(store.outbox.due(10, 'servicem8').map((i) => i.id)).toEqual([low.id]);
    store.outbox.markSent(high.id);
    store.outbox.markSent(low.id);
    store.outbox.markFailed(low.id, 'email_invalid: Invalid email address');
    expect(store.outbox.recoverInFlight()).toBe(1);
    expect(store.outbox.get(high.id)?.state).toBe('pending');
    expect(store.outbox.get(low.id)).toMatchObject({ state: 'failed', lastError: 'email_invalid: Invalid email address' });
    expect(store.outbox.requeue(low.id).state).toBe('pending');
    store.close();
  });

  it('a transaction either writes everything or nothing', () => {
    const { store } = openStore();
    expect(() =>
      store.transaction(() => {
        store.cursors.set('servicem8.company', 'new');
        store.outbox.enqueue({ entity: 'client', target: 'stripe', operation: 'create', payload: {}, idempotencyKey: 'tx' });
        throw new Error('crash before commit');
      }),
    ).toThrow('crash before commit');
    expect(store.cursors.get('servicem8.company')).toBeNull();
    expect(store.outbox.byKey('tx')).toBeNull();
    store.close();
  });

  it('conflicts: the same question is asked once; resolve then apply', () => {
    const { store } = openStore();
    const question = {
      kind: 'field' as const,
      entity: 'client',
      dedupeKey: 'client:1:phone',
      field: 'phone',
      servicem8Value: '+61412000001',
      stripeValue: '+61412000002',
    };
    const first = store.conflicts.raise(question);
    expect(first.created).toBe(true);
    const second = store.conflicts.raise({ ...question, stripeValue: '+61412000003' });
    expect(second).toMatchObject({ created: false, conflict: { id: first.conflict.id, stripeValue: '+61412000003' } });
    expect(store.conflicts.countOpen()).toBe(1);
    expect(store.conflicts.resolve(first.conflict.id, 'servicem8')?.state).toBe('resolved');
    // A decision can be changed until a sync applies it; after that it is final.
    expect(store.conflicts.resolve(first.conflict.id, 'stripe')?.resolution).toBe('stripe');
    expect(store.conflicts.raise(question).created).toBe(false);
    store.conflicts.markApplied(first.conflict.id);
    expect(store.conflicts.get(first.conflict.id)?.state).toBe('applied');
    expect(store.conflicts.resolve(first.conflict.id, 'servicem8')).toBeNull();
    expect(store.conflicts.raise(question).created).toBe(true);
    store.close();
  });

  it('conflicts: a decision changed after the write was planned is not marked applied by that write', () => {
    const { store, advance } = openStore();
    const { conflict } = store.conflicts.raise({ kind: 'field', entity: 'client', dedupeKey: 'client:9:name', field: 'name' });
    store.conflicts.resolve(conflict.id, 'keep_stripe');
    const plannedAt = new Date(advance(1000)).toISOString();
    advance(1000);
    store.conflicts.resolve(conflict.id, 'keep_servicem8'); // changed while the planned write was under way
    store.conflicts.markApplied(conflict.id, plannedAt);
    expect(store.conflicts.get(conflict.id)).toMatchObject({ state: 'resolved', resolution: 'keep_servicem8' });
    store.conflicts.markApplied(conflict.id, new Date(advance(1000)).toISOString());
    expect(store.conflicts.get(conflict.id)!.state).toBe('applied');
    store.close();
  });

  it('quarantine: one row per record, reason updated, released when fixed', () => {
    const { store } = openStore();
    store.quarantine.put({
      side: 'servicem8',
      object: 'companycontact',
      recordId: 'c1',
      reason: 'email is not an email: "bob@"',
      raw: { email: 'bob@' },
    });
    store.quarantine.put({ side: 'servicem8', object: 'companycontact', recordId: 'c1', reason: 'phone cannot be parsed: "12"' });
    expect(store.quarantine.listActive()).toMatchObject([{ recordId: 'c1', reason: 'phone cannot be parsed: "12"' }]);
    expect(store.quarantine.release('servicem8', 'companycontact', 'c1')).toBe(true);
    expect(store.quarantine.countActive()).toBe(0);
    store.close();
  });

  it('quarantine: entries of one kind unseen for some days are let go, the others stay', () => {
    const { store, advance } = openStore();
    store.quarantine.put({ side: 'stripe', object: 'event', recordId: 'evt_old', reason: 'unreadable' });
    store.quarantine.put({ side: 'stripe', object: 'customer', recordId: 'cus_1', reason: 'name is not text' });
    advance(20 * 86_400_000);
    store.quarantine.put({ side: 'stripe', object: 'event', recordId: 'evt_new', reason: 'unreadable' });
    expect(store.quarantine.releaseUnseenFor('stripe', 'event', 30)).toBe(0);
    advance(11 * 86_400_000); // the first event and the customer unseen for 31 days, the second event for 11
    expect(store.quarantine.releaseUnseenFor('stripe', 'event', 30)).toBe(1);
    expect(store.quarantine.listActive().map((q) => q.recordId)).toEqual(['cus_1', 'evt_new']);
    store.close();
  });

  it('audit log and runs: append, filter by time, newest first', () => {
    const { store, advance } = openStore();
    const run = store.runs.start('cli', false);
    store.audit.append({
      runId: run.id,
      direction: 'servicem8_to_stripe',
      entity: 'client',
      operation: 'create',
      servicem8Id: 'u1',
      stripeId: 'cus_1',
      before: null,
      after: { name: 'A' },
      idempotencyKey: 'k',
      outcome: 'success',
    });
    advance(1000);
    store.audit.append({ direction: 'stripe_to_servicem8', entity: 'client', operation: 'update', outcome: 'failed', message: '400 bad' });
    expect(store.audit.list().map((e) => e.operation)).toEqual(['update', 'create']);
    expect(store.audit.list({ since: '2026-11-24T00:00:00.500Z' })).toHaveLength(1);
    expect(store.audit.list()[1]).toMatchObject({ before: null, after: { name: 'A' }, runId: run.id });
    store.runs.finish(run.id, { state: 'completed', summary: { created: 1 } });
    expect(store.runs.lastCompleted()).toMatchObject({ id: run.id, summary: { created: 1 } });
    store.runs.start('schedule', false);
    expect(store.runs.markInterrupted()).toBe(1);
    store.reports.save('reconciliation', { at: 'now' }, { findings: 0 }, []);
    expect(store.reports.latest('reconciliation')?.summary).toEqual({ findings: 0 });
    store.close();
  });
});
