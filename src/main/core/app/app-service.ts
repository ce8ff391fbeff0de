// The facade behind every transport (Electron IPC, the loopback server, the CLI): one
// handler per call of src/shared/api.ts, over the store, the settings, the secrets and
// the engine's SyncRunner. Handlers throw AppError on purpose; createBackend turns any
// throw into a result object, so nothing here needs try/catch for the caller's sake.
import type { ActivityEntry, Status, SyncResult } from '../../../shared/api';
import type { AuditEntry } from '../store/repositories/audit-repository';
import type { Store } from '../store/store';
import type { SecretStore } from '../secrets/secret-store';
import { activityCsv, activityCsvFilename } from './activity-csv';
import { AppError, type ApiHandlers, type EventHub } from './app-backend';
import { createConnectionHandlers } from './connection-handlers';
import { decideConflicts } from './decide-conflicts';
import { toConflictView } from './conflict-view';
import { settleFailures, toFailureView } from './failure-view';
import { listInvoices } from './invoice-list';
import { PairLookup } from './pair-lookup';
import type { ConnectionTester, CycleTrigger, SyncRunner } from './ports';
import type { SettingsPort } from './settings-port';
import { buildStatus } from './status-view';

export interface AppServiceDeps {
  store: Store;
  settings: SettingsPort;
  secrets: SecretStore;
  runner: SyncRunner;
  connections: ConnectionTester;
  events: EventHub;
  clock?: () => Date;
  /** When the scheduler will start the next cycle (null: not scheduled, e.g. headless). */
  nextSyncAt?: () => Date | null;
}

const EXPORT_LIMIT = 1_000_000;
/** While a cycle runs, its progress is pushed this often (the runner has no events of its own). */
const PROGRESS_EVERY_MS = 1000;

export interface AppService extends ApiHandlers {
  /** A cycle the app starts by itself (schedule, resume, startup); null when not connected. */
  runCycle(trigger: Exclude<CycleTrigger, 'manual'>): Promise<SyncResult | null>;
}

export function toActivity(entry: AuditEntry): ActivityEntry {
  const { runId: _runId, idempotencyKey: _key, ...rest } = entry;
  return rest;
}

export function createAppService(deps: AppServiceDeps): AppService {
  const { store, settings, secrets, runner, events } = deps;
  const clock = deps.clock ?? (() => new Date());
  const connections = createConnectionHandlers(secrets, deps.connections);
  const pairs = new PairLookup(runner.pairs);

  async function status(): Promise<Status> {
    const [servicem8, stripe] = await Promise.all([connections.isConnected('servicem8'), connections.isConnected('stripe')]);
    return buildStatus(store, runner, {
      connected: { servicem8, stripe },
      settings: settings.get(),
      progress: runner.progress(),
      nextSyncAt: deps.nextSyncAt?.() ?? null,
    });
  }

  async function announce(activitySince?: string): Promise<void> {
    events.emit('status', await status());
    events.emit('conflictsChanged', { open: store.conflicts.countOpen() });
    if (activitySince) {
      const fresh = store.audit.list({ since: activitySince, limit: 500 }).map(toActivity);
      if (fresh.length) events.emit('activity', fresh);
    }
  }

  async function connectedToBoth(): Promise<boolean> {
    const [servicem8, stripe] = await Promise.all([connections.isConnected('servicem8'), connections.isConnected('stripe')]);
    return servicem8 && stripe;
  }

  async function cycle(trigger: CycleTrigger, dryRun: boolean): Promise<SyncResult> {
    const since = clock().toISOString();
    const running = runner.runCycle({ dryRun, trigger });
    const ticker = setInterval(
      () =>
        void status().then(
          (next) => events.emit('status', next),
          () => undefined,
        ),
      PROGRESS_EVERY_MS,
    );
    ticker.unref?.();
    events.emit('status', await status());
    try {
      return await running;
    } finally {
      clearInterval(ticker);
      await announce(since);
    }
  }

  return {
    getStatus: () => status(),

    async runCycle(trigger) {
      if (!(await connectedToBoth())) return null;
      return cycle(trigger, false);
    },

    async syncNow({ dryRun }) {
      if (!(await connectedToBoth())) throw new AppError('not_connected', 'Connect both ServiceM8 and Stripe before syncing.');
      return cycle('manual', dryRun);
    },

    async setPaused({ paused }) {
      settings.update((current) => ({ ...current, sync: { ...current.sync, paused } }));
      const next = await status();
      events.emit('status', next);
      return next;
    },

    listConflicts({ includeClosed }) {
      const states = includeClosed ? (['open', 'resolved', 'applied', 'dismissed'] as const) : (['open', 'resolved'] as const);
      const current = settings.get();
      return Promise.resolve(store.conflicts.list([...states]).map((conflict) => toConflictView(store, pairs, conflict, current)));
    },

    async resolveConflicts(request) {
      const since = clock().toISOString();
      const result = decideConflicts(store, pairs, request);
      if (result.resolved.length) await announce(since);
      return result;
    },

    listFailures() {
      return Promise.resolve(store.outbox.list({ state: 'failed', limit: 5000 }).map((item) => toFailureView(store, pairs, item)));
    },

    async retryFailures({ ids }) {
      const since = clock().toISOString();
      const result = settleFailures(store, ids, 'retry');
      if (result.resolved.length) await announce(since);
      return result;
    },

    async dismissFailures({ ids }) {
      const since = clock().toISOString();
      const result = settleFailures(store, ids, 'dismiss');
      if (result.resolved.length) await announce(since);
      return result;
    },

    listActivity({ since, entity, outcome, limit }) {
      return Promise.resolve(store.audit.list({ since, entity, outcome, limit }).map(toActivity));
    },

    exportActivityCsv({ since }) {
      const zone = settings.get().businessTimeZone;
      const entries = store.audit.list({ since, limit: EXPORT_LIMIT }).map(toActivity);
      return Promise.resolve({ filename: activityCsvFilename(clock(), zone), csv: activityCsv(entries, zone) });
    },

    listQuarantine() {
      return Promise.resolve(
        store.quarantine
          .listActive()
          .map(({ id, side, object, recordId, reason, lastSeenAt }) => ({ id, side, object, recordId, reason, lastSeenAt })),
      );
    },

    getConnections: () => connections.list(),

    async connectServiceM8({ apiKey }) {
      const result = await connections.connect('servicem8', apiKey);
      if (result.ok) events.emit('status', await status());
      return result;
    },

    async connectStripe({ apiKey }) {
      const result = await connections.connect('stripe', apiKey);
      if (result.ok) events.emit('status', await status());
      return result;
    },

    testConnections: () => connections.testAll(),

    async disconnect({ service }) {
      const result = await connections.disconnect(service);
      events.emit('status', await status());
      return result;
    },

    listInvoices: (filter) => Promise.resolve(listInvoices(store, filter)),

    getSettings: () => Promise.resolve(settings.get()),

    async updateSettings(next) {
      const saved = settings.update(() => next);
      events.emit('status', await status());
      return saved;
    },
  };
}
