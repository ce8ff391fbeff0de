// The app's background work, wired to Electron's clocks: a sync on resume from sleep,
// notifications only when a person must act, and start-at-login. The sync schedule and
// reconciliation's cron run in the sync worker (they reschedule on settings changes
// there); this file only relays to it. No business logic.
import { app, Notification, powerMonitor } from 'electron';
import type { AppEvent, Status } from '../../shared/api';
import type { Settings } from '../../shared/settings';
import { createNotificationPolicy, reconciliationNotification, type AppNotification } from '../core/app/notification-policy';
import type { EngineHost } from '../core/worker/engine-host';

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
}

export function startBackground({ host, settings, onStatus, openWindow }: BackgroundOptions): Background {
  let current = settings;
  const policy = createNotificationPolicy();
  const show = (note: AppNotification) => {
    if (!Notification.isSupported()) return;
    const shown = new Notification({ title: note.title, body: note.body });
    shown.on('click', openWindow);
    shown.show();
  };
  const unsubscribe = host.backend.subscribe((event, payload) => {
    if (event === 'reconciliation') {
      const note = reconciliationNotification(payload as AppEvent<'reconciliation'>, current);
      if (note) show(note);
      return;
    }
    if (event !== 'status') return;
    const status = payload as Status;
    onStatus(status);
    for (const note of policy.observe(status, current, new Date())) show(note);
  });

  const onResume = () => host.runNow('resume');
  powerMonitor.on('resume', onResume);

  const applySettings = (next: Settings) => {
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
      powerMonitor.off('resume', onResume);
      unsubscribe();
    },
  };
}
