// Every CLI command that opens a data folder logs to <data dir>/sm8sync.log, with secrets
// redacted. Each absence check is paired with a presence check on the same file, so an
// empty or missing log cannot pass for a clean one.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, runCli, startSimulators, type Simulators } from '../helpers/cli-process';
import { ServiceM8Http, sideEnv, SM8_KEY, STRIPE_KEY } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
let running: Simulators[] = [];
beforeAll(() => assertBuilt());
afterEach(async () => {
  await Promise.all(running.map((s) => s.stop()));
  running = [];
});

function logLines(dataDir: string): { text: string; lines: Record<string, unknown>[] } {
  const file = path.join(dataDir, 'sm8sync.log');
  expect(statSync(file).size).toBeGreaterThan(0);
  const text = readFileSync(file, 'utf8');
  return {
    text,
    lines: text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('the CLI log', () => {
  it('sync, status and a failed sync write JSON lines to <data dir>/sm8sync.log without the keys', async () => {
    const sims = await startSimulators();
    running.push(sims);
    const dataDir = tempDir();
    const env = sideEnv(sims, dataDir);
    await new ServiceM8Http(sims.servicem8).addClient({ name: 'Bondi Plumbing' }, { email: 'office@bondiplumbing.com.au' });
    expect((await runCli(['sync'], env)).code).toBe(0);
    expect((await runCli(['status'], env)).code).toBe(0);
    const wrongKey = 'smk-wrong-key-9f8e7d6c5b4a';
    const failed = await runCli(['sync'], { ...env, SERVICEM8_API_KEY: wrongKey });
    expect(failed.code).toBe(1);

    const { text, lines } = logLines(dataDir);
    const started = lines.filter((l) => l.msg === 'command started').map((l) => l.command);
    expect(started).toEqual(['sync', 'status', 'sync']);
    expect(lines).toContainEqual(expect.objectContaining({ level: 'error', module: 'sync/engine', msg: 'sync cycle failed' }));
    for (const secret of [SM8_KEY, STRIPE_KEY, wrongKey]) expect(text).not.toContain(secret);
  }, 60_000);
});
