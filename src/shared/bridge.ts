// The one object the Electron preload exposes as `window.sm8sync`. Typed here so the
// preload and the renderer's api client agree without importing each other.
import type { ApiResponse, AppEventName } from './api';

/**
 * Event names, as plain data so the sandboxed preload need not bundle zod. The record
 * type makes the compiler insist the list matches EVENTS in api.ts exactly.
 */
const EVENT_NAME_SET: Record<AppEventName, true> = { status: true, activity: true, conflictsChanged: true, reconciliation: true };
export const APP_EVENT_NAMES = Object.keys(EVENT_NAME_SET) as AppEventName[];

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
