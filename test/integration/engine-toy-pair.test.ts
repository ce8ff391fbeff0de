// A pair is a folder: the toy pair in test/toy-pair/ runs beside the clients pair in
// the real engine, and the real app service lists its questions with its own actions,
// counts its links and carries out a decision that is not a side — with no edit to the
// engine, the views or the app service. Also: an outbox row in a payload format this
// build does not know is refused with a reason, never applied.
import { describe, expect, it } from 'vitest';
import { call, createBackend, EventHub } from '../../src/main/core/app/app-backend';
import { createAppService } from '../../src/main/core/app/app-service';
import { settingsFilePort } from '../../src/main/core/app/settings-port';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { SettingsFile } from '../../src/main/core/settings/settings-file';
import { Store } from '../../src/main/core/store/store';
import { createClientPair } from '../../src/main/core/sync/clients/client-pair';
import { SyncEngine } from '../../src/main/core/sync/engine/sync-engine';
import { FakeServiceM8, FakeStripe } from '../helpers/fake-client-sides';
import { FakeTester } from '../helpers/fake-ports';
import { useTempDirs } from '../helpers/temp-dir';
import { ToySide } from '../toy-pair/sides';
import { createNotePair, NOTE } from '../toy-pair/toy-pair';

const tempDir = useTempDirs();

function setup() {
  const dir = tempDir();
  const store = Store.open(dir);
  const servicem8 = new FakeServiceM8();
  const stripe = new FakeStripe();
  const checklists = new ToySide('chk_');
  const notes = new ToySide('note_');
  const order: string[] = [];
  const clients = createClientPair({ store, servicem8, stripe, errors: { classify: (e) => ({ kind: 'validation', message: String(e) }) } });
  const toy = createNotePair(store, checklists, notes);
  const traced = (pair: typeof toy) => ({
    ...pair,
    prepare: (context: Parameters<typeof pair.prepare>[0]) => (order.push(pair.definition.entity), pair.prepare(context)),
  });
  // Listed before the clients pair it depends on: the engine orders them.
  const engine = new SyncEngine({
    store,
    pairs: [traced(toy), traced(clients)],
    feeds: [stripe.feed],
    settings: () => settings.get(),
    rateBudget: () => ({ usedLastMinute: 0, perMinute: 180, usedToday: 0, perDay: 20_000 }),
  });
  const settings = settingsFilePort(new SettingsFile(dir));
  const tester = new FakeTester();
  tester.accept.add('smk-goodkey-123456').add('rk_test_goodkey123456');
  const events = new EventHub();
  const service = createAppService({
    store,
    settings,
    secrets: new MemorySecretStore({ 'servicem8.apiKey': 'smk-goodkey-123456', 'stripe.apiKey': 'rk_test_goodkey123456' }),
    runner: engine,
    connections: tester,
    events,
  });
  const backend = createBackend(service, events);
  return { store, checklists, notes, order, backend, stripe };
}

describe('a second pair added without editing the engine, views or app service', () => {
  it('syncs after the pair it depends on, asks its own question with its own actions, and carries out a non-side decision', async () => {
    const { store, checklists, notes, order, backend } = setup();
    checklists.add('Check the hot water unit', 'chk_1');

    const first = await call(backend, 'syncNow', { dryRun: false });
    expect(first.state).toBe('completed');
    expect(order).toEqual(['client', NOTE]);
    expect(first.entities.find((e) => e.entity === NOTE)).toMatchObject({ created: { stripe: 1, servicem8: 0 } });
    expect([...notes.records.values()].map((n) => n.text)).toEqual(['Check the hot water unit']);
    const status = await call(backend, 'getStatus', {});
    expect(status.counts.linked).toEqual([
      expect.objectContaining({ entity: 'client', label: 'Clients', count: 0 }),
      expect.objectContaining({ entity: NOTE, label: 'Notes', count: 1, servicem8: 1, stripe: 1 }),
    ]);
    expect((await call(backend, 'listActivity', {})).map((a) => a.message)).toContain('Created the note "Check the hot water unit"');

    // Both sides change: the pair asks, offering its three actions.
    const noteId = store.links.byServiceM8Id(NOTE, 'chk_1')!.stripeId;
    checklists.edit('chk_1', 'Check the hot water unit and the valve');
    notes.edit(noteId, 'Hot water unit: replace the anode');
    await call(backend, 'syncNow', { dryRun: false });
    const [question] = await call(backend, 'listConflicts', {});
    expect(question).toMatchObject({ entity: NOTE, kindLabel: 'Both texts changed', title: 'Check the hot water unit and the valve' });
    expect(question!.actions.map((a) => a.name)).toEqual(['keep_servicem8', 'keep_stripe', 'join']);
    expect(question!.actions[2]!.effect).toBe(
      'Write "Check the hot water unit and the valve / Hot water unit: replace the anode" to both.',
    );

    // A choice the question does not offer is refused at once; a real one is taken, changed, and applied.
    const refused = await call(backend, 'resolveConflicts', { ids: [question!.id], action: 'link', candidate: 'x' });
    expect(refused.failed[0]!.reason).toMatch(/not an action of this question/);
    expect((await call(backend, 'resolveConflicts', { ids: [question!.id], take: 'stripe' })).resolved).toEqual([question!.id]);
    expect((await call(backend, 'resolveConflicts', { ids: [question!.id], action: 'join' })).resolved).toEqual([question!.id]);
    const applied = await call(backend, 'syncNow', { dryRun: false });
    expect(applied.entities.find((e) => e.entity === NOTE)).toMatchObject({ updated: { stripe: 1, servicem8: 1 } });
    const joined = 'Check the hot water unit and the valve / Hot water unit: replace the anode';
    expect(checklists.records.get('chk_1')!.text).toBe(joined);
    expect(notes.records.get(noteId)!.text).toBe(joined);
    expect(store.conflicts.get(question!.id)!.state).toBe('applied');

    // The next sync reads its own writes back and writes nothing.
    const writes = checklists.writes + notes.writes;
    const quiet = await call(backend, 'syncNow', { dryRun: false });
    expect(quiet.plan).toEqual([]);
    expect(checklists.writes + notes.writes).toBe(writes);
  });

  it('refuses an outbox row written in a payload format this build does not know, with a reason a person can act on', async () => {
    const { store, notes, backend } = setup();
    const row = store.outbox.enqueue({
      entity: NOTE,
      target: 'stripe',
      operation: 'create_note',
      subjectId: 'chk_9',
      payload: { checklistId: 'chk_9', text: 'from a newer build', colour: 'red' },
      payloadVersion: 2,
      idempotencyKey: 'sm8sync-note-create_note-chk_9-v2',
    });
    const unreadable = store.outbox.enqueue({
      entity: NOTE,
      target: 'stripe',
      operation: 'create_note',
      subjectId: 'chk_10',
      payload: { checklistId: 10 },
      payloadVersion: 1,
      idempotencyKey: 'sm8sync-note-create_note-chk_10-bad',
    });
    const result = await call(backend, 'syncNow', { dryRun: false });
    expect(result.state).toBe('completed');
    expect(notes.writes).toBe(0);
    expect(store.outbox.get(row.id)).toMatchObject({ state: 'failed' });
    expect(store.outbox.get(row.id)!.lastError).toMatch(/^Needs attention: .*format 2; this version reads format 1\. It was not sent\./);
    expect(store.outbox.get(unreadable.id)!.lastError).toMatch(/unreadable \(checklistId: .*\)\. It was not sent\./);
    const failures = await call(backend, 'listFailures', {});
    expect(failures.map((f) => f.id).sort()).toEqual([row.id, unreadable.id].sort());
    // Dismissed, it is settled and never sent; the status no longer counts it.
    expect(await call(backend, 'dismissFailures', { ids: [row.id, unreadable.id] })).toEqual({
      resolved: [row.id, unreadable.id],
      failed: [],
    });
    expect((await call(backend, 'getStatus', {})).counts.needsAttention).toBe(0);
    await call(backend, 'syncNow', { dryRun: false });
    expect(notes.writes).toBe(0);
  });
});
