// What the app service needs from the sync engine and the connectors, as small
// interfaces: the engine and connectors implement them; the app service and its
// transports depend only on these.
import type { ConnectionTest, Status, SyncResult } from '../../../shared/api';
import type { PairDefinition } from '../sync/engine/pair-definition';

/** The cycle in progress, as the status shows it. */
export type RunProgress = NonNullable<Status['running']>;

/** What started a cycle (kept on the run record). */
export type CycleTrigger = 'manual' | 'schedule' | 'resume' | 'startup' | 'cli';
/** The triggers of scheduled and wake-up runs. */
export type BackgroundTrigger = Exclude<CycleTrigger, 'manual' | 'cli'>;

export interface SyncRunner {
  /** The pairs this runner syncs, in cycle order: what the views, the CLI and the UI read. */
  readonly pairs: readonly PairDefinition[];
  /** One full cycle. Cycles never overlap: a call while one runs waits for it and returns its result. */
  runCycle(options: { dryRun: boolean; trigger: CycleTrigger }): Promise<SyncResult>;
  /** The cycle in progress, if any. */
  progress(): RunProgress | null;
  /** Requests made to ServiceM8 in the last minute and the last day, against the budget. */
  rateBudget(): Status['rateBudget']['servicem8'];
}

export interface ConnectionTester {
  /** Calls the service with the given credential (not yet saved) and says whether it works. */
  test(service: 'servicem8' | 'stripe', secret: string): Promise<ConnectionTest>;
  /** The endpoint each service is reached at (from SERVICEM8_BASE_URL / STRIPE_BASE_URL). */
  endpoint(service: 'servicem8' | 'stripe'): string;
}
