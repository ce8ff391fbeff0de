// The one window. Locked down: isolated, sandboxed preload, no Node, web security on,
// no navigation away from our page, no new windows, no permissions, and links out only
// to an https allowlist in the system browser.
import { BrowserWindow, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { isAllowedExternalUrl } from './external-links';

export interface MainWindowOptions {
  rendererIndex: string;
  preload: string;
  /** Whether closing the window should really close it (quitting) or just hide it. */
  isQuitting: () => boolean;
}

let hardened = false;

/** Session-wide rules, once: CSP as a header too, and every permission request denied. */
function hardenSession(): void {
  if (hardened) return;
  hardened = true;
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  hardenSession();
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'sm8sync',
    webPreferences: {
      // electronegativity PRELOAD_JS_CHECK (reviewed): the preload (preload.ts) runs sandboxed with
      // context isolation and exposes only a frozen { runtime, invoke, on }; invoke goes to one IPC
      // channel whose handler checks the sender (ipc/trusted-sender.ts) and validates every param.
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click (auxclick) would be another way to ask for a new window; nothing here uses it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = window.webContents;
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    // electronegativity OPEN_EXTERNAL_JS_CHECK (reviewed): only https URLs of an exact host allowlist,
    // without credentials or port, reach the system browser (external-links.ts, unit-tested).
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  // A tray app: closing the window hides it; Quit in the tray menu really quits.
  window.on('close', (event) => {
    if (!options.isQuitting()) {
      event.preventDefault();
      window.hide();
    }
  });
  void window.loadFile(options.rendererIndex);
  return window;
}
