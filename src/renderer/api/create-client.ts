// Picks the transport: the preload bridge inside Electron, HTTP when the page was
// opened from `sm8sync serve` with a token, or nothing (the page explains how to open it).
import type { AppApiClient } from '../../shared/api';
import type { PreloadBridge } from '../../shared/bridge';
import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc-client';

const TOKEN_KEY = 'sm8sync.token';

/**
 * The token arrives in the URL fragment (never sent over HTTP). It is kept for this tab
 * only (sessionStorage, so a reload works) and removed from the address bar.
 */
export function takeTokenFromLocation(location: Location, storage: Storage, history: History): string | null {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    storage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    return fromHash;
  }
  return storage.getItem(TOKEN_KEY);
}

export function createClient(): AppApiClient | null {
  const bridge = (window as { sm8sync?: PreloadBridge }).sm8sync;
  if (bridge?.runtime === 'electron') return createIpcClient(bridge);
  const token = takeTokenFromLocation(window.location, window.sessionStorage, window.history);
  return token ? createHttpClient(token) : null;
}
