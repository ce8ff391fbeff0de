// Settings in the tray app: electron-store, validated by the same zod schema as the
// headless SettingsFile. It uses the same file (settings.json in the data dir), so
// `sm8sync serve` and the CLI see what the app saved. A bad file is reported with the
// field named and is never overwritten (clearInvalidConfig: false).
import ElectronStore from 'electron-store';
import { parseSettings, type Settings } from '../../shared/settings';
import type { SettingsPort } from '../core/app/settings-port';
import { SETTINGS_FILE } from '../core/settings/settings-file';

export function createElectronSettings(dataDir: string): SettingsPort {
  const store = new ElectronStore<Record<string, unknown>>({
    cwd: dataDir,
    name: SETTINGS_FILE.replace(/\.json$/, ''),
    clearInvalidConfig: false,
  });
  const get = (): Settings => parseSettings(store.store, `settings file ${store.path}`);
  return {
    get,
    update(change) {
      const next = parseSettings(change(get()));
      store.store = next;
      return next;
    },
  };
}
