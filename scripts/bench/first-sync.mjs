// `node scripts/bench.mjs --only first-sync [--clients N] [--jobs M]`: the first sync
// as the tray app runs it: `sm8sync serve` (the process that owns the UI's server; the
// sync runs in its worker thread) with N clients and M invoiced jobs on the simulators,
// started with Sync now through its API. One run gives the three figures issue 16
// names: the time against the rate-limit lower bound, the process's peak RSS (every
// thread, the worker's heap included) and the event-loop delay of its main thread.
// `--timeline` also prints, every 2 s, the Stripe requests a second, 429 answers, ServiceM8
// requests and each process's CPU: where a first sync stops sending, and why.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {
  SM8_PER_MINUTE,
  STRIPE_PER_SECOND,
  benchEnv,
  bin,
  firstSyncLowerBound,
  machineLine,
  profileArgs,
  sampleProcess,
  startSimulators,
} from './processes.mjs';

/** POST with no client timeout: a first sync of this size outlasts fetch's 300 s header wait. */
function post(url, token) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    });
    request.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (d) => (body += d));
      response.on('end', () => resolve(JSON.parse(body)));
    });
    request.on('error', reject);
    request.end('{}');
  });
}

/** Serve with the event-loop probe on, Sync now, and what the run cost. */
/** Every 2 s while `running` is pending: the requests each simulator got and the CPU each process used. */
async function printTimeline(sims, serve, running) {
  let done = false;
  void running.finally(() => (done = true));
  const t0 = performance.now();
  let previous = { at: t0, stats: await sims.stats(), serveCpu: serve.cpuSeconds() };
  console.log('  timeline:  t | Stripe/s | 429 | ServiceM8 | simulators CPU | serve CPU');
  while (!done) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    if (done) break;
    const now = { at: performance.now(), stats: await sims.stats(), serveCpu: serve.cpuSeconds() };
    const seconds = (now.at - previous.at) / 1000;
    const percent = (cpu) => `${Math.round((cpu / seconds) * 100)}%`;
    console.log(
      `  ${String(Math.round((now.at - t0) / 1000)).padStart(11)} | ${String(Math.round((now.stats.stripe - previous.stats.stripe) / seconds)).padStart(8)} | ${String(now.stats.stripeRateLimited - previous.stats.stripeRateLimited).padStart(3)} | ${String(now.stats.servicem8 - previous.stats.servicem8).padStart(9)} | ${percent((now.stats.cpuMicros - previous.stats.cpuMicros) / 1e6).padStart(14)} | ${percent(now.serveCpu - previous.serveCpu).padStart(9)}`,
    );
    previous = now;
  }
}

export async function serveFirstSync(clients, jobs = 0, extraArgs = [], timeline = false) {
  const sims = startSimulators(clients, jobs);
  const urls = await sims.ready;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-bench-'));
  const env = { ...process.env, ...benchEnv(urls, dataDir), SM8SYNC_MEASURE_EVENT_LOOP: '1' };
  const child = spawn(process.execPath, [...profileArgs, ...extraArgs, bin, 'serve', '--json'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const sampler = sampleProcess(child.pid);
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise((resolve) => child.on('close', resolve));
  try {
    const first = await new Promise((resolve, reject) => {
      readline.createInterface({ input: child.stdout }).once('line', resolve);
      child.once('close', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
    });
    const url = new URL(JSON.parse(first).url);
    const token = new URLSearchParams(url.hash.slice(1)).get('token');
    const before = await sims.stats();
    const started = performance.now();
    const running = post(new URL('/api/syncNow', url.origin), token);
    if (timeline) await printTimeline(sims, sampler, running);
    const body = await running;
    const seconds = (performance.now() - started) / 1000;
    const after = await sims.stats();
    if (!body.ok) throw new Error(`syncNow failed: ${JSON.stringify(body.error)}`);
    const created = (entity) => body.value.entities.find((e) => e.entity === entity)?.created.stripe ?? 0;
    if (created('client') !== clients) throw new Error(`first sync created ${created('client')} customers, expected ${clients}`);
    if (created('invoice') !== jobs) throw new Error(`first sync created ${created('invoice')} invoices, expected ${jobs}`);
    const usage = sampler.stop();
    child.kill('SIGTERM');
    await exited;
    const line = err.split('\n').find((l) => l.startsWith('{"eventLoopDelay"'));
    if (!line) throw new Error(`serve printed no event-loop figures: ${err}`);
    return {
      clients,
      jobs,
      seconds,
      ...usage,
      servicem8: after.servicem8 - before.servicem8,
      stripe: after.stripe - before.stripe,
      stripe429: after.stripeRateLimited - before.stripeRateLimited,
      eventLoop: JSON.parse(line).eventLoopDelay,
    };
  } finally {
    sampler.stop();
    child.kill('SIGTERM');
    await exited;
    await sims.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fmt = (n) => n.toFixed(1);

export async function benchFirstSync(clients = 10_000, jobs = 20_000, timeline = false) {
  const loadBefore = machineLine();
  const m = await serveFirstSync(clients, jobs, [], timeline);
  const bound = firstSyncLowerBound(clients, jobs);
  const ratio = m.seconds / bound.seconds;
  const loop = m.eventLoop;
  console.log(`First sync through serve, machine: ${loadBefore} (before); ${machineLine()} (after)`);
  console.log(
    `  ${clients} clients and ${jobs} invoiced jobs (limits raised for the run: Stripe ${STRIPE_PER_SECOND}/s, ServiceM8 ${SM8_PER_MINUTE}/min)`,
  );
  console.log(
    `  time ${fmt(m.seconds)} s; lower bound ${fmt(bound.seconds)} s (Stripe ${bound.stripeMin} requests at the least); ratio ${ratio.toFixed(3)} (goal ≤ 1.10)`,
  );
  console.log(`  peak RSS of the serve process (main thread and sync worker): ${fmt(m.peakRssMiB)} MiB (goal < 400 MB = 381.5 MiB)`);
  console.log(
    `  event-loop delay of its main thread: p50 ${fmt(loop.p50Ms)} ms, p99 ${fmt(loop.p99Ms)} ms (goal < 50 ms), max ${fmt(loop.maxMs)} ms over ${loop.samples} samples`,
  );
  console.log(
    `  requests: Stripe ${m.stripe} (${(m.stripe / bound.stripeMin).toFixed(3)} × the least; 429 answers ${m.stripe429}), ServiceM8 ${m.servicem8}; CPU ${fmt(m.cpuSeconds)} s`,
  );
  return { ...m, ratio, lowerBoundSeconds: bound.seconds };
}
