// What the app service needs from the sync engine and the connectors, as small
// interfaces: the engine and connectors implement them; the app service and its
// transports depend only on these.
import type { ConnectionTest, SyncResult } from '../../../shared/api';

export interface RunProgress {
  startedAt: string;
  phase: string;
  entity: string | null;
  done: number;
  total: number | null;
}

export interface SyncRunner {
  /** One full cycle. Cycles never overlap: a call while one runs waits for it and returns its result. */
  runCycle(options: { dryRun: boolean; trigger: 'manual' | 'schedule' | 'resume' | 'cli' | 'startup' }): Promise<SyncResult>;
  /** The cycle in progress, if any. */
  progress(): RunProgress | null;
  /** Requests made to ServiceM8 in the last minute and the last day, against the budget. */
  rateBudget(): { usedLastMinute: number; perMinute: number; usedToday: number; perDay: number };
}

export interface ConnectionTester {
  /** Calls the service with the given credential (not yet saved) and says whether it works. */
  test(service: 'servicem8' | 'stripe', secret: string): Promise<ConnectionTest>;
  /** The endpoint each service is reached at (from SERVICEM8_BASE_URL / STRIPE_BASE_URL). */
  endpoint(service: 'servicem8' | 'stripe'): string;
}
