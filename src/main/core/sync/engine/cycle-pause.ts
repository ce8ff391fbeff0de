// A cycle paused, not failed: a read was refused because the service refuses every
// request for a while (ServiceM8's daily request limit). The run is recorded as
// completed with the pause in its summary, so Status can say when syncing tries again,
// the scheduler can wait until then, and the next cycle that gets through clears it.
import type { SyncResult } from '../../../../shared/api';
import { createLogger } from '../../logging/logger';
import type { SyncRun, SyncRunsRepository } from '../../store/repositories/sync-runs-repository';
import type { ClassifiedFailure } from './failure';

const log = createLogger('sync/engine');

export interface CyclePause {
  /** When the next cycle may try again (ISO instant). */
  until: string;
  /** The refusal, as the connector's classifier words it. */
  reason: string;
}

/** The pause a run ended in, or null (a run that got through, failed, or is still running). */
export function pauseOf(run: Pick<SyncRun, 'state' | 'summary'> | null): CyclePause | null {
  if (run?.state !== 'completed' || typeof run.summary !== 'object' || run.summary === null) return null;
  const paused = (run.summary as { paused?: unknown }).paused as Partial<CyclePause> | undefined;
  return typeof paused?.until === 'string' && typeof paused.reason === 'string' ? { until: paused.until, reason: paused.reason } : null;
}

/** The pause of the latest finished real (not dry) run, if it ended in one. */
export function currentPause(runs: { list(limit: number): SyncRun[] }): CyclePause | null {
  return pauseOf(runs.list(10).find((run) => run.state !== 'running' && !run.dryRun) ?? null);
}

/** Records the run as paused by `failure` (completed, the pause in its summary) and gives the cycle's result. */
export function finishPaused(
  runs: Pick<SyncRunsRepository, 'finish'>,
  run: { runId: number; startedAt: string; entities: SyncResult['entities']; plan: SyncResult['plan'] },
  failure: Pick<ClassifiedFailure, 'message' | 'retryAfterMs'>,
  clock: () => Date,
): SyncResult {
  const { runId, startedAt, entities, plan } = run;
  const paused: CyclePause = {
    until: new Date(clock().getTime() + (failure.retryAfterMs ?? 0)).toISOString(),
    reason: failure.message,
  };
  log.warn({ runId, ...paused }, 'sync cycle paused: the service refuses requests for now');
  runs.finish(runId, { state: 'completed', summary: { entities, planned: plan.length, paused } });
  // The result keeps the `sync --json` shape (no field for the pause; error stays null as for any completed cycle): Status carries it.
  return { runId, dryRun: false, state: 'completed', startedAt, finishedAt: clock().toISOString(), entities, plan, error: null };
}
