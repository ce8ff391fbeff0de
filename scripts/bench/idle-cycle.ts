// Benchmark helper for `bench.mjs --only naive`: the real sync runner (create-runner.ts,
// as `serve` and the tray app's worker run it: one long-lived process) against the
// simulators given. It syncs until a cycle plans nothing, prints {"ready": …}, then on
// each "go" line on stdin runs one cycle and prints its wall and CPU time. The
// simulators live in another process, so the CPU measured is the sync's alone.
// With --data-dir (`bench.mjs --only idle`) it opens a store idle-seed.ts seeded as a
// finished first sync leaves it; one cycle checks that nothing is left to do.
// Each cycle also reports the mirror rows it read, per side and object (every read of
// the mirror repository is counted), so a bench can tell which pair reads what.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { SettingsPort } from '../../src/main/core/app/settings-port';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import type { MirrorRepository } from '../../src/main/core/store/repositories/mirror-repository';
import { Store } from '../../src/main/core/store/store';
import { createSyncRunner } from '../../src/main/core/sync/create-runner';
import { parseSettings } from '../../src/shared/settings';

// Every method of the mirror repository that reads rows (side, object first).
const MIRROR_READS = ['get', 'list', 'listByIds', 'listByKey'] as const;
const { values } = parseArgs({ options: { servicem8: { type: 'string' }, stripe: { type: 'string' }, 'data-dir': { type: 'string' } } });
// --data-dir: a store seeded by idle-seed.ts (one cycle checks that nothing is left to do).
const seeded = values['data-dir'] !== undefined;
const dataDir = values['data-dir'] ?? mkdtempSync(path.join(os.tmpdir(), 'sm8sync-bench-idle-'));
const store = Store.open(dataDir);
const rowsRead: Record<string, number> = {};
countMirrorReads(store.mirror, rowsRead);
const settings = parseSettings({});
const settingsPort: SettingsPort = { get: () => settings, update: () => settings };
const runner = createSyncRunner({
  store,
  settings: settingsPort,
  secrets: new MemorySecretStore({ 'servicem8.apiKey': 'sm8-demo-key', 'stripe.apiKey': 'sk_test_benchKey123456' }),
  env: {
    SERVICEM8_BASE_URL: values.servicem8,
    STRIPE_BASE_URL: values.stripe,
    SM8SYNC_SERVICEM8_REQUESTS_PER_MINUTE: '600000',
    SM8SYNC_STRIPE_REQUESTS_PER_SECOND: '5000',
  },
});

/** Wraps every read of the mirror so the rows each returns are added to `into` under `side.object`. */
function countMirrorReads(mirror: MirrorRepository, into: Record<string, number>) {
  const target = mirror as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of MIRROR_READS) {
    const read = target[name]!.bind(mirror);
    target[name] = (...args: unknown[]) => {
      const result = read(...args);
      const rows = Array.isArray(result) ? result.length : result ? 1 : 0;
      const key = `${String(args[0])}.${String(args[1])}`;
      into[key] = (into[key] ?? 0) + rows;
      return result;
    };
  }
}

async function cycle() {
  for (const key of Object.keys(rowsRead)) delete rowsRead[key];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await runner.runCycle({ dryRun: false, trigger: 'schedule' });
  const used = process.cpuUsage(cpu);
  if (result.state !== 'completed') throw new Error(`sync ${result.state}: ${result.error}`);
  return {
    wallMs: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    rssMb: process.memoryUsage().rss / 2 ** 20,
    planned: result.plan.length,
    linked: result.entities[0]?.linked ?? 0,
    pulled: result.entities.reduce((n, e) => n + e.pulled.servicem8 + e.pulled.stripe, 0),
    conflicts: result.entities.reduce((n, e) => n + e.conflicts, 0),
    mirrorRows: { ...rowsRead },
  };
}

/**
 * The seed's check (`verify`): forget every cursor, so the next cycle reads both sides in
 * full as a first sync does, and plan it as a dry run. Over a store that holds what a
 * first sync leaves, that plans no write and asks nothing.
 */
async function replanEverything() {
  for (const name of Object.keys(store.cursors.all()))
    store.cursors.set(name, name.startsWith('feed.') ? 'evt_forgotten' : JSON.stringify({ editDate: null, seen: [] }));
  const result = await runner.runCycle({ dryRun: true, trigger: 'schedule' });
  if (result.state !== 'completed') throw new Error(`sync ${result.state}: ${result.error}`);
  return {
    planned: result.plan.length,
    sample: result.plan.slice(0, 3),
    entities: result.entities.map((e) => ({ entity: e.entity, pulled: e.pulled, conflicts: e.conflicts, linked: e.linked })),
  };
}

const warmUp = [];
for (let i = 0; i < (seeded ? 1 : 4); i += 1) {
  const c = await cycle();
  warmUp.push(c);
  if (c.planned === 0 && i > 0) break;
}
process.stdout.write(`${JSON.stringify({ ready: warmUp })}\n`);
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line === 'verify') {
    process.stdout.write(`${JSON.stringify(await replanEverything())}\n`);
    continue;
  }
  if (line !== 'go') break;
  process.stdout.write(`${JSON.stringify(await cycle())}\n`);
}
store.close();
if (!seeded) rmSync(dataDir, { recursive: true, force: true });
