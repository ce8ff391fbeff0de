// One running sync worker, seen from the host: typed messages, calls matched to their
// answers by id, and one `exited` promise with the reason it stopped. The restart
// policy lives in engine-host.ts; this file knows nothing of it.
import { Worker } from 'node:worker_threads';
import type { ApiResponse } from '../../../shared/api';
import { redactText } from '../logging/redact';
import type { DebugAction, FromWorker, ToWorker, WorkerConfig, WorkerInfo } from './protocol';
import type { WorkerEntry } from './worker-entry';

export interface WorkerExit {
  /** A plain reason: the worker's own (redacted) or the exit code. */
  reason: string;
  /** Whether it stopped because the host asked it to. */
  requested: boolean;
  /** How long it had been ready; null if it never was. */
  upMs: number | null;
}

export interface WorkerLink {
  /** Resolves once the worker has opened the app; rejects with the reason if it dies first. */
  ready: Promise<void>;
  exited: Promise<WorkerExit>;
  call(method: string, params: unknown): Promise<ApiResponse<unknown>>;
  debug(action: DebugAction): Promise<WorkerInfo>;
  send(message: Extract<ToWorker, { type: 'runNow' }>): void;
  /** Asks the worker to close SQLite and stop; terminates it if it has not within the timeout. */
  shutdown(timeoutMs: number): Promise<void>;
}

export type WorkerMessageHandler = (message: Extract<FromWorker, { type: 'event' | 'settingsChanged' }>) => void;

const STOPPED: ApiResponse<never> = {
  ok: false,
  error: { code: 'failed', message: 'The sync engine stopped before it answered; try again.' },
};

export function spawnWorker(entry: WorkerEntry, config: WorkerConfig, onMessage: WorkerMessageHandler): WorkerLink {
  // The thread's own process.env stays the parent's (as in one process, e.g. for the keychain's
  // D-Bus address); the app reads config.env, which the command chose.
  const worker = new Worker(entry.script, { eval: entry.eval, workerData: config });
  const waiting = new Map<number, (message: FromWorker | null) => void>();
  let nextId = 1;
  let fatal: string | null = null;
  let readyAt: number | null = null;
  let requested = false;
  let markReady: () => void = () => undefined;

  function request(message: (id: number) => ToWorker): Promise<FromWorker | null> {
    const id = nextId++;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      try {
        worker.postMessage(message(id));
      } catch (error) {
        waiting.delete(id);
        throw error;
      }
    });
  }

  worker.on('message', (message: FromWorker) => {
    switch (message.type) {
      case 'ready':
        readyAt = Date.now();
        return markReady();
      case 'result':
      case 'debug':
        waiting.get(message.id)?.(message);
        waiting.delete(message.id);
        return;
      case 'fatal':
        fatal = message.message;
        return;
      case 'closed':
        return;
      case 'event':
      case 'settingsChanged':
        return onMessage(message);
    }
  });
  // Uncaught errors are normally reported (redacted) by the worker itself as 'fatal'.
  worker.on('error', (error) => (fatal ??= redactText(error.message)));

  const exited = new Promise<WorkerExit>((resolve) =>
    worker.once('exit', (code) => {
      for (const answer of waiting.values()) answer(null);
      waiting.clear();
      resolve({ reason: fatal ?? `it exited with code ${code}`, requested, upMs: readyAt === null ? null : Date.now() - readyAt });
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    void exited.then((exit) => reject(new Error(exit.reason)));
  });
  ready.catch(() => undefined); // the caller decides whether a death before ready matters

  return {
    ready,
    exited,
    async call(method, params) {
      let answer: FromWorker | null;
      try {
        answer = await request((id) => ({ type: 'call', id, method, params }));
      } catch {
        return { ok: false, error: { code: 'invalid_params', message: 'params must be plain data' } };
      }
      return answer?.type === 'result' ? answer.response : STOPPED;
    },
    async debug(action) {
      const answer = await request((id) => ({ type: 'debug', id, action }));
      if (answer?.type !== 'debug') throw new Error('the sync worker stopped before it answered');
      return answer.info;
    },
    send: (message) => worker.postMessage(message),
    async shutdown(timeoutMs) {
      requested = true;
      worker.postMessage({ type: 'shutdown' } satisfies ToWorker);
      const timer = setTimeout(() => void worker.terminate(), timeoutMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
