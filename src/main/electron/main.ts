// Electron entry. Kept thin on purpose: everything the app does lives in
// src/main/core and is reached through the same AppService the CLI and the
// loopback server use. The tray, scheduler and IPC bridge arrive with the UI.
import { app, BrowserWindow } from 'electron';
import path from 'node:path';

if (!app.requestSingleInstanceLock()) app.quit();

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadFile(path.join(__dirname, '..', 'renderer', 'index.html'));
  return window;
}

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) window.focus();
});

void app.whenReady().then(() => createWindow());
