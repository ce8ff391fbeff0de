// The app's background work, wired to Electron's clocks: a sync on resume from sleep,
// reconciliation on cron, notifications only when a person must act, and
// start-at-login. The sync schedule itself runs in the sync worker (it reschedules on
// settings changes there); this file only relays to it. No business logic.
import { app, Notification, powerMonitor } from 'electron';
import type { Status } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import { createNotificationPolicy } from '../core/app/notification-policy';
import type { EngineHost } from '../core/worker/engine-host';
import { createReconciliationCron } from './reconciliation-cron';

export interface Background {
  settingsChanged(next: Settings): void;
  stop(): void;
}

export interface BackgroundOptions {
  host: Pick<EngineHost, 'backend' | 'runNow'>;
  /** The settings when the app started; later changes arrive through settingsChanged. */
  settings: Settings;
  onStatus: (status: Status) => void;
  openWindow: () => void;
  /** The engine's reconciliation; null until it merges (then the cron is started). */
  reconcile: (() => Promise<unknown>) | null;
}

export function startBackground({ host, settings, onStatus, openWindow, reconcile }: BackgroundOptions): Background {
  let current = settings;
  const policy = createNotificationPolicy();
  const unsubscribe = host.backend.subscribe((event, payload) => {
    if (event !== 'status') return;
    const status = payload as Status;
    onStatus(status);
    for (const note of policy.observe(status, current, new Date())) {
      if (!Notification.isSupported()) continue;
      const shown = new Notification({ title: note.title, body: note.body });
      shown.on('click', openWindow);
      shown.show();
    }
  });

  const onResume = () => host.runNow('resume');
  powerMonitor.on('resume', onResume);

  const cron = reconcile ? createReconciliationCron(reconcile) : null;
  const applySettings = (next: Settings) => {
    cron?.apply(next);
    // Packaged builds only: in development this would register the Electron binary.
    if (app.isPackaged) app.setLoginItemSettings({ openAtLogin: next.app.startAtLogin });
  };
  applySettings(current);

  return {
    settingsChanged(next) {
      current = next;
      applySettings(next);
    },
    stop() {
      cron?.stop();
      powerMonitor.off('resume', onResume);
      unsubscribe();
    },
  };
}
