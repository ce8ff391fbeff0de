// One trial's world: both simulators in this process (so their fault switches can be
// flipped and their counters read), and the two "people" who edit each side through
// the same HTTP APIs the app uses. A person's own edit is never faulted: faults are
// switched off around it (the sync in flight sees none for those milliseconds).
import Stripe from 'stripe';
import { STRIPE_API_VERSION } from '../../src/main/core/connectors/stripe/client';
import { startServiceM8Simulator, type RunningServiceM8Simulator } from '../../src/main/simulators/servicem8/index';
import { startStripeSimulator, type RunningStripeSimulator } from '../../src/main/simulators/stripe/index';

export const SM8_KEY = 'sm8-demo-key';
export const STRIPE_KEY = 'sk_test_chaosSm8syncKey1';

export interface FaultPlan {
  /** Fraction of ServiceM8 requests answered 500/503. */
  servicem8ErrorRate: number;
  /** Fraction of ServiceM8 writes committed, then the connection dropped. */
  servicem8DropRate: number;
  stripeErrorRate: number;
  /** Fraction of Stripe writes answered 429 lock_timeout. */
  stripeLockTimeoutRate: number;
  stripeDropRate: number;
  /** Fractions of requests carried out and then never answered: the sync's request timeout ends them. */
  servicem8HangRate: number;
  stripeHangRate: number;
}

export const NO_FAULTS: FaultPlan = {
  servicem8ErrorRate: 0,
  servicem8DropRate: 0,
  stripeErrorRate: 0,
  stripeLockTimeoutRate: 0,
  stripeDropRate: 0,
  servicem8HangRate: 0,
  stripeHangRate: 0,
};

/** 20 % of requests fail in some way: 5xx, 429 lock timeouts, writes whose answer is lost, timeouts. */
export const CHAOS_FAULTS: FaultPlan = {
  servicem8ErrorRate: 0.13,
  servicem8DropRate: 0.05,
  servicem8HangRate: 0.02,
  stripeErrorRate: 0.09,
  stripeLockTimeoutRate: 0.05,
  stripeDropRate: 0.04,
  stripeHangRate: 0.02,
};

/**
 * The sync's per-request timeout in trials (SM8SYNC_REQUEST_TIMEOUT_MS): a hung request
 * ends after this long and is retried. A real answer slower than this on a loaded
 * machine is only one more retry, which is safe; it costs time, never correctness.
 */
export const REQUEST_TIMEOUT_MS = 1_500;

export interface FaultCounts {
  serverErrors: number;
  rateLimited: number;
  droppedAfterWrite: number;
  timeouts: number;
}

export const totalFaults = (f: FaultCounts): number => f.serverErrors + f.rateLimited + f.droppedAfterWrite + f.timeouts;

export class World {
  private faults: FaultPlan = NO_FAULTS;
  private calmDepth = 0;
  readonly stripeApi: Stripe;
  /**
   * ServiceM8 companies and jobs a pair's workload made for its own records (the jobs
   * of the invoices and payments workloads need clients): every other workload leaves
   * them out of its snapshot instead of counting them as records no person made.
   */
  readonly owners = new Map<string, string>();

  private constructor(
    readonly servicem8: RunningServiceM8Simulator,
    readonly stripe: RunningStripeSimulator,
  ) {
    const { hostname, port } = new URL(stripe.url);
    this.stripeApi = new Stripe(STRIPE_KEY, {
      apiVersion: STRIPE_API_VERSION,
      host: hostname,
      port: Number(port),
      protocol: 'http',
      maxNetworkRetries: 2,
    });
  }

  static async start(seed: number): Promise<World> {
    const servicem8 = await startServiceM8Simulator({ seed: 'none', rateLimits: 'off', faultSeed: seed });
    const stripe = await startStripeSimulator({ seed: 'none', rateLimits: 'off', randomSeed: seed });
    return new World(servicem8, stripe);
  }

  env(dataDir: string): NodeJS.ProcessEnv {
    return {
      SERVICEM8_BASE_URL: this.servicem8.url,
      STRIPE_BASE_URL: this.stripe.url,
      SERVICEM8_API_KEY: SM8_KEY,
      STRIPE_API_KEY: STRIPE_KEY,
      SM8SYNC_DATA_DIR: dataDir,
      SM8SYNC_SERVICEM8_REQUESTS_PER_MINUTE: '60000',
      SM8SYNC_STRIPE_REQUESTS_PER_SECOND: '1000',
      SM8SYNC_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    };
  }

  setFaults(plan: FaultPlan): void {
    this.faults = plan;
    if (this.calmDepth === 0) this.apply(plan);
  }

  private apply(plan: FaultPlan): void {
    this.servicem8.faults.configure({
      errorRate: plan.servicem8ErrorRate,
      dropAfterWriteRate: plan.servicem8DropRate,
      hangRate: plan.servicem8HangRate,
    });
    this.stripe.faults.configure({
      errorRate: plan.stripeErrorRate,
      dropAfterWriteRate: plan.stripeDropRate,
      hangRate: plan.stripeHangRate,
    });
    this.stripe.setLockTimeoutRate(plan.stripeLockTimeoutRate);
  }

  /** A person's edit: made with faults off, then the trial's faults come back. */
  async calm<T>(work: () => Promise<T>): Promise<T> {
    this.calmDepth += 1;
    this.apply(NO_FAULTS);
    try {
      return await work();
    } finally {
      this.calmDepth -= 1;
      if (this.calmDepth === 0) this.apply(this.faults);
    }
  }

  /** Faults the simulators injected so far, by kind. */
  faultsInjected(): FaultCounts {
    const s = this.stripe.stats;
    const m = this.servicem8.stats;
    return {
      serverErrors: s.injectedErrors + (m.byStatus[500] ?? 0) + (m.byStatus[503] ?? 0),
      rateLimited: s.lockTimeouts,
      droppedAfterWrite: s.droppedWrites + m.droppedWrites,
      timeouts: s.hungRequests + m.hungRequests,
    };
  }

  private async sm8(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
    const response = await fetch(`${this.servicem8.url}/api_1.0/${path}`, {
      method,
      headers: { 'X-API-Key': SM8_KEY, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`ServiceM8 ${method} ${path}: ${response.status} ${await response.text()}`);
    return response;
  }

  sm8Create(object: string, body: Record<string, unknown>): Promise<unknown> {
    return this.calm(() => this.sm8('POST', `${object}.json`, body));
  }

  sm8Update(object: string, uuid: string, body: Record<string, unknown>): Promise<unknown> {
    return this.calm(() => this.sm8('POST', `${object}/${uuid}.json`, body));
  }

  /** Every record of an object, active or not (the final comparison; faults are off by then). */
  async sm8List(object: string): Promise<Record<string, unknown>[]> {
    const rows: Record<string, unknown>[] = [];
    let cursor = '-1';
    for (let page = 0; page < 100; page += 1) {
      const response = await this.calm(() => this.sm8('GET', `${object}.json?cursor=${encodeURIComponent(cursor)}`));
      rows.push(...((await response.json()) as Record<string, unknown>[]));
      const next = response.headers.get('x-next-cursor');
      if (!next || next === cursor) break;
      cursor = next;
    }
    return rows;
  }

  async stripeCustomers(): Promise<Stripe.Customer[]> {
    return this.calm(() => this.stripeApi.customers.list({ limit: 100 }).autoPagingToArray({ limit: 10_000 }));
  }

  async close(): Promise<void> {
    await Promise.all([this.servicem8.close(), this.stripe.close()]);
  }
}
