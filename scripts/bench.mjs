// `npm run bench`: measures what the sync costs, against the simulators in their own
// process and the real CLI as a subprocess.
//  1. Requests per idle cycle (a sync right after a sync) with 100 and 10,000 clients.
//  2. The time of a first sync of 10,000 clients against the lower bound the rate
//     limits allow (the simulators' limits are raised for the run; the ratio counts).
//  3. The event-loop delay of `sm8sync serve` (the process that owns the HTTP server
//     and relays to the sync worker) during a first sync of 10,000 clients started
//     through its API. `--only event-loop` runs just this part.
//  4. Reconciliation of 100,000 linked pairs and the GST report over 10,000 invoices
//     (scripts/bench-reconciliation.mjs). `--only reconciliation` runs just this part.
//  5. An idle cycle against a naive syncer that lists everything, at 1,000, 10,000 and
//     100,000 clients (scripts/bench/naive.mjs). `--only naive` runs just this part
//     (`--sizes 1000,10000` to choose the sizes).
//  7. (listed first below) `--only idle [--sizes 100,10000,100000]`: an idle cycle over N clients and
//     2N invoices seeded as after a first sync (scripts/bench/idle.mjs): requests, CPU, wall, RSS per cycle.
//  8. `--only small-change [--sizes 1000,100000]`: the cycle carrying a few edits (10 clients each side, 10 jobs,
//     2 payments) over the idle bench's seed with one job in four paid (scripts/bench/small-change.mjs): CPU,
//     requests, mirror rows read.
//  6. Invoices: the first sync of 20,000 invoiced jobs (2,000 clients) against the
//     rate-limit lower bound, and the requests of an idle cycle with them.
//     `--only invoices [--jobs N]` runs just this part.
//  9. `--only first-sync [--clients N --jobs M] [--timeline]` (in the full run instead of 3): the first sync
//     of 10,000 clients and 20,000 invoices as the tray app runs it, through serve: time
//     against the lower bound, peak RSS and event-loop delay (scripts/bench/first-sync.mjs).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchFirstSync, serveFirstSync } from './bench/first-sync.mjs';
import { benchIdle } from './bench/idle.mjs';
import { benchNaive } from './bench/naive.mjs';
import { benchSmallChange } from './bench/small-change.mjs';
import {
  SM8_PER_MINUTE,
  STRIPE_ONCE,
  STRIPE_PER_INVOICE,
  STRIPE_PER_SECOND,
  benchEnv,
  bin,
  firstSyncLowerBound,
  machineLine,
  profileArgs,
  root,
  sampleProcess,
  startSimulators,
} from './bench/processes.mjs';

if (!existsSync(path.join(root, 'dist', 'main', 'cli.cjs'))) {
  console.error('bench: build first (npm run build)');
  process.exit(1);
}

// SM8SYNC_BENCH_SYNC_HEAP_MB=<n>: caps the sync process's V8 heap, to tell its live memory
// from V8's lazy heap growth (peak RSS with no cap is mostly heap V8 has not collected yet).
const syncHeapMb = process.env.SM8SYNC_BENCH_SYNC_HEAP_MB;
const syncHeapArgs = syncHeapMb ? [`--max-old-space-size=${Number(syncHeapMb)}`] : [];

function sync(env) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...profileArgs, ...syncHeapArgs, bin, 'sync', '--json'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const sampler = sampleProcess(child.pid);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const usage = sampler.stop();
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) return reject(new Error(`sync exited ${code}: ${err}`));
      resolve({ seconds, result: JSON.parse(out), ...usage });
    });
  });
}

async function measure(clients) {
  const sims = startSimulators(clients);
  const urls = await sims.ready;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-bench-'));
  const env = benchEnv(urls, dataDir);
  try {
    const before = await sims.stats();
    const first = await sync(env);
    const afterFirst = await sims.stats();
    // The second sync reads back the events of the first one's own writes (Stripe lists
    // them 100 a page); the third is a truly idle cycle.
    const echo = await sync(env);
    const afterEcho = await sims.stats();
    const idle = await sync(env);
    const afterIdle = await sims.stats();
    const created = first.result.entities[0].created.stripe;
    if (created !== clients) throw new Error(`first sync created ${created} customers, expected ${clients}`);
    if (echo.result.plan.length !== 0 || idle.result.plan.length !== 0) throw new Error('a sync after the first planned writes');
    return {
      clients,
      firstSync: {
        seconds: first.seconds,
        servicem8Requests: afterFirst.servicem8 - before.servicem8,
        stripeRequests: afterFirst.stripe - before.stripe,
        stripe429: afterFirst.stripeRateLimited - before.stripeRateLimited,
      },
      echoCycle: {
        seconds: echo.seconds,
        servicem8Requests: afterEcho.servicem8 - afterFirst.servicem8,
        stripeRequests: afterEcho.stripe - afterFirst.stripe,
      },
      idleCycle: {
        seconds: idle.seconds,
        servicem8Requests: afterIdle.servicem8 - afterEcho.servicem8,
        stripeRequests: afterIdle.stripe - afterEcho.stripe,
      },
    };
  } finally {
    await sims.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The event-loop delay of `sm8sync serve` during a first sync of N clients (scripts/bench/first-sync.mjs). */
async function measureServeEventLoop(clients) {
  const m = await serveFirstSync(clients);
  return { clients, seconds: m.seconds, ...m.eventLoop };
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const fmt = (n) => n.toFixed(1);
// Reconciliation (100,000 linked pairs) and the GST report (10,000 invoices): their own script.
const reconciliationBench = () =>
  spawnSync(process.execPath, [path.join(root, 'scripts', 'bench-reconciliation.mjs')], { stdio: 'inherit' }).status;
if (only === 'reconciliation') process.exit(reconciliationBench() ?? 1);
const machine = () =>
  console.log(
    `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
const sizesArg = () =>
  process.argv.includes('--sizes') ? process.argv[process.argv.indexOf('--sizes') + 1].split(',').map(Number) : undefined;
if (only === 'idle') {
  machine();
  await benchIdle(sizesArg());
  machine();
  process.exit(0);
}
if (only === 'first-sync') {
  const flag = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
  await benchFirstSync(flag('--clients', 10_000), flag('--jobs', 20_000), process.argv.includes('--timeline'));
  process.exit(0);
}
if (only === 'small-change') {
  machine();
  await benchSmallChange(sizesArg());
  machine();
  process.exit(0);
}
if (only === 'naive') {
  machine();
  const sizes = process.argv.includes('--sizes') ? process.argv[process.argv.indexOf('--sizes') + 1].split(',').map(Number) : undefined;
  await benchNaive(sizes);
  process.exit(0);
}

async function measureInvoices(jobs) {
  const clients = Math.max(1, Math.round(jobs / 10));
  const sims = startSimulators(clients, jobs);
  const urls = await sims.ready;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-bench-'));
  const env = benchEnv(urls, dataDir);
  const loadBefore = machineLine();
  try {
    const before = await sims.stats();
    const first = await sync(env);
    const afterFirst = await sims.stats();
    const echo = await sync(env);
    const afterEcho = await sims.stats();
    const idle = await sync(env);
    const afterIdle = await sims.stats();
    const invoice = first.result.entities.find((e) => e.entity === 'invoice');
    if (invoice?.created.stripe !== jobs) throw new Error(`first sync created ${invoice?.created.stripe} invoices, expected ${jobs}`);
    if (echo.result.plan.length !== 0 || idle.result.plan.length !== 0) throw new Error('a sync after the first planned writes');
    const routes = (a, b) =>
      Object.fromEntries(
        Object.entries(b.stripeRoutes)
          .map(([route, n]) => [route, n - (a.stripeRoutes[route] ?? 0)])
          .filter(([, n]) => n > 0),
      );
    const part = (run, a, b) => ({
      seconds: run.seconds,
      peakRssMiB: run.peakRssMiB,
      cpuSeconds: run.cpuSeconds,
      simulatorsCpuSeconds: (b.cpuMicros - a.cpuMicros) / 1e6,
      servicem8: b.servicem8 - a.servicem8,
      stripe: b.stripe - a.stripe,
      stripe429: b.stripeRateLimited - a.stripeRateLimited,
      stripeRoutes: routes(a, b),
    });
    return {
      jobs,
      clients,
      loadBefore,
      loadAfter: machineLine(),
      simulatorsRssMiB: afterIdle.rssBytes / 2 ** 20,
      first: part(first, before, afterFirst),
      echo: part(echo, afterFirst, afterEcho),
      idle: part(idle, afterEcho, afterIdle),
    };
  } finally {
    await sims.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const routeList = (routes) =>
  Object.entries(routes)
    .sort((a, b) => b[1] - a[1])
    .map(([route, n]) => `${route} ${n}`)
    .join(', ');

function printInvoices(m) {
  const bound = firstSyncLowerBound(m.clients, m.jobs);
  const { stripeMin, servicem8Min } = bound;
  const stripeBound = bound.stripeSeconds;
  const servicem8Bound = bound.servicem8Seconds;
  const lowerBound = bound.seconds;
  const ratio = m.first.seconds / lowerBound;
  console.log(`Invoices bench, machine: ${m.loadBefore} (before); ${m.loadAfter} (after)`);
  console.log(
    `First sync of ${m.jobs} invoiced jobs (${m.clients} clients, 2 lines each; limits raised for the run: Stripe ${STRIPE_PER_SECOND}/s, ServiceM8 ${SM8_PER_MINUTE}/min):`,
  );
  console.log(`  time ${fmt(m.first.seconds)} s; lower bound ${fmt(lowerBound)} s; ratio ${ratio.toFixed(3)} (goal ≤ 1.10)`);
  console.log(
    `  lower bound: Stripe ${stripeMin} requests at the least (a customer per client, ${STRIPE_PER_INVOICE} per invoice: create, add_lines, finalize; ${STRIPE_ONCE} once: tax rates and line product) = ${fmt(stripeBound)} s; ServiceM8 ${servicem8Min} reads = ${servicem8Bound.toFixed(2)} s`,
  );
  console.log(
    `  requests: Stripe ${m.first.stripe} (${(m.first.stripe / stripeMin).toFixed(3)} × the least; ${((m.first.stripe - m.clients) / m.jobs).toFixed(2)} per invoice besides customers; 429 answers ${m.first.stripe429}), ServiceM8 ${m.first.servicem8}`,
  );
  console.log(`  Stripe by route: ${routeList(m.first.stripeRoutes)}`);
  console.log(`  peak RSS: sync process ${fmt(m.first.peakRssMiB)} MiB; simulators process ${fmt(m.simulatorsRssMiB)} MiB at the end`);
  console.log(
    `  CPU time (does not depend on the load as the wall time does): sync ${fmt(m.first.cpuSeconds)} s, simulators ${fmt(m.first.simulatorsCpuSeconds)} s`,
  );
  console.log(
    `  the sync after it (reads back the events of its own writes): ServiceM8 ${m.echo.servicem8}, Stripe ${m.echo.stripe} requests in ${fmt(m.echo.seconds)} s (peak RSS ${fmt(m.echo.peakRssMiB)} MiB)`,
  );
  console.log(
    `  idle cycle with ${m.jobs} invoices: ${m.idle.servicem8 + m.idle.stripe} requests (ServiceM8 ${m.idle.servicem8}, Stripe ${m.idle.stripe}: ${routeList(m.idle.stripeRoutes)}) in ${fmt(m.idle.seconds)} s (peak RSS ${fmt(m.idle.peakRssMiB)} MiB)`,
  );
}

if (only === 'invoices') {
  const jobs = process.argv.includes('--jobs') ? Number(process.argv[process.argv.indexOf('--jobs') + 1]) : 20_000;
  printInvoices(await measureInvoices(jobs));
  process.exit(0);
}
if (only === 'event-loop') {
  printEventLoop(await measureServeEventLoop(10_000));
  process.exit(0);
}

function printEventLoop(d) {
  console.log(
    `Event-loop delay of the serve process during a first sync of ${d.clients} clients: p50 ${fmt(d.p50Ms)} ms, p99 ${fmt(d.p99Ms)} ms (goal p99 < 50 ms)`,
  );
  console.log(`  max ${fmt(d.maxMs)} ms over ${d.samples} samples at ${d.resolutionMs} ms resolution; the sync took ${fmt(d.seconds)} s`);
}

const small = await measure(100);
const large = await measure(10_000);
const line = (c) =>
  `${c.servicem8Requests + c.stripeRequests} requests (ServiceM8 ${c.servicem8Requests}, Stripe ${c.stripeRequests}) in ${fmt(c.seconds)} s`;
console.log('Requests per idle cycle (each sync is a new CLI process, which also reads the ServiceM8 account time zone once):');
for (const m of [small, large]) console.log(`  ${String(m.clients).padStart(6)} clients: ${line(m.idleCycle)}`);
console.log(
  "The sync right after the first one (it reads back the Stripe events of the first sync's own writes, 100 a page; writes nothing):",
);
for (const m of [small, large]) console.log(`  ${String(m.clients).padStart(6)} clients: ${line(m.echoCycle)}`);
// Each new client needs at least one Stripe write; at STRIPE_PER_SECOND that bounds the run.
const f = large.firstSync;
const lowerBound = Math.max(large.clients / STRIPE_PER_SECOND, f.servicem8Requests / (SM8_PER_MINUTE / 60));
console.log(`First sync of ${large.clients} clients (limits raised to ServiceM8 ${SM8_PER_MINUTE}/min, Stripe ${STRIPE_PER_SECOND}/s):`);
console.log(
  `  ${fmt(f.seconds)} s; lower bound ${fmt(lowerBound)} s (${large.clients} Stripe writes at ${STRIPE_PER_SECOND}/s); ratio ${(f.seconds / lowerBound).toFixed(3)}`,
);
console.log(`  requests: ServiceM8 ${f.servicem8Requests}, Stripe ${f.stripeRequests}; Stripe 429 answers: ${f.stripe429}`);
await benchFirstSync(); // 10,000 clients and 20,000 invoices through serve: time, RSS, event-loop delay
reconciliationBench();
machine();
await benchIdle();
await benchSmallChange();
await benchNaive();
printInvoices(await measureInvoices(20_000));
