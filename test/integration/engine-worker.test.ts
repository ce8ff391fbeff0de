// The sync worker seen from its host (what serve, demo and the tray app run): the
// engine and SQLite live on another thread, events cross, a crash is reported and
// the worker restarted with backoff. Real worker threads, real SQLite, the simulators.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent, AppEventName, Status } from '../../src/shared/api';
import { call } from '../../src/main/core/app/app-backend';
import { startEngineHost, type EngineHost, type EngineHostOptions } from '../../src/main/core/worker/engine-host';
import { startServiceM8Simulator } from '../../src/main/simulators/servicem8/index';
import { startStripeSimulator } from '../../src/main/simulators/stripe/index';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// Worker start-up (tsx compiles the source) can take seconds on a busy machine.
const SLOW = { timeout: 20_000 };
const KEYS = { 'servicem8.apiKey': 'sm8-demo-key', 'stripe.apiKey': 'sk_test_workerTest123' };

async function host(options: Partial<EngineHostOptions> & { dataDir?: string } = {}): Promise<EngineHost> {
  const started = await startEngineHost({ dataDir: options.dataDir ?? tempDir(), env: {}, secrets: { memory: {} }, ...options });
  cleanups.push(() => started.close());
  return started;
}

async function simulatedEnv(): Promise<NodeJS.ProcessEnv> {
  const servicem8 = await startServiceM8Simulator({ seed: 'demo', rateLimits: 'off' });
  const stripe = await startStripeSimulator({ seed: 'demo', rateLimits: 'off' });
  cleanups.push(async () => void (await Promise.all([servicem8.close(), stripe.close()])));
  return { SERVICEM8_BASE_URL: servicem8.url, STRIPE_BASE_URL: stripe.url };
}

function record(engine: EngineHost) {
  const seen: { event: AppEventName; payload: unknown }[] = [];
  engine.backend.subscribe((event, payload) => seen.push({ event, payload }));
  const of = <E extends AppEventName>(name: E) => seen.filter((e) => e.event === name).map((e) => e.payload as AppEvent<E>);
  return { of };
}

describe('sync worker host', () => {
  it('runs the engine and its SQLite file on a worker thread, not the caller’s', async () => {
    const dataDir = tempDir();
    const engine = await host({ dataDir });
    const info = await engine.debug('info');
    expect(info.isMainThread).toBe(false);
    expect(info.threadId).not.toBe(threadId);
    expect(info.storeFile).toBe(path.join(dataDir, 'sm8sync.sqlite'));
    expect(await call(engine.backend, 'getStatus', {})).toMatchObject({ state: 'not_connected' });
  });

  it('validates calls against the contract before they cross, and answers with result objects', async () => {
    const engine = await host();
    expect(await engine.backend.invoke('nope', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'unknown method "nope"' } });
    const bad = await engine.backend.invoke('setPaused', { paused: 'yes' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    expect(await engine.backend.invoke('syncNow', {})).toMatchObject({ ok: false, error: { code: 'not_connected' } });
  });

  it('relays the worker’s events: status, conflicts and activity of a real sync', async () => {
    const engine = await host({ env: await simulatedEnv(), secrets: { memory: KEYS } });
    const events = record(engine);
    await call(engine.backend, 'setPaused', { paused: true });
    expect(events.of('status').at(-1)).toMatchObject({ paused: true, state: 'paused' });
    const result = await call(engine.backend, 'syncNow', { dryRun: false });
    expect(result.state).toBe('completed');
    expect(events.of('status').some((s) => s.running !== null)).toBe(true);
    expect(events.of('conflictsChanged').at(-1)!.open).toBe((await call(engine.backend, 'getStatus', {})).counts.openConflicts);
    expect(events.of('activity').flat().length).toBeGreaterThan(0);
    // No event carries a key.
    expect(JSON.stringify(events.of('status'))).not.toContain('sk_test_workerTest123');
  });

  it('reports a crash as "failing" with a plain reason, restarts the worker, and clears it after the next sync', async () => {
    const dataDir = tempDir();
    const engine = await host({
      dataDir,
      env: await simulatedEnv(),
      secrets: { memory: KEYS },
      debug: true,
      restart: { firstDelayMs: 50 },
    });
    const events = record(engine);
    expect((await call(engine.backend, 'syncNow', { dryRun: false })).state).toBe('completed');
    const before = await engine.debug('crash');
    await expect.poll(() => events.of('status').find((s) => s.state === 'failing'), SLOW).toBeTruthy();
    const reported = events.of('status').find((s) => s.state === 'failing')!;
    expect(reported.headline).toContain('The sync engine stopped unexpectedly (crash requested through the debug message)');
    expect(reported.lastError).toBe(reported.headline);

    await expect.poll(() => engine.restarts(), SLOW).toBe(1);
    // While it is down, getStatus still answers (with the crash); other calls are "busy".
    await expect.poll(async () => (await engine.backend.invoke('listConflicts', {})).ok, SLOW).toBe(true);
    const after = await engine.debug('info');
    expect(after.threadId).not.toBe(before.threadId);
    const restarted = await call(engine.backend, 'getStatus', {});
    expect(restarted).toMatchObject({ state: 'failing' });
    expect(restarted.headline).toContain('was restarted');
    expect(restarted.lastSyncAt).not.toBeNull(); // the first sync survived in SQLite

    expect((await call(engine.backend, 'syncNow', { dryRun: false })).state).toBe('completed');
    const settled: Status = await call(engine.backend, 'getStatus', {});
    expect(settled.state).not.toBe('failing');
    expect(settled.lastError).toBeNull();
  });

  it('backs off while a restarted worker cannot start, says why, and recovers once it can', async () => {
    const dataDir = tempDir();
    const engine = await host({ dataDir, debug: true, restart: { firstDelayMs: 20, maxDelayMs: 80 } });
    const events = record(engine);
    writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ sync: { pollIntervalMinutes: 'often' } }));
    await engine.debug('crash');
    await expect.poll(() => engine.restarts(), SLOW).toBeGreaterThanOrEqual(3);
    const latest = events.of('status').at(-1)!;
    expect(latest.state).toBe('failing');
    expect(latest.headline).toMatch(/Invalid settings file .*pollIntervalMinutes/);
    expect(latest.headline).toMatch(/restarting it in \d+ s/);
    expect(await engine.backend.invoke('listConflicts', {})).toMatchObject({ ok: false, error: { code: 'busy' } });
    // A change cannot look done while the worker is down: only reading the status is answered.
    expect(await engine.backend.invoke('setPaused', { paused: true })).toMatchObject({ ok: false, error: { code: 'busy' } });
    writeFileSync(path.join(dataDir, 'settings.json'), '{}');
    await expect.poll(async () => (await engine.backend.invoke('listConflicts', {})).ok, SLOW).toBe(true);
    expect((await engine.debug('info')).isMainThread).toBe(false);
  });

  it('refuses to start with the worker’s reason when it cannot open the app', async () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'settings.json'), '{ not json');
    await expect(startEngineHost({ dataDir, env: {}, secrets: { memory: {} } })).rejects.toThrow(
      /The sync engine could not start: Invalid settings file .*not valid JSON/,
    );
    // A failed start is over: no worker is restarted behind the caller's back once the cause is gone
    // (the failed attempt opened the database before it read the settings; a restart would open it again).
    for (const file of readdirSync(dataDir)) if (file.startsWith('sm8sync.sqlite')) rmSync(path.join(dataDir, file));
    writeFileSync(path.join(dataDir, 'settings.json'), '{}');
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(existsSync(path.join(dataDir, 'sm8sync.sqlite'))).toBe(false);
  });

  it('closes SQLite on close(): the write-ahead log is folded back and removed', async () => {
    const dataDir = tempDir();
    const engine = await startEngineHost({ dataDir, env: {}, secrets: { memory: {} } });
    await call(engine.backend, 'listActivity', {});
    expect(existsSync(path.join(dataDir, 'sm8sync.sqlite-wal'))).toBe(true);
    await engine.close();
    expect(existsSync(path.join(dataDir, 'sm8sync.sqlite-wal'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'sm8sync.sqlite'))).toBe(true);
  });
});
