// The sync worker's entry (bundled as dist/main/worker.cjs): it owns the engine,
// SQLite, the keychain and the sync schedule, so the thread that draws the window or
// answers HTTP never waits on them. It answers the host's generic calls through the
// same validating backend every transport uses, and forwards the contract's events.
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import { openApp, type OpenedApp } from '../app/open-app';
import { startReconciliationSchedule, type ReconciliationSchedule } from '../app/reconciliation-schedule';
import { rescheduleOnChange, startScheduledSync } from '../app/scheduled-sync';
import { observeSettings, settingsFilePort } from '../app/settings-port';
import type { SyncScheduler } from '../app/sync-scheduler';
import { createConnectionTester } from '../connectors/connection-tester';
import { configureLogging, createLogger } from '../logging/logger';
import { redactText } from '../logging/redact';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { withRedaction } from '../secrets/secret-store';
import { SettingsFile } from '../settings/settings-file';
import { createSyncRunner } from '../sync/create-runner';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';

const log = createLogger('worker/engine');

if (isMainThread || !parentPort) throw new Error('engine-worker runs only as a worker thread');
const port = parentPort;
const config = workerData as WorkerConfig;
const post = (message: FromWorker) => port.postMessage(message);

// An error nobody caught ends the worker; the host reports it and starts a new one.
// The reason is redacted here, where the secrets the worker has seen are registered.
process.on('uncaughtException', (error) => {
  const message = redactText(error instanceof Error ? error.message : String(error));
  log.error({ err: error }, 'the sync worker stopped on an unexpected error');
  post({ type: 'fatal', message });
  close();
  process.exit(1);
});

if (config.logDir) {
  configureLogging({ dir: config.logDir });
  log.info({ dataDir: config.dataDir, pid: process.pid }, 'sync worker started');
}

let scheduler: SyncScheduler | null = null;
let reconciliation: ReconciliationSchedule | null = null;
let app: OpenedApp | null = null;
let closed = false;

function close(): void {
  if (closed) return;
  closed = true;
  scheduler?.stop();
  reconciliation?.stop();
  app?.close();
}

const settings = observeSettings(settingsFilePort(new SettingsFile(config.dataDir)), (next, previous) => {
  post({ type: 'settingsChanged', settings: next });
  if (scheduler) rescheduleOnChange(scheduler, next, previous);
  reconciliation?.reschedule();
});
const opened = openApp({
  dataDir: config.dataDir,
  env: config.env,
  settings,
  secrets: config.secrets === 'keychain' ? 'keychain' : withRedaction(new MemorySecretStore(config.secrets.memory)),
  runner: createSyncRunner,
  connections: createConnectionTester(config.env),
  nextSyncAt: () => scheduler?.nextRunAt() ?? null,
});
app = opened;
opened.events.subscribe((event, payload) => post({ type: 'event', event, payload }));

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'call':
      void opened.backend.invoke(message.method, message.params).then((response) => post({ type: 'result', id: message.id, response }));
      return;
    case 'runNow':
      scheduler?.runNow(message.trigger);
      return;
    case 'debug':
      if (message.action === 'crash' && config.debug)
        setImmediate(() => {
          throw new Error('crash requested through the debug message');
        });
      post({
        type: 'debug',
        id: message.id,
        info: { threadId, isMainThread, storeFile: opened.store.file },
      });
      return;
    case 'shutdown':
      close();
      post({ type: 'closed' });
      process.exit(0);
  }
});

if (config.schedule) {
  scheduler = startScheduledSync(opened, config.schedule.firstRunInMs ?? undefined);
  // Reconciliation on its cron, here beside the sync (it also runs after each sync).
  reconciliation = startReconciliationSchedule({
    run: () => opened.service.reconcile('schedule'),
    settings: () => opened.settings.get(),
    onError: (error) => log.warn({ err: error }, 'scheduled reconciliation did not run'),
  });
}
post({ type: 'ready' });
