// The app's background work, wired to Electron's clocks: the sync timeout chain, a
// sync on resume from sleep, reconciliation on cron, notifications only when a person
// must act, and start-at-login. No business logic: it calls the app service.
import { app, Notification, powerMonitor } from 'electron';
import type { Status } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import type { OpenedApp } from '../core/app/open-app';
import { createNotificationPolicy } from '../core/app/notification-policy';
import { startScheduledSync } from '../core/app/scheduled-sync';
import type { SyncScheduler } from '../core/app/sync-scheduler';
import { createReconciliationCron } from './reconciliation-cron';

export interface Background {
  scheduler: SyncScheduler;
  settingsChanged(next: Settings, previous: Settings): void;
  stop(): void;
}

export interface BackgroundOptions {
  opened: OpenedApp;
  onStatus: (status: Status) => void;
  openWindow: () => void;
  /** The engine's reconciliation; null until it merges (then the cron is started). */
  reconcile: (() => Promise<unknown>) | null;
}

export function startBackground({ opened, onStatus, openWindow, reconcile }: BackgroundOptions): Background {
  const { settings } = opened;
  const scheduler = startScheduledSync(opened, 10_000);

  const policy = createNotificationPolicy();
  const unsubscribe = opened.events.subscribe((event, payload) => {
    if (event !== 'status') return;
    const status = payload as Status;
    onStatus(status);
    for (const note of policy.observe(status, settings.get(), new Date())) {
      if (!Notification.isSupported()) continue;
      const shown = new Notification({ title: note.title, body: note.body });
      shown.on('click', openWindow);
      shown.show();
    }
  });

  const onResume = () => scheduler.runNow('resume');
  powerMonitor.on('resume', onResume);

  const cron = reconcile ? createReconciliationCron(reconcile) : null;
  const applySettings = (current: Settings) => {
    cron?.apply(current);
    // Packaged builds only: in development this would register the Electron binary.
    if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: current.app.startAtLogin });
  };
  applySettings(settings.get());

  return {
    scheduler,
    settingsChanged(next, previous) {
      applySettings(next);
      if (next.sync.pollIntervalMinutes !== previous.sync.pollIntervalMinutes || (previous.sync.paused && !next.sync.paused))
        scheduler.runNow('startup');
    },
    stop() {
      scheduler.stop();
      cron?.stop();
      powerMonitor.off('resume', onResume);
      unsubscribe();
    },
  };
}
