// Electron entry. Thin on purpose: everything the app does lives in src/main/core and
// runs in the sync worker thread (engine, SQLite, keychain, schedule), reached through
// the same relay `serve` uses, so the main process never blocks the window on a sync.
// This file wires the window, the tray, the IPC bridge and the background work together.
import { app, type BrowserWindow } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Status } from '../../shared/api';
import { call } from '../core/app/app-backend';
import { configureLogging, createLogger } from '../core/logging/logger';
import { defaultDataDir } from '../core/paths/data-dir';
import { limitHeapGrowth } from '../core/runtime/heap-growth';
import { startEngineHost, type EngineHost } from '../core/worker/engine-host';
import { startBackground, type Background } from './background';
import { registerIpc } from './ipc/register-ipc';
import { createMainWindow } from './main-window';
import { createAppTray, type AppTray } from './tray';

limitHeapGrowth(); // before the sync worker starts: it syncs in this process
const log = createLogger('electron/main');
const rendererIndex = path.join(__dirname, '..', 'renderer', 'index.html');
const preload = path.join(__dirname, 'preload.cjs');
const iconDir = app.isPackaged ? path.join(process.resourcesPath, 'tray') : path.join(__dirname, '..', '..', 'assets', 'tray');

let quitting = false;
let window: BrowserWindow | null = null;
let host: EngineHost | null = null;
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
  // The worker writes logs/sm8sync.log; this process, which has little to say, its own file.
  configureLogging({ dir: path.join(dataDir, 'logs', 'shell') });
  // Settings live in settings.json in the data dir (the file `serve` and the CLI read),
  // written by the worker only; the shell hears of changes for start-at-login and cron.
  const engine = await startEngineHost({
    dataDir,
    env: process.env,
    logDir: dataDir,
    schedule: { firstRunInMs: 10_000 },
    onSettingsChanged: (next) => background?.settingsChanged(next),
  });
  host = engine;
  const status = await call(engine.backend, 'getStatus', {});
  window = createMainWindow({ rendererIndex, preload, isQuitting: () => quitting });
  // First run (or keys missing): show the window so the person can connect; otherwise the tray is enough.
  if (status.state === 'not_connected') window.once('ready-to-show', showWindow);
  registerIpc(
    engine.backend,
    () => ({
      windowIds: new Set(window && !window.isDestroyed() ? [window.webContents.id] : []),
      rendererUrl: pathToFileURL(rendererIndex).href,
    }),
    () => (window ? [window] : []),
  );

  const togglePause = () =>
    void call(engine.backend, 'getStatus', {})
      .then((current) => call(engine.backend, 'setPaused', { paused: !current.paused }))
      .catch((error: unknown) => log.warn({ err: error }, 'could not pause or resume'));
  tray = createAppTray(iconDir, {
    syncNow: () => void engine.backend.invoke('syncNow', {}),
    togglePause,
    open: showWindow,
    quit: () => app.quit(),
  });
  const onStatus = (next: Status) => tray?.update(next);
  const settings = await call(engine.backend, 'getSettings', {});
  background = startBackground({ host: engine, settings, onStatus, openWindow: showWindow });
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
  // Quitting waits for the worker to close SQLite (bounded by the host's shutdown timeout).
  let closed = false;
  app.on('before-quit', (event) => {
    quitting = true;
    if (closed) return;
    event.preventDefault();
    background?.stop();
    tray?.destroy();
    void (host?.close() ?? Promise.resolve())
      .catch((error: unknown) => log.warn({ err: error }, 'the sync worker did not close cleanly'))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
  app
    .whenReady()
    .then(start, (error: unknown) => log.error({ err: error }, 'app failed to become ready'))
    .catch((error: unknown) => {
      log.error({ err: error }, 'startup failed');
      app.exit(1);
    });
}
