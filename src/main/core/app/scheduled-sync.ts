// The sync timeout chain as every long-running host uses it (tray app, `serve`,
// `demo`): the interval and pause come from settings, read before each run.
import type { Settings } from '../../../shared/settings';
import { createLogger } from '../logging/logger';
import { currentPause } from '../sync/engine/cycle-pause';
import type { OpenedApp } from './open-app';
import { createSyncScheduler, type SyncScheduler } from './sync-scheduler';

const log = createLogger('app/scheduled-sync');
const MINUTE = 60_000;

export function startScheduledSync(opened: Pick<OpenedApp, 'service' | 'settings' | 'store'>, firstRunInMs?: number): SyncScheduler {
  const { service, settings, store } = opened;
  const intervalMs = () => settings.get().sync.pollIntervalMinutes * MINUTE;
  const scheduler = createSyncScheduler({
    run: (trigger) => service.runCycle(trigger),
    intervalMs,
    isPaused: () => settings.get().sync.paused,
    minIntervalMs: MINUTE,
    skewMs: 30_000,
    onError: (error) => log.warn({ err: error }, 'scheduled sync failed'),
    // While the last cycle is paused (ServiceM8's daily limit refused its reads), wait until it
    // tries again rather than spend a refused request every interval. Sync now still tries.
    notBefore: () => {
      const pause = currentPause(store.runs);
      return pause ? new Date(pause.until) : null;
    },
  });
  scheduler.start(firstRunInMs ?? intervalMs());
  return scheduler;
}

/** A shorter interval, or a resume from pause, should not wait out the old interval. */
export function rescheduleOnChange(scheduler: SyncScheduler, next: Settings, previous: Settings): void {
  if (next.sync.pollIntervalMinutes !== previous.sync.pollIntervalMinutes || (previous.sync.paused && !next.sync.paused))
    scheduler.runNow('startup');
}
