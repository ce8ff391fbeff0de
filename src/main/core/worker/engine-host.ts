// The host side of the sync worker, for the process that owns the window (Electron
// main) or the HTTP server (`serve`, `demo`): it only relays. `backend` is the same
// AppBackend the IPC bridge and the loopback server already speak, so they need no
// change: one generic call (validated here against src/shared/api.ts, again in the
// worker, and the answer against its result schema) and the contract's events.
// A worker that dies is reported (status "failing", a plain sentence) and restarted
// with exponential backoff. close() has the worker close SQLite before it ends; a
// process that exits without close() ends the thread too, which closes its databases.
import { API, EVENTS, statusSchema, type AppEventName, type Status } from '../../../shared/api';
import type { Settings } from '../../../shared/settings';
import { EventHub, parseParams, parseResult, type AppBackend } from '../app/app-backend';
import type { BackgroundTrigger } from '../app/ports';
import { createLogger } from '../logging/logger';
import { crashIsOver, withCrash, type WorkerCrash } from './crash-status';
import type { DebugAction, WorkerConfig, WorkerInfo, WorkerSecrets } from './protocol';
import { workerEntry, type WorkerEntry } from './worker-entry';
import { spawnWorker, type WorkerLink } from './worker-link';

const log = createLogger('worker/host');

export interface RestartPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  /** A worker that ran this long before dying starts the backoff over. */
  stableMs: number;
}

export const DEFAULT_RESTART: RestartPolicy = { firstDelayMs: 1000, maxDelayMs: 60_000, stableMs: 60_000 };
const SHUTDOWN_TIMEOUT_MS = 5000;

export interface EngineHostOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  secrets?: WorkerSecrets;
  logDir?: string | null;
  schedule?: WorkerConfig['schedule'];
  /** Lets debug('crash') kill the worker (tests). */
  debug?: boolean;
  restart?: Partial<RestartPolicy>;
  onSettingsChanged?: (settings: Settings) => void;
  entry?: WorkerEntry;
}

export interface EngineHost {
  backend: AppBackend;
  /** Asks the worker's scheduler for a run now (resume from sleep, a setting changed). */
  runNow(trigger: Exclude<BackgroundTrigger, 'schedule'>): void;
  debug(action: DebugAction): Promise<WorkerInfo>;
  /** Workers started after a crash so far. */
  restarts(): number;
  close(): Promise<void>;
}

export async function startEngineHost(options: EngineHostOptions): Promise<EngineHost> {
  const policy = { ...DEFAULT_RESTART, ...options.restart };
  const entry = options.entry ?? workerEntry();
  const config: WorkerConfig = {
    dataDir: options.dataDir,
    env: { ...options.env },
    secrets: options.secrets ?? 'keychain',
    logDir: options.logDir ?? null,
    schedule: options.schedule ?? null,
    debug: options.debug ?? false,
  };
  const events = new EventHub();
  let link: WorkerLink | null = null;
  let up = false;
  let closing = false;
  let lastStatus: Status | null = null;
  let crash: WorkerCrash | null = null;
  let failures = 0;
  let restarts = 0;
  let restartTimer: NodeJS.Timeout | null = null;
  /** A worker that never became ready is a failed start, reported to the caller: not a crash to restart from. */
  let everReady = false;

  /** The status as people should see it: the worker's, unless a crash is still the news. */
  function present(status: Status): Status {
    lastStatus = status;
    if (crash && crash.restartAt === null && crashIsOver(status, crash)) crash = null;
    return crash ? withCrash(status, crash, new Date()) : status;
  }

  function relay(event: AppEventName, payload: unknown): void {
    const parsed = EVENTS[event]?.safeParse(payload);
    if (!parsed?.success) return log.warn({ event }, 'dropped an event that does not match the contract');
    events.emit(event, event === 'status' ? present(parsed.data as Status) : (parsed.data as never));
  }

  function start(): WorkerLink {
    const started = spawnWorker(entry, config, (message) => {
      if (message.type === 'event') relay(message.event, message.payload);
      else options.onSettingsChanged?.(message.settings);
    });
    link = started;
    void started.ready.then(
      () => {
        up = link === started;
        everReady = true;
      },
      () => undefined,
    );
    void started.exited.then((exit) => {
      if (link !== started) return;
      link = null;
      up = false;
      if (!exit.requested && !closing && everReady) onCrash(exit.reason, exit.upMs);
    });
    return started;
  }

  function onCrash(reason: string, upMs: number | null): void {
    failures = upMs !== null && upMs >= policy.stableMs ? 1 : failures + 1;
    const delay = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (failures - 1));
    crash = { at: new Date().toISOString(), reason, restartAt: new Date(Date.now() + delay) };
    log.error({ reason, failures, delayMs: delay }, 'the sync worker stopped unexpectedly; restarting it');
    if (lastStatus) events.emit('status', present(lastStatus));
    restartTimer = setTimeout(() => {
      restartTimer = null;
      if (closing) return;
      restarts += 1;
      const next = start();
      void next.ready.then(
        async () => {
          if (crash) crash.restartAt = null;
          const status = await backend.invoke('getStatus', {});
          if (status.ok && link === next) events.emit('status', status.value as Status);
        },
        () => undefined,
      );
    }, delay);
  }

  const backend: AppBackend = {
    subscribe: (listener) => events.subscribe(listener),
    async invoke(method, params) {
      const checked = parseParams(method, params);
      if (!checked.ok) return checked;
      const returnsStatus = API[checked.method].result === statusSchema;
      if (!link || !up) {
        // Only reading the status can be answered while the worker is down; a change (pause…) must not look done.
        if (checked.method === 'getStatus' && crash && lastStatus) return { ok: true, value: present(lastStatus) };
        return { ok: false, error: { code: 'busy', message: 'The sync engine is restarting after a problem; try again in a moment.' } };
      }
      const answer = parseResult(checked.method, await link.call(method, params));
      return answer.ok && returnsStatus ? { ok: true, value: present(answer.value as Status) } : answer;
    },
  };

  const first = start();
  try {
    await first.ready;
  } catch (error) {
    closing = true;
    if (restartTimer) clearTimeout(restartTimer);
    throw new Error(`The sync engine could not start: ${(error as Error).message}`, { cause: error });
  }
  const status = await backend.invoke('getStatus', {});
  if (status.ok) lastStatus = status.value as Status;

  return {
    backend,
    runNow: (trigger) => link?.send({ type: 'runNow', trigger }),
    debug: async (action) => {
      if (!link || !up) throw new Error('the sync worker is not running');
      return link.debug(action);
    },
    restarts: () => restarts,
    async close() {
      closing = true;
      if (restartTimer) clearTimeout(restartTimer);
      await link?.shutdown(SHUTDOWN_TIMEOUT_MS);
    },
  };
}
