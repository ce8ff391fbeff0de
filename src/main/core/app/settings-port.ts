// The settings the app service reads and changes, behind a small interface: the
// SettingsFile implements it (in the sync worker for the tray app and serve, in process
// for the CLI), validated with the one zod schema in src/shared/settings.ts.
import type { Settings, SettingsInput } from '../../../shared/settings';
import type { SettingsFile } from '../settings/settings-file';

export interface SettingsPort {
  /** The current, valid settings (defaults filled in). */
  get(): Settings;
  /** Applies a change to the current settings; validates, persists and returns the result. */
  update(change: (current: Settings) => SettingsInput): Settings;
}

export function settingsFilePort(file: SettingsFile): SettingsPort {
  return { get: () => file.read(), update: (change) => file.update(change) };
}

/** Wraps a port so the shell hears about every change (reschedule, start-at-login). */
export function observeSettings(port: SettingsPort, onChange: (next: Settings, previous: Settings) => void): SettingsPort {
  return {
    get: () => port.get(),
    update(change) {
      const previous = port.get();
      const next = port.update(change);
      onChange(next, previous);
      return next;
    },
  };
}
