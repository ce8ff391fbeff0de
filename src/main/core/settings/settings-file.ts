// Headless settings: a JSON file in the data dir with the same schema electron-store
// uses in the app. A bad file is reported (field and value) and never overwritten.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseSettings, SettingsError, type Settings, type SettingsInput } from '../../../shared/settings';

export const SETTINGS_FILE = 'settings.json';

export class SettingsFile {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = path.join(dataDir, SETTINGS_FILE);
  }

  /** The stored settings merged over the defaults; defaults alone when there is no file yet. */
  read(): Settings {
    if (!existsSync(this.path)) return parseSettings({});
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (error) {
      throw new SettingsError(
        `Invalid settings file ${this.path}: not valid JSON (${(error as Error).message}). The file was left as it is.`,
      );
    }
    try {
      return parseSettings(raw, `settings file ${this.path}`);
    } catch (error) {
      throw new SettingsError(`${(error as Error).message}. The file was left as it is.`);
    }
  }

  /** Validates, then replaces the file atomically (write to a temp file, rename). */
  write(settings: SettingsInput): Settings {
    const parsed = parseSettings(settings);
    const temp = `${this.path}.tmp-${process.pid}`;
    writeFileSync(temp, `${JSON.stringify(parsed, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, this.path);
    return parsed;
  }

  /** Applies a partial change to the current settings (which must themselves be valid). */
  update(change: (current: Settings) => SettingsInput): Settings {
    return this.write(change(this.read()));
  }
}
