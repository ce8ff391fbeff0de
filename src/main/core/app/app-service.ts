// The facade behind every transport (Electron IPC, the loopback server, the CLI): one
// handler per call of src/shared/api.ts, over the store, the settings, the secrets and
// the engine's SyncRunner. Handlers throw AppError on purpose; createBackend turns any
// throw into a result object, so nothing here needs try/catch for the caller's sake.
import type { Status, SyncResult } from '../../../shared/api';
import type { Store } from '../store/store';
import type { SecretStore } from '../secrets/secret-store';
import { activityCsv, activityCsvFilename } from './activity-csv';
import { AppError, type ApiHandlers, type EventHub } from './app-backend';
import { createConnectionHandlers } from './connection-handlers';
import { decideConflicts } from './decide-conflicts';
import { toConflictView } from './conflict-view';
import { settleFailures, toFailureView } from './failure-view';
import { listInvoices } from './invoice-list';
import { chooseInvoices } from './invoice-choices';
import { listInvoiceView } from './invoice-view';
import { PairLookup } from './pair-lookup';
import { listPayments } from './payments-view';
import type { ConnectionTester, CycleTrigger, SyncRunner } from './ports';
import type { SettingsPort } from './settings-port';
import { createLogger } from '../logging/logger';
import { createReportHandlers, type ReportHandlers } from './report-handlers';
import { buildStatus } from './status-view';
import { listActivity, toActivityView } from './activity-view';
import { buildActivityChart } from './activity-chart';
import { toQuarantineView } from './quarantine-view';
import { describePlan, type PreviewableSettings } from './settings-preview';
import { serviceSecret } from './secret-sources';
import { createServiceM8SignIn } from './servicem8-sign-in';
import { oauthConfigFromEnv } from '../connectors/servicem8/index';
import { reconciliationHistory } from '../reports/reconciliation';

/** Whether a sync read a change or wrote anything on either side. */
function syncMovedAnything(result: SyncResult): boolean {
  return result.entities.some(
    (e) =>
      e.pulled.servicem8 + e.pulled.stripe + e.created.servicem8 + e.created.stripe + e.updated.servicem8 + e.updated.stripe + e.linked > 0,
  );
}

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
  /** The settings the runner reads, able to answer with unsaved ones for a dry run (previewSettings). */
  preview?: PreviewableSettings;
  /** The environment: which ServiceM8 add-on Sign in with ServiceM8 uses, and where the API is. */
  env?: NodeJS.ProcessEnv;
}

const log = createLogger('app/service');
const EXPORT_LIMIT = 1_000_000;
/** While a cycle runs, its progress is pushed this often (the runner has no events of its own). */
const PROGRESS_EVERY_MS = 1000;

export interface AppService extends ApiHandlers {
  /** A cycle the app starts by itself (schedule, resume, startup); null when not connected. */
  runCycle(trigger: Exclude<CycleTrigger, 'manual'>): Promise<SyncResult | null>;
  /** A reconciliation the app starts by itself (its cron) or the CLI asks for. */
  reconcile: ReportHandlers['reconcile'];
}

export function createAppService(deps: AppServiceDeps): AppService {
  const { store, settings, secrets, runner, events } = deps;
  const clock = deps.clock ?? (() => new Date());
  const connections = createConnectionHandlers(secrets, deps.connections);
  const pairs = new PairLookup(runner.pairs);
  const signIn = createServiceM8SignIn({
    config: oauthConfigFromEnv(deps.env ?? {}),
    secrets,
    apiBaseUrl: deps.env?.SERVICEM8_BASE_URL,
    onSettled: () =>
      void status().then(
        (next) => events.emit('status', next),
        () => undefined,
      ),
  });
  const reports = createReportHandlers({ store, settings, events, clock, syncRunning: () => runner.progress() !== null });

  async function status(): Promise<Status> {
    const [servicem8, stripe] = await Promise.all([connections.isConnected('servicem8'), connections.isConnected('stripe')]);
    return buildStatus(store, runner, {
      connected: { servicem8, stripe },
      settings: settings.get(),
      progress: runner.progress(),
      nextSyncAt: deps.nextSyncAt?.() ?? null,
      now: clock(),
    });
  }

  async function stripeTestMode(): Promise<boolean> {
    return (await serviceSecret(secrets, 'stripe'))?.value.includes('_test_') ?? false;
  }

  async function announce(activitySince?: string): Promise<void> {
    events.emit('status', await status());
    events.emit('conflictsChanged', { open: store.conflicts.countOpen() });
    if (activitySince) {
      const fresh = store.audit.list({ since: activitySince, limit: 500 }).map((e) => toActivityView(store, pairs, e));
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
    let result: SyncResult | null = null;
    try {
      result = await running;
      return result;
    } finally {
      clearInterval(ticker);
      await announce(since);
      // Reconciliation runs after a sync that read or wrote anything (and before the first
      // report); its failure never fails the sync. An idle sync changed nothing it compares,
      // so it is not re-read in full every cycle: the daily schedule still runs it.
      if (result?.state === 'completed' && !dryRun && (syncMovedAnything(result) || reconciliationHistory(store, 1).length === 0))
        await reports.reconcile('sync').catch((error: unknown) => log.warn({ err: error }, 'reconciliation after the sync failed'));
    }
  }

  return {
    ...reports,
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

    listPayments: ({ month }) => Promise.resolve(listPayments(store, month)),

    listActivity(query) {
      return Promise.resolve(listActivity(store, pairs, query));
    },

    getActivityChart({ days }) {
      return Promise.resolve(buildActivityChart(store, settings.get().businessTimeZone, clock(), days));
    },

    exportActivityCsv({ since }) {
      const zone = settings.get().businessTimeZone;
      const entries = store.audit.list({ since, limit: EXPORT_LIMIT }).map((e) => toActivityView(store, pairs, e));
      return Promise.resolve({ filename: activityCsvFilename(clock(), zone), csv: activityCsv(entries, zone) });
    },

    async listQuarantine() {
      const testMode = await stripeTestMode();
      return store.quarantine.listActive().map((record) => toQuarantineView(store, pairs, record, testMode));
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

    beginServiceM8SignIn: () => signIn.begin(),
    getServiceM8SignIn: () => Promise.resolve(signIn.state()),
    cancelServiceM8SignIn: () => {
      signIn.cancel();
      return Promise.resolve(signIn.state());
    },

    async disconnect({ service }) {
      const result = await connections.disconnect(service);
      events.emit('status', await status());
      return result;
    },

    listInvoices: (filter) => Promise.resolve(listInvoices(store, filter)),

    listInvoiceView: async (filter) => listInvoiceView(store, filter, await stripeTestMode()),

    async chooseInvoices({ jobUuids, action }) {
      const since = clock().toISOString();
      const result = chooseInvoices(store, jobUuids, action);
      if (result.resolved.length) await announce(since);
      return result;
    },

    getSettings: () => Promise.resolve(settings.get()),

    async previewSettings(next) {
      if (!deps.preview) throw new AppError('failed', 'A preview is not available here; save the settings and use Sync now.');
      if (!(await connectedToBoth()))
        throw new AppError('not_connected', 'Connect both ServiceM8 and Stripe to preview what a change would do.');
      if (runner.progress()) throw new AppError('busy', 'A sync is running; try the preview again when it has finished.');
      const result = await deps.preview.withPreview(next, () => runner.runCycle({ dryRun: true, trigger: 'manual' }));
      return {
        lines: describePlan(result, runner.pairs),
        planned: result.plan.length,
        error: result.state === 'completed' ? null : (result.error ?? 'The preview could not run.'),
      };
    },

    async updateSettings(next) {
      const saved = settings.update(() => next);
      events.emit('status', await status());
      return saved;
    },
  };
}
