// The real sync engine and clients pair in this process, over the real connectors and
// both simulators on loopback (no CLI process): tests that need to act at an exact
// step of a cycle wrap the pair's ports with hooks instead of racing a subprocess.
import { ServiceM8Client, apiKeyAuth } from '../../src/main/core/connectors/servicem8/index';
import { StripeConnector } from '../../src/main/core/connectors/stripe/stripe-connector';
import { MemorySecretStore } from '../../src/main/core/secrets/memory-secret-store';
import { Store } from '../../src/main/core/store/store';
import { classifyConnectorError } from '../../src/main/core/sync/adapters/classify-error';
import { servicem8ClientsPort } from '../../src/main/core/sync/adapters/servicem8-clients';
import { stripeCustomersPort } from '../../src/main/core/sync/adapters/stripe-customers';
import { stripeEventFeed } from '../../src/main/core/sync/adapters/stripe-event-feed';
import { createClientPair } from '../../src/main/core/sync/clients/client-pair';
import type { ServiceM8ClientsPort, StripeCustomersPort } from '../../src/main/core/sync/clients/ports';
import { SyncEngine } from '../../src/main/core/sync/engine/sync-engine';
import type { SyncPair } from '../../src/main/core/sync/engine/sync-pair';
import { createInvoicePair } from '../../src/main/core/sync/invoices/invoice-pair';
import { servicem8PaymentsPort } from '../../src/main/core/sync/payments/adapters/servicem8-payments-port';
import { stripePaymentsPort } from '../../src/main/core/sync/payments/adapters/stripe-payments-port';
import { createPaymentPair } from '../../src/main/core/sync/payments/payment-pair';
import {
  startServiceM8Simulator,
  type RunningServiceM8Simulator,
  type ServiceM8SimulatorOptions,
} from '../../src/main/simulators/servicem8/index';
import { startStripeSimulator, type RunningStripeSimulator, type StripeSimulatorOptions } from '../../src/main/simulators/stripe/index';
import { parseSettings, type SettingsInput } from '../../src/shared/settings';
import { ServiceM8Http, SM8_KEY, STRIPE_KEY, stripeClient } from '../helpers/sides-over-http';

export interface Sims {
  servicem8: RunningServiceM8Simulator;
  stripe: RunningStripeSimulator;
  sm8: ServiceM8Http;
  stripeApi: ReturnType<typeof stripeClient>;
  close(): Promise<void>;
}

export async function startSims(options: { servicem8?: ServiceM8SimulatorOptions; stripe?: StripeSimulatorOptions } = {}): Promise<Sims> {
  const servicem8 = await startServiceM8Simulator({ seed: 'none', rateLimits: 'off', ...options.servicem8 });
  const stripe = await startStripeSimulator({ seed: 'none', rateLimits: 'off', ...options.stripe });
  return {
    servicem8,
    stripe,
    sm8: new ServiceM8Http(servicem8.url),
    stripeApi: stripeClient(stripe.url),
    close: async () => {
      await Promise.all([servicem8.close(), stripe.close()]);
    },
  };
}

/** Methods of a port, each of which may be wrapped to act before or after the real call. */
export type Hooked<P> = {
  [K in keyof P]?: P[K] extends (...args: infer A) => Promise<infer R> ? (real: P[K], ...args: A) => Promise<R> : never;
};

function hook<P extends object>(port: P, hooks: Hooked<P>): P {
  const out = { ...port } as Record<string, unknown>;
  for (const [name, wrapper] of Object.entries(hooks)) {
    const real = (port as Record<string, unknown>)[name] as (...args: unknown[]) => Promise<unknown>;
    out[name] = (...args: unknown[]) => (wrapper as (r: typeof real, ...a: unknown[]) => Promise<unknown>)(real, ...args);
  }
  return out as P;
}

export interface EngineOptions {
  dataDir: string;
  settings?: SettingsInput;
  servicem8Hooks?: Hooked<ServiceM8ClientsPort>;
  stripeHooks?: Hooked<StripeCustomersPort>;
  /** The machine's clock as the app sees it (cursors, outbox retry times). */
  clock?: () => Date;
  servicem8Limits?: { perMinute: number; perDay: number };
  concurrency?: number;
  /** The invoices and payments pairs after the clients pair, as create-runner.ts orders them. */
  allPairs?: boolean;
}

/** The engine exactly as create-runner.ts builds it, with optional hooks on the pair's ports. */
export function buildEngine(
  sims: Sims,
  options: EngineOptions,
): { engine: SyncEngine; store: Store; sync: () => ReturnType<SyncEngine['runCycle']> } {
  const clock = options.clock ?? (() => new Date());
  const store = Store.open(options.dataDir, { clock });
  const settings = parseSettings(options.settings ?? {});
  const servicem8 = new ServiceM8Client({
    baseUrl: sims.servicem8.url,
    auth: apiKeyAuth(new MemorySecretStore({ 'servicem8.apiKey': SM8_KEY })),
    limits: options.servicem8Limits ?? { perMinute: 1_000_000, perDay: 10_000_000 },
    retry: { retries: 3, baseMs: 5, maxMs: 20 },
    cursor: { overlapSeconds: settings.sync.overlapSeconds },
    now: clock,
  });
  const stripe = new StripeConnector({
    apiKey: STRIPE_KEY,
    baseUrl: sims.stripe.url,
    maxRequestsPerSecond: null,
    retry: { retries: 3, baseMs: 5, maxMs: 20 },
  });
  const pair = createClientPair({
    store,
    servicem8: hook(servicem8ClientsPort(servicem8), options.servicem8Hooks ?? {}),
    stripe: hook(stripeCustomersPort(stripe), options.stripeHooks ?? {}),
    errors: { classify: classifyConnectorError },
  });
  const errors = { classify: classifyConnectorError };
  const pairs: SyncPair[] = options.allPairs
    ? [
        pair,
        createInvoicePair({ store, servicem8, stripe, errors }),
        createPaymentPair({ store, servicem8: servicem8PaymentsPort(servicem8), stripe: stripePaymentsPort(stripe), errors }),
      ]
    : [pair];
  const engine = new SyncEngine({
    store,
    pairs,
    feeds: [stripeEventFeed(stripe)],
    settings: () => settings,
    clock,
    rateBudget: () => ({ usedLastMinute: 0, perMinute: 180, usedToday: 0, perDay: 20_000 }),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  });
  return { engine, store, sync: () => engine.runCycle({ dryRun: false, trigger: 'cli' }) };
}

/** `count` ServiceM8 clients (company + billing contact), 25 requests at a time; returns company uuids in order. */
export async function addServiceM8Clients(
  sm8: ServiceM8Http,
  count: number,
  prefix: string,
  uuid?: (n: number) => string,
): Promise<string[]> {
  const out: string[] = [];
  for (let start = 0; start < count; start += 25) {
    const batch = Array.from({ length: Math.min(25, count - start) }, (_, i) => start + i);
    const made = await Promise.all(
      batch.map((n) =>
        sm8.addClient(
          { name: `${prefix} Client ${n} Pty Ltd`, ...(uuid ? { uuid: uuid(n) } : {}) },
          { email: `${prefix.toLowerCase()}${n}@example.com.au`, mobile: `04${String(10_000_000 + n).slice(-8)}` },
        ),
      ),
    );
    out.push(...made.map((m) => m.company));
  }
  return out;
}
