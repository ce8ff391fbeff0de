// `node scripts/bench.mjs --only idle`: an idle cycle (nothing changed on either side)
// must not grow with the data. Both simulators and the local store are seeded as a
// finished first sync leaves them (idle-simulators.ts, idle-store-seed.ts: seeding
// 200,000 invoices through real writes would take hours), at 100 clients / 200
// invoices, 10,000 / 20,000 and 100,000 / 200,000; then the real sync runner
// (idle-cycle.ts, one long-lived process as `serve` and the tray app run it) runs a few
// cycles. Per cycle: requests per side, the sync process's CPU time (user + system),
// wall time and RSS. The simulators run in another process, so the CPU is the sync's.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';

const root = path.resolve(import.meta.dirname, '..', '..');
const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CYCLES = 3;

function lineProcess(script, args, heapMb) {
  const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, tsx, path.join(root, 'scripts', 'bench', script), ...args], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  child.stdin.on('error', () => {}); // a helper that already exited
  const queue = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => queue.shift()?.(JSON.parse(line)));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const next = () =>
    Promise.race([
      new Promise((resolve) => queue.push(resolve)),
      exited.then((code) => Promise.reject(new Error(`${script} exited ${code}`))),
    ]);
  return {
    next,
    ask: (line) => {
      const answer = next();
      child.stdin.write(`${line}\n`);
      return answer;
    },
    stop: () => {
      child.stdin.end('exit\n');
      return exited;
    },
  };
}

/**
 * Both simulators and a store seeded as a finished first sync leaves them, and the sync
 * runner over them (one long-lived process); `use` measures, then everything is stopped.
 * `paidEvery` N: every Nth job's invoice paid (by card or in cash, in turn; paid-jobs.ts).
 */
export async function withSeededWorld(clients, jobs, use, { paidEvery = 0 } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-bench-idle-'));
  const dump = path.join(dir, 'stripe.jsonl');
  const seedStarted = performance.now();
  const paid = paidEvery > 0 ? ['--paid-every', String(paidEvery)] : [];
  const sims = lineProcess('idle-simulators.ts', ['--clients', String(clients), '--jobs', String(jobs), '--dump', dump, ...paid], 12_288);
  let ours = null;
  try {
    const urls = await sims.next();
    const dataDir = path.join(dir, 'data');
    const seeder = lineProcess(
      'idle-seed.ts',
      ['--servicem8', urls.servicem8, '--stripe', urls.stripe, '--dump', dump, '--data-dir', dataDir],
      8_192,
    );
    const seeded = await seeder.next();
    await seeder.stop();
    ours = lineProcess('idle-cycle.ts', ['--servicem8', urls.servicem8, '--stripe', urls.stripe, '--data-dir', dataDir], 4_096);
    const { ready } = await ours.next();
    if (seeded.clients !== clients || seeded.invoices !== jobs)
      throw new Error(`seeded ${seeded.clients} clients and ${seeded.invoices} invoices, expected ${clients} and ${jobs}`);
    // The first cycle after the seed is the check that the seed is a finished first sync.
    if (ready[0].planned !== 0 || ready[0].pulled !== 0)
      throw new Error(`the cycle after the seed pulled ${ready[0].pulled} records and planned ${ready[0].planned} writes`);
    return await use({ sims, ours, seeded, seedSeconds: (performance.now() - seedStarted) / 1000 });
  } finally {
    await ours?.stop();
    await sims.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function measure(clients, jobs) {
  return withSeededWorld(clients, jobs, async ({ sims, ours, seedSeconds }) => {
    const cycles = [];
    for (let i = 0; i < CYCLES; i += 1) {
      const before = await sims.ask('stats');
      const cycle = await ours.ask('go');
      const after = await sims.ask('stats');
      if (cycle.planned !== 0 || cycle.pulled !== 0) throw new Error(`an idle cycle pulled ${cycle.pulled} and planned ${cycle.planned}`);
      cycles.push({ ...cycle, servicem8: after.servicem8 - before.servicem8, stripe: after.stripe - before.stripe });
    }
    // At the smallest size, the seed's own check: re-read both sides in full and re-plan (dry run).
    const check = clients <= 1_000 ? await ours.ask('verify') : null;
    return { clients, jobs, seedSeconds, cycles, check };
  });
}

export async function benchIdle(sizes = [100, 10_000, 100_000]) {
  const rows = [];
  for (const clients of sizes) {
    rows.push(await measure(clients, clients * 2));
    console.error(`idle bench: ${clients} clients measured`);
  }
  console.log('Idle cycle (nothing changed) over a store and simulators seeded as after a first sync; sync CPU = user + system:');
  console.log('  clients invoices | cycle | requests (ServiceM8+Stripe) | CPU ms | wall ms | RSS MB');
  for (const r of rows)
    r.cycles.forEach((c, i) =>
      console.log(
        `  ${String(r.clients).padStart(7)} ${String(r.jobs).padStart(8)} | ${String(i + 1).padStart(5)} | ${String(c.servicem8 + c.stripe).padStart(8)} (${c.servicem8}+${c.stripe})${' '.repeat(Math.max(0, 12 - `${c.servicem8}+${c.stripe}`.length))} | ${c.cpuMs.toFixed(0).padStart(6)} | ${c.wallMs.toFixed(0).padStart(7)} | ${c.rssMb.toFixed(0).padStart(6)}`,
      ),
    );
  for (const { clients, check } of rows)
    if (check)
      console.log(
        `  seed check at ${clients} clients: every cursor forgotten, both sides re-read in full and re-planned (dry run): ${check.entities.map((e) => `${e.entity} pulled ${e.pulled.servicem8}+${e.pulled.stripe}`).join(', ')}; ${check.planned} writes, ${check.entities.reduce((n, e) => n + e.conflicts, 0)} questions${check.planned > 0 ? `, e.g. ${JSON.stringify(check.sample)}` : ''}`,
      );
  const big = rows.at(-1);
  const worst = Math.max(...big.cycles.map((c) => c.cpuMs));
  console.log(
    `  goal at ${big.clients} clients and ${big.jobs} invoices: CPU < 1,000 ms per idle cycle → worst of ${big.cycles.length}: ${worst.toFixed(0)} ms; requests ${big.cycles.map((c) => c.servicem8 + c.stripe).join(', ')} (at ${rows[0].clients}: ${rows[0].cycles.map((c) => c.servicem8 + c.stripe).join(', ')})`,
  );
  console.log(`  (seeding both simulators and the store: ${rows.map((r) => `${r.clients}: ${r.seedSeconds.toFixed(0)} s`).join(', ')})`);
  return rows;
}
