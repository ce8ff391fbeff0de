import { describe, expect, it } from 'vitest';
import { call, createBackend, EventHub } from '../../src/main/core/app/app-backend';
import { createAppService } from '../../src/main/core/app/app-service';
import { layeredSecretStore } from '../../src/main/core/app/secret-sources';
import { settingsFilePort } from '../../src/main/core/app/settings-port';
import { EnvSecretStore } from '../../src/main/core/secrets/env-secret-store';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import type { SecretStore } from '../../src/main/core/secrets/secret-store';
import { SettingsFile } from '../../src/main/core/settings/settings-file';
import { Store } from '../../src/main/core/store/store';
import { FakeRunner, FakeTester } from '../helpers/fake-ports';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const SM8_KEY = 'smk-goodkey-123456';
const STRIPE_KEY = 'rk_test_goodkey123456';

function setup(options: { secrets?: SecretStore; connected?: boolean } = {}) {
  const dir = tempDir();
  const clock = () => new Date('2026-11-24T03:00:00.000Z');
  const store = Store.open(dir, { clock });
  const secrets =
    options.secrets ??
    new MemorySecretStore(options.connected === false ? {} : { 'servicem8.apiKey': SM8_KEY, 'stripe.apiKey': STRIPE_KEY });
  const runner = new FakeRunner();
  const tester = new FakeTester();
  tester.accept.add(SM8_KEY).add(STRIPE_KEY);
  const events = new EventHub();
  const seen: { event: string; payload: unknown }[] = [];
  events.subscribe((event, payload) => seen.push({ event, payload }));
  const settings = settingsFilePort(new SettingsFile(dir));
  const service = createAppService({
    store,
    settings,
    secrets,
    runner,
    connections: tester,
    events,
    clock,
    nextSyncAt: () => new Date('2026-11-24T03:05:00.000Z'),
  });
  const backend = createBackend(service, events);
  return { dir, store, secrets, runner, tester, seen, backend, settings, service };
}

describe('app service: status', () => {
  it('walks the state priority: not connected, syncing, failing, needs you, not synced yet, in sync', async () => {
    const { backend, store, runner } = setup({ connected: false });
    expect(await call(backend, 'getStatus', {})).toMatchObject({
      state: 'not_connected',
      headline: 'Connect ServiceM8 and Stripe to start syncing',
    });
    // Paused shows as a flag even when another state is shown, so Resume stays right.
    await call(backend, 'setPaused', { paused: true });
    expect(await call(backend, 'getStatus', {})).toMatchObject({ state: 'not_connected', paused: true });
    await call(backend, 'setPaused', { paused: false });

    const world = setup();
    // Connected but never synced: never green.
    expect(await call(world.backend, 'getStatus', {})).toMatchObject({
      state: 'not_synced',
      headline: 'Not synced yet',
      nextSyncAt: '2026-11-24T03:05:00.000Z',
      businessTimeZone: 'Australia/Sydney',
    });
    const good = world.store.runs.start('schedule', false);
    world.store.runs.finish(good.id, { state: 'completed' });
    expect(await call(world.backend, 'getStatus', {})).toMatchObject({ state: 'in_sync', headline: 'In sync' });
    // A quarantined record counts against "In sync".
    world.store.quarantine.put({ side: 'servicem8', object: 'company', recordId: 'q1', reason: 'ABN must have 11 digits: "123"' });
    expect(await call(world.backend, 'getStatus', {})).toMatchObject({ state: 'needs_approval', headline: 'Needs you: 1 record to fix' });
    world.store.conflicts.raise({ kind: 'field', entity: 'client', dedupeKey: 'c1:email', field: 'email' });
    world.store.conflicts.raise({ kind: 'field', entity: 'client', dedupeKey: 'c1:phone', field: 'phone' });
    expect(await call(world.backend, 'getStatus', {})).toMatchObject({
      state: 'needs_approval',
      headline: 'Needs you: 2 decisions, 1 record to fix',
      counts: { openConflicts: 2, quarantined: 1 },
    });
    const run = world.store.runs.start('schedule', false);
    world.store.runs.finish(run.id, { state: 'failed', error: 'ServiceM8 GET /company.json failed: network error (fetch failed)' });
    // The clock says 03:00 and the next sync is at 03:05.
    expect(await call(world.backend, 'getStatus', {})).toMatchObject({
      state: 'failing',
      headline: "Can't reach ServiceM8 — retrying in 5 min",
      lastError: "Can't reach ServiceM8",
      lastGoodSyncAt: '2026-11-24T03:00:00.000Z',
    });
    const refused = world.store.runs.start('schedule', false);
    world.store.runs.finish(refused.id, { state: 'failed', error: 'Stripe: Invalid API Key provided: rk_test_****1234' });
    expect((await call(world.backend, 'getStatus', {})).headline).toBe(
      "Stripe didn't accept the saved key — reconnect it on the Connect screen",
    );
    world.runner.current = { startedAt: '2026-11-24T03:00:00.000Z', phase: 'apply', entity: 'client', done: 1, total: 3 };
    const syncing = await call(world.backend, 'getStatus', {});
    expect(syncing).toMatchObject({ state: 'syncing', headline: 'Syncing clients…' });
    expect(syncing.running?.text).toBe('Sending changes · clients · 1 of 3 · 19,660 ServiceM8 requests left today');
    world.runner.current = null;
    await call(world.backend, 'setPaused', { paused: true });
    const paused = await call(world.backend, 'getStatus', {});
    // Paused, but the last sync failed: the failure is still the truth; no next sync is promised.
    expect(paused).toMatchObject({ state: 'failing', paused: true, nextSyncAt: null });
    const fine = world.store.runs.start('manual', false);
    world.store.runs.finish(fine.id, { state: 'completed' });
    expect(await call(world.backend, 'getStatus', {})).toMatchObject({ state: 'needs_approval', paused: true });
    expect(world.settings.get().sync.paused).toBe(true);
    store.close();
    runner.current = null;
    world.store.close();
  });

  it('reports the last good sync, counts and the ServiceM8 budget', async () => {
    const { backend, store } = setup();
    const run = store.runs.start('manual', false);
    store.runs.finish(run.id, { state: 'completed' });
    store.links.create({ entity: 'client', servicem8Id: 'a', stripeId: 'cus_a' });
    const item = store.outbox.enqueue({ entity: 'client', target: 'stripe', operation: 'update', payload: {}, idempotencyKey: 'k' });
    store.outbox.markFailed(item.id, 'validation');
    const status = await call(backend, 'getStatus', {});
    expect(status).toMatchObject({
      state: 'needs_approval',
      lastGoodSyncAt: '2026-11-24T03:00:00.000Z',
      counts: {
        linked: [
          { entity: 'client', label: 'Clients', count: 1 },
          { entity: 'invoice', label: 'Invoices', count: 0 },
          { entity: 'payment', label: 'Payments', count: 0 },
        ],
        needsAttention: 1,
      },
    });
    expect(status.rateBudget.servicem8).toEqual({ usedLastMinute: 12, perMinute: 180, usedToday: 340, perDay: 20_000 });
    store.close();
  });
});

describe('app service: sync and conflicts', () => {
  it('syncNow runs a manual cycle and announces status, conflicts and new activity', async () => {
    const { backend, runner, store, seen } = setup();
    runner.effect = () => {
      store.audit.append({ direction: 'servicem8_to_stripe', entity: 'client', operation: 'create', outcome: 'success' });
      store.conflicts.raise({ kind: 'field', entity: 'client', dedupeKey: 'k', field: 'phone' });
    };
    const result = await call(backend, 'syncNow', {});
    expect(result.state).toBe('completed');
    expect(runner.calls).toEqual([{ dryRun: false, trigger: 'manual' }]);
    expect(seen.map((e) => e.event)).toEqual(expect.arrayContaining(['status', 'conflictsChanged', 'activity']));
    expect(seen.find((e) => e.event === 'conflictsChanged')?.payload).toEqual({ open: 1 });
    store.close();
  });

  it('syncNow refuses without both connections, and reports a failed cycle as a result object', async () => {
    const { backend, runner, store } = setup({ connected: false });
    expect(await backend.invoke('syncNow', {})).toMatchObject({ ok: false, error: { code: 'not_connected' } });
    expect(runner.calls).toHaveLength(0);
    store.close();
    const world = setup();
    world.runner.fail = new Error('boom');
    expect(await world.backend.invoke('syncNow', { dryRun: true })).toMatchObject({
      ok: false,
      error: { code: 'failed', message: 'boom' },
    });
    expect(await world.backend.invoke('syncNow', { dryRun: 'yes' })).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    world.store.close();
  });

  it('lists conflicts with titles from the mirror and duplicate candidates', async () => {
    const { backend, store } = setup();
    store.mirror.upsert({
      side: 'servicem8',
      object: 'company',
      id: 'sm8-1',
      record: { name: 'Harbour Plumbing', email: 'ops@harbour.example' },
      editedAt: null,
      active: true,
    });
    store.mirror.upsert({
      side: 'stripe',
      object: 'customer',
      id: 'cus_2',
      record: { name: 'Harbour Plumbing Pty Ltd', email: 'ops@harbour.example' },
      editedAt: null,
      active: true,
    });
    store.conflicts.raise({
      kind: 'field',
      entity: 'client',
      dedupeKey: 'a',
      servicem8Id: 'sm8-1',
      stripeId: 'cus_1',
      field: 'phone',
      servicem8Value: '0412 345 678',
      stripeValue: '0498 765 432',
      servicem8EditedAt: '2026-11-24T01:00:00.000Z',
    });
    store.conflicts.raise({
      kind: 'duplicate',
      entity: 'client',
      dedupeKey: 'b',
      servicem8Id: 'sm8-9',
      candidates: [{ side: 'stripe', id: 'cus_2' }, { side: 'stripe', id: 'cus_3', name: 'Other' }, { bogus: true }],
    });
    const [field, duplicate] = await call(backend, 'listConflicts', {});
    expect(field).toMatchObject({
      title: 'Harbour Plumbing',
      field: 'phone',
      servicem8: { value: '0412 345 678', editedAt: '2026-11-24T01:00:00.000Z' },
      stripe: { value: '0498 765 432' },
      candidates: [],
    });
    expect(duplicate?.title).toBe('Client sm8-9');
    expect(duplicate?.candidates).toEqual([
      { side: 'stripe', id: 'cus_2', name: 'Harbour Plumbing Pty Ltd', email: 'ops@harbour.example' },
      { side: 'stripe', id: 'cus_3', name: 'Other', email: null },
    ]);
    store.close();
  });

  it('resolves in bulk, audits each decision and reports per-id failures', async () => {
    const { backend, store, seen } = setup();
    const a = store.conflicts.raise({
      kind: 'field',
      entity: 'client',
      dedupeKey: 'a',
      servicem8Id: 's1',
      field: 'email',
      servicem8Value: 'a@x.au',
      stripeValue: 'b@x.au',
    }).conflict;
    const b = store.conflicts.raise({
      kind: 'field',
      entity: 'client',
      dedupeKey: 'b',
      field: 'name',
      servicem8Value: 'A',
      stripeValue: 'B',
    }).conflict;
    store.conflicts.resolve(b.id, 'stripe');
    const applied = store.conflicts.raise({ kind: 'field', entity: 'client', dedupeKey: 'c', field: 'phone' }).conflict;
    store.conflicts.resolve(applied.id, 'stripe');
    store.conflicts.markApplied(applied.id);
    // A decision not yet applied can be changed; an applied one cannot.
    const result = await call(backend, 'resolveConflicts', { ids: [a.id, b.id, applied.id, 999], take: 'servicem8' });
    expect(result).toEqual({
      resolved: [a.id, b.id],
      failed: [
        { id: applied.id, reason: 'already applied' },
        { id: 999, reason: 'not found' },
      ],
    });
    expect(store.conflicts.get(a.id)).toMatchObject({ state: 'resolved', resolution: 'keep_servicem8' });
    expect(store.conflicts.get(b.id)).toMatchObject({ state: 'resolved', resolution: 'keep_servicem8' });
    const audits = store.audit.list();
    expect(audits.find((e) => e.servicem8Id === 's1')).toMatchObject({
      direction: 'local',
      operation: 'resolve_conflict',
      after: { action: 'keep_servicem8' },
      message: expect.stringContaining('Keep ServiceM8') as string,
    });
    expect(audits.find((e) => e.servicem8Id === null)?.message).toMatch(/^Changed the decision: Keep ServiceM8/);
    // An action the question does not offer is refused when chosen, with the reason.
    const refused = await call(backend, 'resolveConflicts', { ids: [a.id], action: 'link' });
    expect(refused.failed[0]?.reason).toMatch(/"link" is not an action of this question/);
    expect(seen.some((e) => e.event === 'activity')).toBe(true);
    const open = await call(backend, 'listConflicts', {});
    expect(open.map((c) => c.state)).toEqual(['resolved', 'resolved']);
    expect(open[0]!.actions.map((x) => x.name)).toEqual(['keep_servicem8', 'keep_stripe']);
    store.close();
  });
});

describe('app service: activity, quarantine, settings', () => {
  it('filters activity and exports an Excel-safe CSV in the business time zone', async () => {
    const { backend, store } = setup();
    store.audit.append({
      direction: 'servicem8_to_stripe',
      entity: 'client',
      operation: 'create',
      outcome: 'success',
      message: '=HYPERLINK("http://evil")',
    });
    store.audit.append({
      direction: 'stripe_to_servicem8',
      entity: 'payment',
      operation: 'create',
      outcome: 'skipped',
      message: 'Amount "12,50" rejected',
    });
    // A refused write reads in words, without the API's request line, code or ids.
    store.audit.append({
      direction: 'servicem8_to_stripe',
      entity: 'client',
      operation: 'update_customer',
      outcome: 'failed',
      message: "Stripe POST /v1/customers/cus_Q1 failed (404): No such customer: 'cus_Q1'",
    });
    expect(await call(backend, 'listActivity', { outcome: 'failed' })).toMatchObject([
      { message: 'The Stripe customer no longer exists (it was deleted in Stripe).' },
    ]);
    expect(await call(backend, 'listActivity', { entity: 'client' })).toMatchObject([
      { entity: 'client', direction: 'servicem8_to_stripe' },
      { entity: 'client', direction: 'servicem8_to_stripe' },
    ]);
    const { filename, csv } = await call(backend, 'exportActivityCsv', {});
    expect(filename).toBe('sm8sync-activity-2026-11-24.csv');
    expect(csv.startsWith('\uFEFFTime,Name,What happened,Outcome,')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(csv).toContain(`'=HYPERLINK(""http://evil"")`);
    expect(csv).toContain('"Amount ""12,50"" rejected"');
    // 03:00 UTC is 14:00 in Sydney (daylight time in November).
    expect(csv).toContain('2026-11-24 14:00:00 +11:00');
    store.close();
  });

  it('lists active quarantine and validates settings updates', async () => {
    const { backend, store, settings } = setup();
    store.quarantine.put({
      side: 'servicem8',
      object: 'company',
      recordId: 'u1',
      reason: 'email is not an address',
      raw: { email: 'nope' },
    });
    store.mirror.upsert({
      side: 'servicem8',
      object: 'company',
      id: 'u2',
      record: { name: 'Harbour View Cafe' },
      editedAt: null,
      active: true,
    });
    store.quarantine.put({ side: 'servicem8', object: 'company', recordId: 'u2', reason: 'phone is not a valid number: "0412"' });
    store.quarantine.put({
      side: 'stripe',
      object: 'customer',
      recordId: 'cus_9',
      reason: 'ABN checksum does not match: "51 824 753 557"',
      raw: { name: 'Bondi Electrical' },
    });
    expect(await call(backend, 'listQuarantine', {})).toEqual([
      {
        id: 1,
        side: 'servicem8',
        object: 'company',
        recordId: 'u1',
        reason: 'email is not an address',
        lastSeenAt: '2026-11-24T03:00:00.000Z',
        // No name: the pair's own fallback, the email as it came.
        name: 'nope',
        what: 'ServiceM8 client',
        problem: 'Email is not an address.',
        fix: 'Correct it on the ServiceM8 client in ServiceM8; the next sync picks it up.',
        link: 'https://go.servicem8.com/',
        linkLabel: 'Open ServiceM8',
      },
      expect.objectContaining({ name: 'Harbour View Cafe', problem: 'The phone number "0412" is not a real phone number.' }),
      expect.objectContaining({
        name: 'Bondi Electrical',
        what: 'Stripe customer',
        problem: 'The ABN "51 824 753 557" is not a valid ABN (its check digits do not add up).',
        // The test key (rk_test_…) opens the test-mode Dashboard.
        link: 'https://dashboard.stripe.com/test/customers/cus_9',
      }),
    ]);
    const current = await call(backend, 'getSettings', {});
    const saved = await call(backend, 'updateSettings', { ...current, businessTimeZone: 'Australia/Perth' });
    expect(saved.businessTimeZone).toBe('Australia/Perth');
    expect(settings.get().businessTimeZone).toBe('Australia/Perth');
    expect(await backend.invoke('updateSettings', { ...current, businessTimeZone: 'Mars/Base' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_params' },
    });
    store.close();
  });
});

describe('app service: connections', () => {
  it('tests a key before saving it and never hands it back', async () => {
    const { backend, secrets, store, tester } = setup({ connected: false });
    const bad = await call(backend, 'connectStripe', { apiKey: 'rk_test_wrongkey999' });
    expect(bad.ok).toBe(false);
    expect(bad.message).toBe("Stripe didn't accept this key — check it in the Stripe Dashboard → Developers → API keys.");
    expect(JSON.stringify(bad)).not.toContain('rk_test_wrongkey999');
    expect(await secrets.get('stripe.apiKey')).toBeNull();
    const good = await call(backend, 'connectStripe', { apiKey: `  ${STRIPE_KEY} ` });
    expect(good).toEqual({ service: 'stripe', ok: true, message: 'Connected.', account: 'stripe account' });
    expect(await secrets.get('stripe.apiKey')).toBe(STRIPE_KEY);
    expect(tester.tested).toEqual(['stripe', 'stripe']);
    const connections = await call(backend, 'getConnections', {});
    expect(connections).toEqual([
      {
        service: 'servicem8',
        connected: false,
        method: null,
        source: null,
        account: null,
        endpoint: 'http://127.0.0.1:1/sm8',
        testMode: false,
      },
      {
        service: 'stripe',
        connected: true,
        method: 'restricted_key',
        source: 'memory',
        account: 'stripe account',
        endpoint: 'http://127.0.0.1:1/stripe',
        testMode: true,
      },
    ]);
    expect(JSON.stringify(connections)).not.toContain(STRIPE_KEY);
    expect(await backend.invoke('connectStripe', { apiKey: 'not-a-key' })).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    const tests = await call(backend, 'testConnections', {});
    expect(tests.map((t) => [t.service, t.ok])).toEqual([
      ['servicem8', false],
      ['stripe', true],
    ]);
    const after = await call(backend, 'disconnect', { service: 'stripe' });
    expect(after[1]?.connected).toBe(false);
    expect(await secrets.get('stripe.apiKey')).toBeNull();
    store.close();
  });

  it('prefers environment keys, says so, and refuses to "disconnect" them', async () => {
    const secrets = layeredSecretStore(
      new EnvSecretStore({ SERVICEM8_API_KEY: SM8_KEY }),
      new MemorySecretStore({ 'servicem8.apiKey': 'smk-older-key-000', 'stripe.apiKey': STRIPE_KEY }),
    );
    const { backend, store } = setup({ secrets });
    const [sm8, stripe] = await call(backend, 'getConnections', {});
    expect(sm8).toMatchObject({ connected: true, method: 'api_key', source: 'environment' });
    expect(stripe).toMatchObject({ connected: true, source: 'memory' });
    const refused = await backend.invoke('disconnect', { service: 'servicem8' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(JSON.stringify(refused)).toContain('SERVICEM8_API_KEY');
    store.close();
  });
});

describe('app service: cycles the app starts itself', () => {
  it('runs scheduled cycles with their trigger and announces them, and skips them while not connected', async () => {
    const world = setup();
    const result = await world.service.runCycle('schedule');
    expect(result?.state).toBe('completed');
    expect(world.runner.calls).toEqual([{ dryRun: false, trigger: 'schedule' }]);
    expect(world.seen.filter((e) => e.event === 'status').length).toBeGreaterThanOrEqual(2);
    world.store.close();

    const offline = setup({ connected: false });
    expect(await offline.service.runCycle('resume')).toBeNull();
    expect(offline.runner.calls).toEqual([]);
    offline.store.close();
  });
});
