// The chaos harness. Per trial: both simulators (in this process), a seeded workload
// from every pair (workloads/index.ts), a clean first sync, then `rounds` syncs of the
// real CLI as subprocesses, each killed with SIGKILL at a random moment while the
// simulators inject faults and people edit both sides during and between syncs; then
// one sync run to completion under the faults, and faults off and syncs until nothing
// is left to do. The final state of both sides is
// compared field by field with a fault-free, never-killed run of the same workload.
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRandom } from '../../src/main/simulators/shared/random';
import { compare, type Comparison, type Outcome } from './compare';
import type { Entity, OpenConflict, PairScript } from './workload';
import { WORKLOADS } from './workloads/index';
import { CHAOS_FAULTS, NO_FAULTS, totalFaults, World, type FaultCounts, type FaultPlan } from './world';

const ROOT = path.resolve(import.meta.dirname, '../..');
// SM8SYNC_CHAOS_BIN runs a frozen copy of the built CLI (a long run while the tree is rebuilt).
const BIN = process.env.SM8SYNC_CHAOS_BIN ?? path.join(ROOT, 'bin', 'sm8sync.cjs');
const MAX_SETTLE_SYNCS = 12;
const MAX_RETRY_WAIT_MS = 65_000;

export interface ChaosOptions {
  trials: number;
  seed: number;
  /** Clients per side (per pair: each workload scales with it). */
  size: number;
  rounds: number;
  /** Distinct workloads; trial i runs workload i mod this, each with its own reference run. */
  workloads: number;
  faults?: FaultPlan;
  /** No trial starts after this many ms from the start (the run stays bounded; the figures say how many ran). */
  maxMs?: number;
  log?: (line: string) => void;
}

export interface TrialResult extends Comparison {
  trial: number;
  /** Open questions the reference run ended with (each must be in the trial's final state too). */
  conflicts: number;
  killed: number;
  faultsInjected: number;
  faultsByKind: FaultCounts;
  seconds: number;
}

export interface ChaosFigures {
  trials: number;
  seed: number;
  killed: number;
  faultsInjected: number;
  faultsByKind: FaultCounts;
  duplicates: number;
  lost: number;
  differences: number;
  conflictsUnaccounted: number;
  diverged: number;
  referenceDiverged: number;
  conflictsCompared: number;
  /** Records compared field by field, per pair (both sides, all trials). */
  recordsCompared: Record<string, number>;
  seconds: number;
  failures: TrialResult[];
}

interface SyncExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  ms: number;
}

function startSync(env: NodeJS.ProcessEnv): { kill(): void; done: Promise<SyncExit> } {
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'sync', '--json'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.resume();
  const done = new Promise<SyncExit>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, ms: performance.now() - started })),
  );
  return { kill: () => child.kill('SIGKILL'), done };
}

function readDb<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, 'sm8sync.sqlite'), { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Syncs (no faults, no kill) until a cycle plans nothing and no write is waiting; waits out retry times. */
async function settle(env: NodeJS.ProcessEnv, dataDir: string): Promise<void> {
  for (let i = 0; i < MAX_SETTLE_SYNCS; i += 1) {
    const run = await startSync(env).done;
    const plan = run.code === 0 ? ((JSON.parse(run.stdout) as { plan: unknown[] }).plan ?? []) : [null];
    const waiting = readDb(dataDir, (db) =>
      db.prepare(`SELECT count(*) AS n, min(next_attempt_at) AS at FROM outbox WHERE state IN ('pending', 'sent')`).get(),
    ) as { n: number; at: string | null };
    if (run.code === 0 && plan.length === 0 && waiting.n === 0) return;
    if (waiting.n > 0 && waiting.at) {
      const wait = Math.min(MAX_RETRY_WAIT_MS, Date.parse(waiting.at) - Date.now());
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 50));
    }
  }
  throw new Error(`chaos: ${dataDir} did not settle within ${MAX_SETTLE_SYNCS} syncs`);
}

interface ConflictRow {
  kind: string;
  servicem8_id: string | null;
  stripe_id: string | null;
  field: string | null;
  servicem8_value_json: string | null;
  stripe_value_json: string | null;
  candidates_json: string | null;
}

/** Open questions in the workload's keys, so two runs' questions compare. */
function openConflicts(dataDir: string, entities: Entity[]): { keys: string[]; open: OpenConflict[] } {
  const keyOf = (side: string, id: string | null) => (id ? (entities.find((e) => e.side === side && e.id === id)?.key ?? `?${id}`) : '-');
  const rows = readDb(dataDir, (db) => db.prepare(`SELECT * FROM conflicts WHERE state = 'open'`).all() as ConflictRow[]);
  const open = rows.map((r) => ({
    kind: r.kind,
    servicem8Key: keyOf('servicem8', r.servicem8_id),
    stripeKey: keyOf('stripe', r.stripe_id),
    field: r.field ?? '-',
  }));
  // A question's values name records and times of this run (a refund's id, when a card was paid):
  // in the workload's keys, with times and unknown API ids as placeholders, so two runs' questions compare.
  const ids = new Map(entities.map((e) => [e.id, e.key]));
  const normal = (json: string | null): string | null => {
    if (json === null) return null;
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string')
        return (
          ids.get(v) ?? (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v) ? '<time>' : /^[a-z]{2,5}_[A-Za-z0-9]{8,}$/.test(v) ? '<stripe id>' : v)
        );
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return JSON.stringify(walk(JSON.parse(json)));
  };
  const keys = rows.map((r) => {
    const candidates = ((JSON.parse(r.candidates_json ?? '[]') as { side: string; id: string }[]) ?? [])
      .map((c) => keyOf(c.side, c.id))
      .sort();
    return [
      r.kind,
      keyOf('servicem8', r.servicem8_id),
      keyOf('stripe', r.stripe_id),
      r.field ?? '-',
      normal(r.servicem8_value_json),
      normal(r.stripe_value_json),
      candidates.join(','),
    ].join('|');
  });
  return { keys, open };
}

export interface RunSpec {
  workloadSeed: number;
  options: ChaosOptions;
  /** Null for the reference run: no faults, never killed, edits at the start of the sync. */
  chaos: { rng: () => number; faults: FaultPlan; windowMs: number[]; roundRequests: number[]; faultSeed: number } | null;
}

export interface RunResult {
  outcome: Outcome;
  scripts: PairScript[];
  roundMs: number[];
  /** ServiceM8 requests seen during each round (the sync's and the people's). */
  roundRequests: number[];
  killed: number;
  faults: FaultCounts;
}

export async function runWorkload(spec: RunSpec): Promise<RunResult> {
  // Each trial draws its own faults (seeded by the trial), not the same sequence for every trial of a workload.
  const world = await World.start(spec.chaos?.faultSeed ?? spec.workloadSeed);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sm8sync-chaos-'));
  const env = world.env(dataDir);
  const scripts = WORKLOADS.map((w, i) =>
    w.script(seededRandom(spec.workloadSeed * 31 + i), { size: spec.options.size, rounds: spec.options.rounds }),
  );
  try {
    for (const s of scripts) await s.seed(world);
    await settle(env, dataDir);
    for (const s of scripts) await s.afterFirstSync(world);
    world.setFaults(spec.chaos?.faults ?? NO_FAULTS);
    const roundMs: number[] = [];
    const roundRequests: number[] = [];
    let killed = 0;
    for (let round = 0; round < spec.options.rounds; round += 1) {
      const sync = startSync(env);
      const window = spec.chaos?.windowMs[round] ?? 0;
      const duringAt = spec.chaos ? spec.chaos.rng() * window : 0;
      const requestsAtStart = world.servicem8.stats.requests;
      const killAt = spec.chaos ? spec.chaos.rng() * window : Infinity;
      const during = new Promise<void>((resolve, reject) =>
        setTimeout(() => void Promise.all(scripts.map((s) => s.during(world, round))).then(() => resolve(), reject), duringAt),
      );
      let killer: NodeJS.Timeout | undefined;
      if (spec.chaos && round === 0) {
        // The first round's kill waits on state, not time: once ServiceM8 has seen k requests of this round (k drawn
        // up to half of the reference round's), so every trial kills a sync mid-flight. A later round's kill is
        // timed and may come after its sync ended (then it ran to completion).
        const k = 1 + Math.floor(spec.chaos.rng() * Math.max(1, (spec.chaos.roundRequests[0] ?? 2) / 2));
        killer = setInterval(() => {
          if (world.servicem8.stats.requests - requestsAtStart >= k) sync.kill();
        }, 5);
      } else if (Number.isFinite(killAt)) killer = setTimeout(() => sync.kill(), killAt);
      const exit = await sync.done;
      clearTimeout(killer);
      roundRequests.push(world.servicem8.stats.requests - requestsAtStart);
      await during;
      if (exit.signal === 'SIGKILL') killed += 1;
      roundMs.push(exit.ms);
      for (const s of scripts) await s.between(world, round);
    }
    // Then one sync runs to completion under the same faults (never killed), before they are switched off.
    if (spec.chaos) await startSync(env).done;
    world.setFaults(NO_FAULTS);
    await settle(env, dataDir);
    const entities = (await Promise.all(scripts.map((s) => s.snapshot(world)))).flat();
    const refused = readDb(
      dataDir,
      (db) =>
        db.prepare(`SELECT operation, attempts, last_error FROM outbox WHERE state = 'failed'`).all() as {
          operation: string;
          attempts: number;
          last_error: string;
        }[],
    ).map((r) => `${r.operation} after ${r.attempts} attempts: ${r.last_error}`);
    const conflicts = openConflicts(dataDir, entities);
    return {
      outcome: { entities, conflicts: conflicts.keys, open: conflicts.open, refused },
      scripts,
      roundMs,
      roundRequests,
      killed,
      faults: world.faultsInjected(),
    };
  } finally {
    await world.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function runChaos(options: ChaosOptions): Promise<ChaosFigures> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const references = new Map<number, RunResult>();
  const results: TrialResult[] = [];
  const recordsCompared: Record<string, number> = {};
  for (let trial = 0; trial < options.trials; trial += 1) {
    if (options.maxMs !== undefined && performance.now() - started > options.maxMs) {
      log(`time budget of ${Math.round(options.maxMs / 60_000)} min spent: stopping after ${trial} trials`);
      break;
    }
    const workloadSeed = options.seed + (trial % options.workloads);
    let reference = references.get(workloadSeed);
    if (!reference) {
      reference = await runWorkload({ workloadSeed, options, chaos: null });
      references.set(workloadSeed, reference);
    }
    const trialStarted = performance.now();
    const rng = seededRandom(options.seed * 7919 + trial);
    // A faulty sync is slower than the reference's (retries with backoff): kill within 2× its time.
    const windowMs = reference.roundMs.map((ms) => Math.max(200, ms * 2));
    const run = await runWorkload({
      workloadSeed,
      options,
      chaos: {
        rng,
        faults: options.faults ?? CHAOS_FAULTS,
        windowMs,
        roundRequests: reference.roundRequests,
        faultSeed: options.seed * 104_729 + trial,
      },
    });
    const intents = run.scripts.flatMap((s) => s.intents);
    const twoWay = Object.fromEntries(run.scripts.map((s, i) => [WORKLOADS[i]!.name, s.twoWay]));
    const result: TrialResult = {
      trial,
      killed: run.killed,
      faultsInjected: totalFaults(run.faults),
      faultsByKind: run.faults,
      seconds: (performance.now() - trialStarted) / 1000,
      conflicts: reference.outcome.conflicts.length,
      ...compare(run.outcome, reference.outcome, intents, twoWay),
    };
    results.push(result);
    for (const e of reference.outcome.entities) recordsCompared[e.pair] = (recordsCompared[e.pair] ?? 0) + 1;
    log(
      `trial ${trial + 1}/${options.trials}: killed ${result.killed}/${options.rounds}, faults ${result.faultsInjected}, duplicates ${result.duplicates}, lost ${result.lost}, differences ${result.differences} (${result.seconds.toFixed(1)} s)`,
    );
    for (const line of result.details.slice(0, 20)) log(`    ${line}`);
  }
  const sum = (f: (r: TrialResult) => number) => results.reduce((n, r) => n + f(r), 0);
  return {
    trials: results.length,
    seed: options.seed,
    killed: sum((r) => r.killed),
    faultsInjected: sum((r) => r.faultsInjected),
    faultsByKind: {
      serverErrors: sum((r) => r.faultsByKind.serverErrors),
      rateLimited: sum((r) => r.faultsByKind.rateLimited),
      droppedAfterWrite: sum((r) => r.faultsByKind.droppedAfterWrite),
      timeouts: sum((r) => r.faultsByKind.timeouts),
    },
    duplicates: sum((r) => r.duplicates),
    lost: sum((r) => r.lost),
    differences: sum((r) => r.differences),
    conflictsUnaccounted: sum((r) => r.conflictsUnaccounted),
    diverged: sum((r) => r.diverged),
    referenceDiverged: sum((r) => r.referenceDiverged),
    conflictsCompared: sum((r) => r.conflicts),
    recordsCompared,
    seconds: (performance.now() - started) / 1000,
    failures: results.filter((r) => r.duplicates + r.lost + r.differences > 0),
  };
}
