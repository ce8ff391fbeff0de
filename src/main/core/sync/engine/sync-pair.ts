// The contract between the generic engine and one entity pair. A pair declares itself
// (pair-definition.ts), reads and plans (prepare), and carries out its own operations;
// the engine persists the plan with the cursors in one transaction, applies the outbox
// and records the results.
import type { Settings } from '../../../../shared/settings';
import type { Side } from '../../store/repositories/mirror-repository';
import type { NewConflict } from '../../store/repositories/conflicts-repository';
import type { ClassifiedFailure } from './failure';
import type { FeedBatch } from './change-feed';
import type { OperationHandler, PairDefinition } from './pair-definition';
import type { PairPlan } from './plan-types';

export interface CycleContext {
  runId: number;
  dryRun: boolean;
  settings: Settings;
  signal: AbortSignal;
  now(): Date;
  progress(phase: string, entity: string | null, done: number, total: number | null): void;
  /** A shared change feed (e.g. Stripe's events), read once per cycle for every pair that declares it. */
  feed(name: string): Promise<FeedBatch>;
}

export interface PreparedPair {
  plan: PairPlan;
  pulled: { servicem8: number; stripe: number };
  quarantined: number;
  /** Saves what was read (mirror, quarantine, cursors). Called inside the plan transaction. */
  persist(): void;
}

export interface MirrorWrite {
  side: Side;
  object: string;
  id: string;
  record: unknown;
  editedAt: string | null;
  active: boolean;
}

/** What one applied outbox item changed, for the engine to record atomically. */
export interface AppliedWrite {
  servicem8Id: string;
  stripeId: string;
  /** A link to create (first write of a new pair) or to re-point (replaced record). */
  link?: { mode: 'create' | 'repoint'; servicem8EditedAt: string | null; stripeEditedAt: string | null };
  linkState?: 'active' | 'archived';
  /** Field values both sides now hold: merged into the merge base. */
  base: Record<string, unknown>;
  mirror: MirrorWrite[];
  before: unknown;
  after: unknown;
  conflictIds: number[];
  /** Questions found while writing (e.g. the target changed since planning): raised with the result. */
  raised?: NewConflict[];
  result: unknown;
}

export interface SyncPair {
  definition: PairDefinition;
  prepare(context: CycleContext): Promise<PreparedPair>;
  /**
   * Optional: start the reads prepare() will make that nothing the pairs before this one
   * write can change (the engine calls it as the previous pair's writes start going out).
   * prepare() takes them if the cycle and cursors are still the ones they were started with.
   */
  readAhead?(context: CycleContext): void;
  /** One handler per operation the definition declares. */
  handlers: Record<string, OperationHandler<never>>;
  /** Classifies an error thrown by a handler or prepare() for the target it came from. */
  classify(error: unknown): ClassifiedFailure;
}

/** Pairs in the order a cycle runs them: every pair after the pairs it depends on. */
export function orderPairs(pairs: SyncPair[]): SyncPair[] {
  const byEntity = new Map(pairs.map((p) => [p.definition.entity, p]));
  const ordered: SyncPair[] = [];
  const visiting = new Set<string>();
  const visit = (pair: SyncPair) => {
    const { entity, dependsOn } = pair.definition;
    if (ordered.includes(pair)) return;
    if (visiting.has(entity)) throw new Error(`sync pairs depend on each other in a circle (at "${entity}")`);
    visiting.add(entity);
    for (const name of dependsOn) {
      const dependency = byEntity.get(name);
      if (!dependency) throw new Error(`sync pair "${entity}" depends on "${name}", which is not configured`);
      visit(dependency);
    }
    visiting.delete(entity);
    ordered.push(pair);
  };
  for (const pair of pairs) visit(pair);
  return ordered;
}
