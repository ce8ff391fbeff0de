// Benchmark helper for `bench.mjs --only naive`: the real sync runner (create-runner.ts,
// as `serve` and the tray app's worker run it: one long-lived process) against the
// simulators given. It syncs until a cycle plans nothing, prints {"ready": …}, then on
// each "go" line on stdin runs one cycle and prints its wall and CPU time. The
// simulators live in another process, so the CPU measured is the sync's alone.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import type { SettingsPort } from '../../src/main/core/app/settings-port';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { Store } from '../../src/main/core/store/store';
import { createSyncRunner } from '../../src/main/core/sync/create-runner';
import { parseSettings } from '../../src/shared/settings';

const { values } = parseArgs({ options: { servicem8: { type: 'string' }, stripe: { type: 'string' } } });
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-bench-idle-'));
const store = Store.open(dataDir);
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

async function cycle() {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await runner.runCycle({ dryRun: false, trigger: 'schedule' });
  const used = process.cpuUsage(cpu);
  if (result.state !== 'completed') throw new Error(`sync ${result.state}: ${result.error}`);
  return {
    wallMs: performance.now() - started,
    cpuMs: (used.user + used.system) / 1000,
    planned: result.plan.length,
    linked: result.entities[0]?.linked ?? 0,
  };
}

const warmUp = [];
for (let i = 0; i < 4; i += 1) {
  const c = await cycle();
  warmUp.push(c);
  if (c.planned === 0 && i > 0) break;
}
process.stdout.write(`${JSON.stringify({ ready: warmUp })}\n`);
const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  if (line !== 'go') break;
  process.stdout.write(`${JSON.stringify(await cycle())}\n`);
}
store.close();
rmSync(dataDir, { recursive: true, force: true });
