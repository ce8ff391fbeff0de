// What the bench's parts share: the simulators' process (scripts/bench/simulators.ts,
// seeded, with the rate limits raised for the run), the environment a sync process
// is pointed at them with, a sampler of a child process's peak memory and CPU time,
// and the rate-limit lower bound of a first sync.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { pathToFileURL } from 'node:url';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const bin = path.join(root, 'bin', 'sm8sync.cjs');
export const SM8_PER_MINUTE = 60_000; // raised from 180 so the run ends in minutes; the ratio is what counts
export const STRIPE_PER_SECOND = 250; // raised from 25 for the same reason

// SM8SYNC_BENCH_CPU_PROF=<dir>: every process the bench starts writes a V8 CPU profile there.
const profileDir = process.env.SM8SYNC_BENCH_CPU_PROF;
export const profileArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];

export function startSimulators(clients, jobs = 0) {
  const child = spawn(
    process.execPath,
    [
      // tsx's loader in this process (not its CLI, which runs the script in a child), so a profile sees the simulators.
      ...profileArgs,
      '--import',
      pathToFileURL(path.join(root, 'node_modules', 'tsx', 'dist', 'esm', 'index.mjs')).href,
      path.join(root, 'scripts', 'bench', 'simulators.ts'),
      '--clients',
      String(clients),
      '--jobs',
      String(jobs),
      '--sm8-per-minute',
      String(SM8_PER_MINUTE),
      '--stripe-per-second',
      String(STRIPE_PER_SECOND),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = readline.createInterface({ input: child.stdout });
  const queue = [];
  lines.on('line', (line) => queue.shift()?.(JSON.parse(line)));
  const next = () => new Promise((resolve) => queue.push(resolve));
  return {
    ready: next(),
    stats: () => {
      const answer = next();
      child.stdin.write('stats\n');
      return answer;
    },
    stop: () =>
      new Promise((resolve) => {
        child.on('exit', resolve);
        child.stdin.end('exit\n');
      }),
  };
}

export function benchEnv(urls, dataDir) {
  return {
    SERVICEM8_BASE_URL: urls.servicem8,
    STRIPE_BASE_URL: urls.stripe,
    SERVICEM8_API_KEY: 'sm8-demo-key',
    STRIPE_API_KEY: 'sk_test_benchKey123456',
    SM8SYNC_DATA_DIR: dataDir,
    SM8SYNC_SERVICEM8_REQUESTS_PER_MINUTE: String(SM8_PER_MINUTE),
    SM8SYNC_STRIPE_REQUESTS_PER_SECOND: String(STRIPE_PER_SECOND),
  };
}

/**
 * Peak resident memory (Linux: VmHWM, which covers every thread, the sync worker's
 * included) and CPU time (utime + stime) of a child process, sampled every 100 ms
 * until stop() (the last 100 ms of CPU may be missed).
 */
export function sampleProcess(pid) {
  let peakRssKiB = 0;
  let cpuTicks = 0;
  const sample = () => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peakRssKiB = Math.max(peakRssKiB, Number(match[1]));
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpuTicks = Number(fields[11]) + Number(fields[12]);
    } catch {
      // Gone, or not Linux: keep the last sample.
    }
  };
  const timer = setInterval(sample, 100);
  return {
    /** CPU seconds so far (the last 100 ms sample). */
    cpuSeconds: () => cpuTicks / 100,
    stop() {
      sample();
      clearInterval(timer);
      return { peakRssMiB: peakRssKiB / 1024, cpuSeconds: cpuTicks / 100 };
    },
  };
}

// The rate-limit lower bound of a first sync of invoiced jobs: the fewest requests the
// job needs on each side, at each API's limit, the two sides overlapping perfectly (so
// the larger one is the bound). Stripe, on an empty account: a customer per client;
// per invoice the draft, every line in one add_lines call and the finalization (no
// Stripe API makes an invoice with its lines in fewer); once for the account, the
// two GST rates and the product unit-priced lines belong to, each found by a list and
// then created. Reads of the (empty) lists and of events are not counted: a bound
// that leaves them out is only lower. ServiceM8: every page of each object the sync
// reads (5,000 records a page): companies, contacts, jobs, materials (two a job), and
// one page each of tax rates, categories, staff and job payments.
export const STRIPE_PER_INVOICE = 3;
export const STRIPE_ONCE = 2 + 1 + 1 + 1; // tax rates: 2 creates + 1 list; the line product: 1 list + 1 create
const SERVICEM8_PAGE = 5000;
const servicem8Reads = (clients, jobs) =>
  [clients, clients, jobs, 2 * jobs].reduce((n, records) => n + Math.max(1, Math.ceil(records / SERVICEM8_PAGE)), 4);

export function firstSyncLowerBound(clients, jobs) {
  const stripeMin = clients + jobs * STRIPE_PER_INVOICE + STRIPE_ONCE;
  const stripeSeconds = stripeMin / STRIPE_PER_SECOND;
  const servicem8Min = servicem8Reads(clients, jobs);
  const servicem8Seconds = servicem8Min / (SM8_PER_MINUTE / 60);
  return { stripeMin, stripeSeconds, servicem8Min, servicem8Seconds, seconds: Math.max(stripeSeconds, servicem8Seconds) };
}

export function machineLine() {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  return `${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB memory, load average ${load}`;
}
