// Runs sync cycles as a timeout chain (GitHub Desktop's background-fetcher pattern):
// the next run is scheduled only after the previous one finished, never closer than a
// minimum interval, with a little random skew so many machines do not hit the APIs in
// lock-step. stop() is final; runNow() (Sync now, resume from sleep) restarts the chain.
// Runtime-agnostic (plain timers): tests drive it with Vitest's fake timers.
import type { BackgroundTrigger } from './ports';

export interface SyncSchedulerOptions {
  /** One cycle. Errors are reported to onError and never break the chain. */
  run: (trigger: BackgroundTrigger) => Promise<unknown>;
  /** Milliseconds between the end of one run and the start of the next (read each time). */
  intervalMs: () => number;
  /** Skipped (but the chain goes on) while this says so. */
  isPaused?: () => boolean;
  minIntervalMs?: number;
  /** Up to this many ms added at random to each wait. */
  skewMs?: number;
  onError?: (error: unknown) => void;
  random?: () => number;
  /**
   * No run starts before this instant (read when a run is armed, and again while it waits): the last cycle paused
   * because ServiceM8's daily limit refused its reads, and trying sooner would only be refused.
   */
  notBefore?: () => Date | null;
}

export interface SyncScheduler {
  /** Starts the chain; the first run comes after `initialDelayMs`. */
  start(initialDelayMs?: number): void;
  stop(): void;
  /** Runs as soon as possible (coalesced with a run in progress), then re-arms the chain. */
  runNow(trigger: Exclude<BackgroundTrigger, 'schedule'>): void;
  /** When the next scheduled run will start, for the UI. */
  nextRunAt(): Date | null;
}

export function createSyncScheduler(options: SyncSchedulerOptions): SyncScheduler {
  const random = options.random ?? Math.random;
  const minInterval = options.minIntervalMs ?? 60_000;
  let stopped = true;
  let running = false;
  let pendingTrigger: Exclude<BackgroundTrigger, 'schedule'> | null = null;
  let handle: ReturnType<typeof setTimeout> | null = null;
  let dueAt: number | null = null;

  function arm(delay: number, trigger: BackgroundTrigger): void {
    if (handle !== null) clearTimeout(handle);
    const wait = Math.max(delay, pauseLeftMs());
    dueAt = Date.now() + wait;
    // While a pause holds, look again after a normal wait: a sync that got through in the
    // meantime (Sync now, the CLI) lifts it early, and the chain must not sleep on to its old end.
    const lookAgain = wait > delay ? Math.min(wait, Math.max(delay, nextDelay())) : wait;
    handle = setTimeout(() => void (pauseLeftMs() > 0 ? arm(0, trigger) : tick(trigger)), lookAgain);
  }

  function pauseLeftMs(): number {
    return (options.notBefore?.()?.getTime() ?? 0) - Date.now();
  }

  function nextDelay(): number {
    return Math.max(minInterval, options.intervalMs()) + Math.floor(random() * (options.skewMs ?? 0));
  }

  async function tick(trigger: BackgroundTrigger): Promise<void> {
    handle = null;
    dueAt = null;
    if (stopped) return;
    running = true;
    try {
      if (!options.isPaused?.()) await options.run(trigger);
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
    if (stopped) return;
    // A runNow() during the run asked for another one right after it.
    if (pendingTrigger) {
      const again = pendingTrigger;
      pendingTrigger = null;
      arm(0, again);
    } else {
      arm(nextDelay(), 'schedule');
    }
  }

  return {
    start(initialDelayMs = 0) {
      if (!stopped) return;
      stopped = false;
      arm(initialDelayMs, 'startup');
    },
    stop() {
      stopped = true;
      pendingTrigger = null;
      if (handle !== null) clearTimeout(handle);
      handle = null;
      dueAt = null;
    },
    runNow(trigger) {
      if (stopped) return;
      if (running) pendingTrigger = trigger;
      else arm(0, trigger);
    },
    nextRunAt: () => (dueAt === null || running ? null : new Date(dueAt)),
  };
}
