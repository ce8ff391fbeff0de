// The sync timeout chain as every long-running host uses it (tray app, `serve`,
// `demo`): the interval and pause come from settings, read before each run.
import type { Settings } from '../../../shared/settings';
import { createLogger } from '../logging/logger';
import type { OpenedApp } from './open-app';
import { createSyncScheduler, type SyncScheduler } from './sync-scheduler';

const log = createLogger('app/scheduled-sync');
const MINUTE = 60_000;

export function startScheduledSync(opened: Pick<OpenedApp, 'service' | 'settings'>, firstRunInMs?: number): SyncScheduler {
  const { service, settings } = opened;
  const intervalMs = () => settings.get().sync.pollIntervalMinutes * MINUTE;
  const scheduler = createSyncScheduler({
    run: (trigger) => service.runCycle(trigger),
    intervalMs,
    isPaused: () => settings.get().sync.paused,
    minIntervalMs: MINUTE,
    skewMs: 30_000,
    onError: (error) => log.warn({ err: error }, 'scheduled sync failed'),
  });
  scheduler.start(firstRunInMs ?? intervalMs());
  return scheduler;
}

/** A shorter interval, or a resume from pause, should not wait out the old interval. */
export function rescheduleOnChange(scheduler: SyncScheduler, next: Settings, previous: Settings): void {
  if (next.sync.pollIntervalMinutes !== previous.sync.pollIntervalMinutes || (previous.sync.paused && !next.sync.paused))
    scheduler.runNow('startup');
}
