// Builds the real sync runner for the app, `serve` and the CLI: credentials are read
// from the SecretStore at the start of every cycle (a key saved in the UI is used by
// the next sync), connectors are rebuilt only when a key changes, and the ServiceM8
// request budget (one limiter per account) survives rebuilds.
import { createHash } from 'node:crypto';
import type { SyncResult } from '../../../shared/api';
import type { RunProgress, SyncRunner } from '../app/ports';
import type { RunnerDeps } from '../app/open-app';
import {
  apiKeyAuth,
  OAuthTokenAuth,
  oauthConfigFromEnv,
  createServiceM8Limiter,
  SERVICEM8_LIMITS,
  DEFAULT_BASE_URL as SERVICEM8_DEFAULT_URL,
  ServiceM8Client,
  type ServiceM8Limits,
} from '../connectors/servicem8/index';
import { StripeConnector } from '../connectors/stripe/stripe-connector';
import { MemorySecretStore } from '../secrets/memory-secret-store';
import { classifyConnectorError } from './adapters/classify-error';
import { fetchBadgeUuids, withBadgeFilterResolved } from './adapters/resolve-badge-filter';
import { servicem8ClientsPort } from './adapters/servicem8-clients';
import { stripeCustomersPort } from './adapters/stripe-customers';
import { stripeEventFeed } from './adapters/stripe-event-feed';
import { createClientPair } from './clients/client-pair';
import type { SyncPair } from './engine/sync-pair';
import { servicem8PaymentsPort } from './payments/adapters/servicem8-payments-port';
import { stripePaymentsPort } from './payments/adapters/stripe-payments-port';
import { createPaymentPair } from './payments/payment-pair';
import { SingleFlight } from './engine/single-flight';
import { createInvoicePair } from './invoices/invoice-pair';
import { FileCycleLock } from './engine/cycle-lock';
import { SyncEngine } from './engine/sync-engine';
import { PAIR_DEFINITIONS } from './pair-catalogue';
import path from 'node:path';

export const STRIPE_DEFAULT_URL = 'https://api.stripe.com';

export interface RunnerTuning {
  servicem8Limits?: ServiceM8Limits;
  stripeRequestsPerSecond?: number | null;
  /** How long one HTTP request to either API may take before it is abandoned and retried (connector defaults otherwise). */
  requestTimeoutMs?: number;
  concurrency?: number;
  onProgress?: (progress: RunProgress) => void;
}

/**
 * Request budgets can be raised for the simulators (tests, benchmarks, the demo):
 * SM8SYNC_SERVICEM8_REQUESTS_PER_MINUTE and SM8SYNC_STRIPE_REQUESTS_PER_SECOND.
 * Against the real services leave them unset: the defaults stay under the published limits.
 * SM8SYNC_REQUEST_TIMEOUT_MS shortens the per-request timeout (the chaos harness's
 * injected hangs end on it); a request that times out is retried with the same
 * ServiceM8 uuid or Stripe idempotency key, so a write that did land is not repeated.
 */
export function tuningFromEnv(env: NodeJS.ProcessEnv): RunnerTuning {
  const tuning: RunnerTuning = {};
  const perMinute = env.SM8SYNC_SERVICEM8_REQUESTS_PER_MINUTE;
  if (perMinute !== undefined) {
    const value = Number(perMinute);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`SM8SYNC_SERVICEM8_REQUESTS_PER_MINUTE must be a whole number above 0 (got ${JSON.stringify(perMinute)})`);
    tuning.servicem8Limits = { perMinute: value, perDay: Math.max(SERVICEM8_LIMITS.perDay, value * 60 * 24) };
  }
  const perSecond = env.SM8SYNC_STRIPE_REQUESTS_PER_SECOND;
  if (perSecond !== undefined) {
    const value = Number(perSecond);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`SM8SYNC_STRIPE_REQUESTS_PER_SECOND must be a whole number above 0 (got ${JSON.stringify(perSecond)})`);
    tuning.stripeRequestsPerSecond = value;
  }
  const timeout = env.SM8SYNC_REQUEST_TIMEOUT_MS;
  if (timeout !== undefined) {
    const value = Number(timeout);
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`SM8SYNC_REQUEST_TIMEOUT_MS must be a whole number above 0 (got ${JSON.stringify(timeout)})`);
    tuning.requestTimeoutMs = value;
  }
  return tuning;
}

/**
 * Writes applied at once: enough to keep the Stripe budget busy at a ~100 ms round trip
 * (4 at the default 20/s; more when the budget is raised for the simulators, where 4
 * leaves it idle between answers). The limiters still pace every request.
 */
export function writesInFlight(stripePerSecond: number | null | undefined): number {
  const rate = stripePerSecond ?? 20;
  return Math.min(16, Math.max(4, Math.ceil(rate / 10)));
}

function fingerprint(...values: string[]): string {
  return createHash('sha256').update(values.join('\u0000')).digest('hex');
}

export function createSyncRunner(deps: RunnerDeps, overrides: RunnerTuning = {}): SyncRunner {
  const tuning = { ...tuningFromEnv(deps.env), ...overrides };
  const limiter = createServiceM8Limiter(tuning.servicem8Limits);
  const limits = tuning.servicem8Limits ?? SERVICEM8_LIMITS;
  const flight = new SingleFlight<SyncResult>();
  let engine: { key: string; engine: SyncEngine } | null = null;

  async function engineFor(): Promise<SyncEngine | string> {
    // Signed in with ServiceM8 (OAuth) wins over an API key; the tokens stay in the secret store, which the auth refreshes.
    const oauth = (await deps.secrets.get('servicem8.oauthTokens')) ? oauthConfigFromEnv(deps.env) : null;
    const servicem8Key = oauth ? null : await deps.secrets.get('servicem8.apiKey');
    const stripeKey = await deps.secrets.get('stripe.apiKey');
    if ((!oauth && !servicem8Key) || !stripeKey) {
      const missing = [!oauth && !servicem8Key && 'ServiceM8', !stripeKey && 'Stripe'].filter(Boolean).join(' and ');
      return `Not connected: add a ${missing} key (sm8sync connects through the app's Connect screen, or SERVICEM8_API_KEY / STRIPE_API_KEY for headless use).`;
    }
    const key = fingerprint(oauth ? `oauth:${oauth.clientId}` : servicem8Key!, stripeKey);
    if (engine?.key === key) return engine.engine;
    const servicem8 = new ServiceM8Client({
      baseUrl: deps.env.SERVICEM8_BASE_URL ?? SERVICEM8_DEFAULT_URL,
      auth: oauth ? new OAuthTokenAuth(oauth, deps.secrets) : apiKeyAuth(new MemorySecretStore({ 'servicem8.apiKey': servicem8Key! })),
      limiter,
      cursor: { overlapSeconds: deps.settings.get().sync.overlapSeconds },
      ...(tuning.requestTimeoutMs !== undefined ? { timeoutMs: tuning.requestTimeoutMs } : {}),
    });
    const stripe = new StripeConnector({
      apiKey: stripeKey,
      baseUrl: deps.env.STRIPE_BASE_URL ?? STRIPE_DEFAULT_URL,
      ...(tuning.stripeRequestsPerSecond !== undefined ? { maxRequestsPerSecond: tuning.stripeRequestsPerSecond } : {}),
      ...(tuning.requestTimeoutMs !== undefined ? { timeoutMs: tuning.requestTimeoutMs } : {}),
    });
    const pair = createClientPair({
      store: deps.store,
      servicem8: servicem8ClientsPort(servicem8),
      stripe: stripeCustomersPort(stripe),
      errors: { classify: classifyConnectorError },
    });
    // Clients, then invoices (each job's client must be linked), then payments (each needs its invoice's link).
    const pairs: SyncPair[] = [
      withBadgeFilterResolved(pair, (names, signal) => fetchBadgeUuids(servicem8, names, signal)),
      createInvoicePair({ store: deps.store, servicem8, stripe, errors: { classify: classifyConnectorError } }),
      createPaymentPair({
        store: deps.store,
        servicem8: servicem8PaymentsPort(servicem8),
        stripe: stripePaymentsPort(stripe),
        errors: { classify: classifyConnectorError },
      }),
    ];
    const built = new SyncEngine({
      store: deps.store,
      // A read-only folder (dry run only) can hold no lock, and a dry run writes nothing a lock would guard.
      ...(deps.store.readOnly ? {} : { lock: new FileCycleLock(path.dirname(deps.store.file)) }),
      pairs,
      feeds: [stripeEventFeed(stripe)],
      settings: () => deps.settings.get(),
      rateBudget: () => budget(),
      concurrency: tuning.concurrency ?? writesInFlight(tuning.stripeRequestsPerSecond),
      ...(tuning.onProgress ? { onProgress: tuning.onProgress } : {}),
    });
    engine = { key, engine: built };
    return built;
  }

  function budget() {
    return { usedLastMinute: limiter.used(0), perMinute: limits.perMinute, usedToday: limiter.used(1), perDay: limits.perDay };
  }

  return {
    pairs: PAIR_DEFINITIONS,
    progress: () => engine?.engine.progress() ?? null,
    rateBudget: budget,
    runCycle: (options) =>
      flight.run(async () => {
        const ready = await engineFor();
        if (typeof ready !== 'string') return ready.runCycle(options);
        const now = new Date().toISOString();
        return { runId: 0, dryRun: options.dryRun, state: 'failed', startedAt: now, finishedAt: now, entities: [], plan: [], error: ready };
      }),
  };
}
