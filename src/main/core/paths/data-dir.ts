// Where the app keeps its SQLite file, settings, logs and reports. The same folder
// Electron's app.getPath('userData') resolves to, so the CLI and the tray app share it.
import os from 'node:os';
import path from 'node:path';

export const APP_FOLDER = 'sm8sync';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.SM8SYNC_DATA_DIR) return path.resolve(env.SM8SYNC_DATA_DIR);
  const home = os.homedir();
  switch (platform) {
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', APP_FOLDER);
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
  }
}
