// The one object the Electron preload exposes as `window.sm8sync`. Typed here so the
// preload and the renderer's api client agree without importing each other.
import type { ApiResponse, AppEventName } from './api';

export const IPC_INVOKE_CHANNEL = 'sm8sync:invoke';
export const IPC_EVENT_CHANNEL = 'sm8sync:event';

export interface PreloadBridge {
  readonly runtime: 'electron';
  invoke(method: string, params: unknown): Promise<ApiResponse<unknown>>;
  /** Returns the unsubscribe function. */
  on(event: AppEventName, listener: (payload: unknown) => void): () => void;
}

/** What travels on IPC_EVENT_CHANNEL. */
export interface BridgeEvent {
  event: AppEventName;
  payload: unknown;
}
