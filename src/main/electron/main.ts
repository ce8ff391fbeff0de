// Electron entry. Thin on purpose: everything the app does lives in src/main/core and
// is reached through the same app service the CLI and the loopback server use. This
// file wires the window, the tray, the IPC bridge and the background work together.
import { app, type BrowserWindow } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Status } from '../../shared/api';
import { openApp, type OpenedApp } from '../core/app/open-app';
import { observeSettings } from '../core/app/settings-port';
import { createConnectionTester } from '../core/connectors/connection-tester';
import { configureLogging, createLogger } from '../core/logging/logger';
import { defaultDataDir } from '../core/paths/data-dir';
import { createSyncRunner } from '../core/sync/create-runner';
import { startBackground, type Background } from './background';
import { createElectronSettings } from './electron-settings';
import { registerIpc } from './ipc/register-ipc';
import { createMainWindow } from './main-window';
import { createAppTray, type AppTray } from './tray';

const log = createLogger('electron/main');
const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const preload = path.join(__dirname, 'preload.cjs');
const iconDir = app.isPackaged ? path.join(process.resourcesPath, 'tray') : path.join(__dirname, '..', '..', 'assets', 'tray');

let quitting = false;
let window: BrowserWindow | null = null;
let opened: OpenedApp | null = null;
let background: Background | null = null;
let tray: AppTray | null = null;

function showWindow(): void {
  window ??= createMainWindow({ rendererIndex, preload, isQuitting: () => quitting });
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

async function start(): Promise<void> {
  const dataDir = app.getPath('userData');
  configureLogging({ dir: path.join(dataDir, 'logs') });
  const settings = observeSettings(createElectronSettings(dataDir), (next, previous) => background?.settingsChanged(next, previous));
  const app_ = openApp({
    dataDir,
    env: process.env,
    settings,
    runner: createSyncRunner,
    connections: createConnectionTester(process.env),
    nextSyncAt: () => background?.scheduler.nextRunAt() ?? null,
  });
  opened = app_;
  const status = await app_.service.getStatus({});
  window = createMainWindow({ rendererIndex, preload, isQuitting: () => quitting });
  // First run (or keys missing): show the window so the person can connect; otherwise the tray is enough.
  if (status.state === 'not_connected') window.once('ready-to-show', showWindow);
  registerIpc(
    app_.backend,
    () => ({
      windowIds: new Set(window && !window.isDestroyed() ? [window.webContents.id] : []),
      rendererUrl: pathToFileURL(rendererIndex).href,
    }),
    () => (window ? [window] : []),
  );

  const togglePause = () => void app_.service.getStatus({}).then((status) => app_.service.setPaused({ paused: !status.paused }));
  tray = createAppTray(iconDir, {
    syncNow: () => void app_.backend.invoke('syncNow', {}),
    togglePause,
    open: showWindow,
    quit: () => app.quit(),
  });
  const onStatus = (status: Status) => tray?.update(status);
  background = startBackground({ opened: app_, onStatus, openWindow: showWindow, reconcile: null });
  onStatus(status);
}

// The CLI and the app share one data dir (SM8SYNC_DATA_DIR or the OS app-data folder).
app.setPath('userData', defaultDataDir(process.env));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showWindow);
  // A tray app keeps running with no window open.
  app.on('window-all-closed', () => undefined);
  app.on('activate', showWindow);
  app.on('before-quit', () => {
    quitting = true;
    background?.stop();
    tray?.destroy();
    opened?.close();
  });
  app
    .whenReady()
    .then(start, (error: unknown) => log.error({ err: error }, 'app failed to become ready'))
    .catch((error: unknown) => {
      log.error({ err: error }, 'startup failed');
      app.exit(1);
    });
}
