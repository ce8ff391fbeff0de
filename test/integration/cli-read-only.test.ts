// A data folder sm8sync cannot write to (a read-only mount, a folder of another user):
// looking still works (`status`, `sync --dry-run`) and leaves every byte as it was;
// anything that would write says the folder is read-only, never that the database is
// damaged. As root, permission bits do not bind, so the CLI runs as `nobody` then.
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { assertBuilt, BIN, runCli, startSimulators, type CliResult, type Simulators } from '../helpers/cli-process';
import { allCustomers, ServiceM8Http, sideEnv, stripeClient } from '../helpers/sides-over-http';
import { useTempDirs } from '../helpers/temp-dir';

const tempDir = useTempDirs();
const NOBODY = 65_534;
const asRoot = process.getuid?.() === 0;
let running: Simulators[] = [];
const unlock: (() => void)[] = [];

beforeAll(() => assertBuilt());
afterEach(async () => {
  for (const restore of unlock.splice(0)) restore();
  await Promise.all(running.map((s) => s.stop()));
  running = [];
});

/** Every file in the folder with its bytes: the proof that nothing was written. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(path.join(dir, name)).toString('base64')]));
}

function makeReadOnly(dir: string): void {
  const files = readdirSync(dir).map((name) => path.join(dir, name));
  if (asRoot) {
    chmodSync(path.dirname(dir), 0o755); // the temp parent, so `nobody` can reach the folder
    for (const target of [dir, ...files]) chownSync(target, NOBODY, NOBODY);
  }
  for (const file of files) chmodSync(file, 0o400);
  chmodSync(dir, 0o500);
  unlock.push(() => chmodSync(dir, 0o700));
}

function cliAsOwner(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  if (!asRoot) return runCli(args, env);
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, ...env, HOME: '/tmp' },
    stdio: ['ignore', 'pipe', 'pipe'],
    uid: NOBODY,
    gid: NOBODY,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
}

describe('a read-only data folder with a valid database', () => {
  it('status and sync --dry-run work and write nothing; sync and conflicts say the folder is read-only', async () => {
    const sims = await startSimulators();
    running.push(sims);
    const dataDir = tempDir();
    const env = sideEnv(sims, dataDir);
    const sm8 = new ServiceM8Http(sims.servicem8);
    const stripe = stripeClient(sims.stripe);
    await sm8.addClient({ name: 'Bondi Plumbing' }, { email: 'office@bondiplumbing.com.au' });
    const first = await runCli(['sync', '--json'], env);
    expect(first.code, first.stderr).toBe(0);
    await sm8.addClient({ name: 'Manly Electrical' }, { email: 'jobs@manlyelectrical.com.au' }); // waits for the next sync
    makeReadOnly(dataDir);
    const before = snapshot(dataDir);
    expect(Object.keys(before)).toContain('sm8sync.sqlite');
    expect(statSync(path.join(dataDir, 'sm8sync.sqlite')).size).toBeGreaterThan(0);

    const status = await cliAsOwner(['status', '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stderr).toContain('is read-only');
    expect((JSON.parse(status.stdout) as { counts: { linked: { count: number }[] } }).counts.linked[0]!.count).toBe(1);

    const dryRun = await cliAsOwner(['sync', '--dry-run', '--json'], env);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    const plan = (JSON.parse(dryRun.stdout) as { state: string; plan: { subject: string }[] }).plan;
    expect(plan.map((w) => w.subject).join(' ')).toContain('Manly Electrical');
    expect(await allCustomers(stripe)).toHaveLength(1); // a dry run writes to neither side

    for (const args of [['sync'], ['conflicts']]) {
      const refused = await cliAsOwner(args, env);
      expect(refused.code, refused.stdout).toBe(1);
      expect(refused.stderr).toContain(`The data folder ${dataDir} is read-only`);
      expect(refused.stderr).not.toContain('damaged');
    }
    expect(snapshot(dataDir)).toEqual(before);
  }, 60_000);
});
