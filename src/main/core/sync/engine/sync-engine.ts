// One sync cycle over every entity pair, in order: finish what a crash left in the
// outbox, then per pair pull → plan → persist (plan + cursors in one transaction,
// plan-pair.ts) → apply → record. Cycles never overlap. A dry run stops at the plan; a
// read the service refuses for a while pauses the cycle (cycle-pause.ts).
import type { SyncResult } from '../../../../shared/api';
import type { Settings } from '../../../../shared/settings';
import type { CycleTrigger, RunProgress, SyncRunner } from '../../app/ports';
import { createLogger } from '../../logging/logger';
import type { Store } from '../../store/store';
import { applyOutbox, type HeldSides } from './apply-outbox';
import { CycleFeeds, type ChangeFeed } from './change-feed';
import { finishPaused } from './cycle-pause';
import type { CycleLock } from './cycle-lock';
import { lastReaders, planPair, type PairTurn } from './plan-pair';
import { SingleFlight } from './single-flight';
import { orderPairs, type CycleContext, type SyncPair } from './sync-pair';
import { EntityCounters } from './summary';

const log = createLogger('sync/engine');

export interface SyncEngineDeps {
  store: Store;
  pairs: SyncPair[];
  /** Shared change feeds (Stripe's events) the pairs declare they read. */
  feeds?: ChangeFeed[];
  settings: () => Settings;
  rateBudget: SyncRunner['rateBudget'];
  clock?: () => Date;
  /** Outbox items applied at once per cycle (requests still pass each connector's rate limiter). */
  concurrency?: number;
  /** Keeps other processes from syncing the same data folder at the same time. */
  lock?: CycleLock;
  onProgress?: (progress: RunProgress) => void;
}

export class SyncEngine implements SyncRunner {
  private readonly flight = new SingleFlight<SyncResult>();
  private current: RunProgress | null = null;
  private readonly clock: () => Date;
  private readonly ordered: SyncPair[];

  constructor(private readonly deps: SyncEngineDeps) {
    this.clock = deps.clock ?? (() => new Date());
    this.ordered = orderPairs(deps.pairs);
  }

  get pairs() {
    return this.ordered.map((p) => p.definition);
  }

  progress(): RunProgress | null {
    return this.current;
  }

  rateBudget(): ReturnType<SyncRunner['rateBudget']> {
    return this.deps.rateBudget();
  }

  runCycle(options: { dryRun: boolean; trigger: CycleTrigger; signal?: AbortSignal }): Promise<SyncResult> {
    return this.flight.run(async () => {
      const held = this.deps.lock?.acquire() ?? null;
      if (held) {
        const now = this.clock().toISOString();
        const who = held.heldBy > 0 ? ` (process ${held.heldBy})` : '';
        return {
          runId: 0,
          dryRun: options.dryRun,
          state: 'skipped',
          startedAt: now,
          finishedAt: now,
          entities: [],
          plan: [],
          error: `Another sm8sync${who} is syncing this data folder; this sync was skipped.`,
        };
      }
      try {
        return await this.cycle(options);
      } finally {
        this.deps.lock?.release();
      }
    });
  }

  private async cycle(options: { dryRun: boolean; trigger: string; signal?: AbortSignal }): Promise<SyncResult> {
    const { store } = this.deps;
    const startedAt = this.clock().toISOString();
    const run = store.runs.start(options.trigger, options.dryRun);
    const counters = new EntityCounters(this.ordered.map((p) => p.definition.entity));
    const signal = options.signal ?? new AbortController().signal;
    const sources = this.deps.feeds ?? [];
    const feeds = new CycleFeeds(new Map(sources.map((f) => [f.name, f])), feedTypes(this.ordered), store.cursors, signal);
    const plan: SyncResult['plan'] = [];
    const context: CycleContext = {
      runId: run.id,
      dryRun: options.dryRun,
      settings: this.deps.settings(),
      signal,
      now: this.clock,
      feed: (name) => feeds.read(name),
      progress: (phase, entity, done, total) => {
        this.current = { startedAt, phase, entity, done, total };
        this.deps.onProgress?.(this.current);
      },
    };
    const pairsByEntity = new Map(this.ordered.map((p) => [p.definition.entity, p]));
    const lastReader = lastReaders(this.ordered);
    const turn: PairTurn = {
      store,
      clock: this.clock,
      sources,
      context,
      counters,
      plan,
      feeds,
      lastReader,
      runId: run.id,
      dryRun: options.dryRun,
    };
    // Sides whose writes this cycle found refusing everything (the daily limit): the rest wait unsent.
    const held: HeldSides = new Map();
    let active: SyncPair | undefined = this.ordered[0];
    try {
      if (!options.dryRun) {
        const recovered = store.outbox.recoverInFlight();
        if (recovered > 0) log.warn({ recovered }, 'resuming writes left in flight by an interrupted run');
        await applyOutbox(store, pairsByEntity, context, counters, this.deps.concurrency, this.clock, held);
      }
      for (const [index, pair] of this.ordered.entries()) {
        active = pair;
        await planPair(pair, turn);
        if (options.dryRun) continue;
        // The next pair's own reads go on while these writes wait on the rate limit.
        this.ordered[index + 1]?.readAhead?.(context);
        await applyOutbox(store, pairsByEntity, context, counters, this.deps.concurrency, this.clock, held);
      }
      const entities = counters.summaries();
      store.runs.finish(run.id, { state: 'completed', summary: { entities, planned: plan.length } });
      return {
        runId: run.id,
        dryRun: options.dryRun,
        state: 'completed',
        startedAt,
        finishedAt: this.clock().toISOString(),
        entities,
        plan,
        error: null,
      };
    } catch (error) {
      const failure = active?.classify(error);
      // A read refused because the service refuses everything for a while (ServiceM8's daily
      // limit) pauses the whole cycle here; it completes. What ran before stays done (writes
      // left by earlier cycles, earlier pairs, each committed with its cursors). This pair
      // persisted nothing, so no cursor moved past what it could not read, and the pairs after
      // it wait too: they need this pair's links (dependsOn), their own ServiceM8 reads would
      // be refused the same way, and the shared Stripe events cursor only advances once every
      // reader has seen the batch, so going on without this pair could skip its events.
      // A dry run cannot show the whole plan without the reads, so it still fails.
      if (failure?.pause && !options.dryRun)
        return finishPaused(store.runs, { runId: run.id, startedAt, entities: counters.summaries(), plan }, failure, this.clock);
      const message = failure ? failure.message : (error as Error).message;
      log.error({ err: error, runId: run.id }, 'sync cycle failed');
      store.runs.finish(run.id, { state: 'failed', summary: { entities: counters.summaries() }, error: message });
      return {
        runId: run.id,
        dryRun: options.dryRun,
        state: 'failed',
        startedAt,
        finishedAt: this.clock().toISOString(),
        entities: counters.summaries(),
        plan,
        error: message,
      };
    } finally {
      this.current = null;
    }
  }
}

/** Per feed, the union of the event types its readers declare. */
function feedTypes(pairs: SyncPair[]): Map<string, string[]> {
  const types = new Map<string, string[]>();
  for (const pair of pairs)
    for (const [name, wanted] of Object.entries(pair.definition.feeds ?? {}))
      types.set(name, [...new Set([...(types.get(name) ?? []), ...wanted])]);
  return types;
}
