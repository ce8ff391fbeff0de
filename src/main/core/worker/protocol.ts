// The messages between the process that owns the window or the HTTP server (the host)
// and the sync worker, which owns the engine, SQLite and the keychain. Calls are one
// generic shape (method + params → ApiResponse), so a method added to src/shared/api.ts
// and AppService crosses with no edit here. Secrets never travel in events: the worker
// emits only the contract's events, whose schemas hold no secret.
import type { ApiResponse, AppEventName } from '../../../shared/api';
import type { Settings } from '../../../shared/settings';
import type { SecretName } from '../secrets/secret-store';
import type { BackgroundTrigger } from '../app/ports';

/** Where the worker keeps secrets: env-over-keychain (the app, serve) or memory (demo, tests). */
export type WorkerSecrets = 'keychain' | { memory: Partial<Record<SecretName, string>> };

/** Everything the worker needs to open the app; structured-cloned into workerData. */
export interface WorkerConfig {
  dataDir: string;
  env: Record<string, string | undefined>;
  secrets: WorkerSecrets;
  /** Log to <logDir>/sm8sync.log (the data folder); null: no log file. */
  logDir: string | null;
  /** Sync on the settings' schedule; the first run after this many ms (null: one interval). */
  schedule: { firstRunInMs: number | null } | null;
  /** Allows the `debug` message's `crash` action (tests only). */
  debug: boolean;
}

export type DebugAction = 'info' | 'crash';

export type ToWorker =
  | { type: 'call'; id: number; method: string; params: unknown }
  | { type: 'runNow'; trigger: Exclude<BackgroundTrigger, 'schedule'> }
  | { type: 'debug'; id: number; action: DebugAction }
  | { type: 'shutdown' };

/** What the debug message reports: where the engine runs and whether its store is open. */
export interface WorkerInfo {
  threadId: number;
  isMainThread: boolean;
  /** The SQLite file this thread has open. */
  storeFile: string;
}

export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; id: number; response: ApiResponse<unknown> }
  | { type: 'event'; event: AppEventName; payload: unknown }
  | { type: 'settingsChanged'; settings: Settings }
  | { type: 'debug'; id: number; info: WorkerInfo }
  /** A plain, redacted reason, sent just before the worker dies of an unexpected error. */
  | { type: 'fatal'; message: string }
  | { type: 'closed' };
