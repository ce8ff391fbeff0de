// The ServiceM8 simulator: a loopback HTTP server that behaves like the ServiceM8 REST
// API as described in reference/servicem8-api.md. Backs `sm8sync simulate`, the demo
// and the tests. Where the reference is unconfirmed, see ASSUMPTIONS.md.
import { SlidingWindowLimiter } from '../../core/util/sliding-window-limiter';
import { FaultInjector } from '../shared/faults';
import { startLoopbackServer } from '../shared/http-server';
import { SimulatorAuth, type OAuthClient } from './auth';
import { handleRequest, type SimulatorState, type SimulatorStats } from './handler';
import { DEFAULT_REDIRECT_HOSTS } from './oauth-routes';
import { seedDemo } from './seed/demo-seed';
import { seedMinimal } from './seed/minimal-seed';
import { SimClock } from './sim-clock';
import { SimulatorStore } from './store';
import type { SimBehaviour } from './behaviour';

export const DEFAULT_API_KEY = 'sm8-demo-key';
export const DEFAULT_OAUTH_CLIENT: OAuthClient = { clientId: 'sm8-demo-client', clientSecret: 'sm8-demo-secret' };
/** The documented page size (reference §5, S4); third parties saw 1,000 on email.json only. */
export const DEFAULT_PAGE_SIZE = 5000;
export const REAL_LIMITS = { perMinute: 180, perDay: 20_000 };

export interface RateLimits {
  perMinute: number;
  perDay: number;
  /** Window lengths, shortened for benchmarks and tests (defaults 60 s and 24 h). */
  minuteMs?: number;
  dayMs?: number;
}

export interface ServiceM8SimulatorOptions {
  port?: number;
  seed?: 'demo' | 'none';
  rateLimits?: 'real' | 'off';
  /** Overrides the real limits (implies rateLimits 'real' unless 'off' is given). */
  limits?: RateLimits;
  errorRate?: number;
  latencyMs?: number;
  dropAfterWriteRate?: number;
  faultSeed?: number;
  apiKey?: string;
  oauthClients?: OAuthClient[];
  accessTokenTtlSeconds?: number;
  pkce?: 'ignored' | 'enforced';
  redirectHosts?: string[];
  /** Loaded at start when it exists; written on close() and save(). */
  dataFile?: string;
  pageSize?: number;
  /** Apply `ne` filter conditions (default false: ignored, as seen live; assumption A6). */
  strictNe?: boolean;
  /**
   * Wall clock for token expiry, and the base of the simulated clock that stamps every
   * write (POST /_sim/clock or setNow() moves the latter). The rate limits follow the
   * simulated clock forward (a day moved on is a day's budget back), never back (A14, A28).
   */
  now?: () => Date;
  /** Simulated time at start (default: the wall clock). */
  startAt?: Date;
  /** Open behaviours (A10, A12, A27). */
  behaviour?: Partial<SimBehaviour>;
}

export interface RunningServiceM8Simulator {
  /** Base URL, e.g. http://127.0.0.1:PORT; the API is at `${url}/api_1.0`, OAuth at `${url}/oauth/…` (A25). */
  url: string;
  port: number;
  apiKey: string;
  oauthClient: OAuthClient;
  store: SimulatorStore;
  faults: FaultInjector;
  stats: SimulatorStats;
  /** The simulated time (what POST /_sim/clock sets). */
  now(): Date;
  setNow(instant: Date): void;
  /** Requests received so far. */
  readonly requestCount: number;
  save(): void;
  close(): Promise<void>;
}

export async function startServiceM8Simulator(options: ServiceM8SimulatorOptions = {}): Promise<RunningServiceM8Simulator> {
  const now = options.now ?? (() => new Date());
  const clock = new SimClock(now);
  if (options.startAt) clock.set(options.startAt);
  const store = new SimulatorStore();
  const loaded = options.dataFile ? store.loadFile(options.dataFile) : false;
  if (!loaded) {
    if (options.seed === 'demo') seedDemo(store);
    else seedMinimal(store, () => clock.now());
  }
  const limits: RateLimits = options.limits ?? REAL_LIMITS;
  const windows = [
    { limit: limits.perMinute, ms: limits.minuteMs ?? 60_000 },
    { limit: limits.perDay, ms: limits.dayMs ?? 86_400_000 },
  ];
  const limiters = new Map<string, SlidingWindowLimiter>();
  // Real ServiceM8 counts real time, and the simulated clock is that time (A14).
  const rateClock = { now: () => clock.elapsedMs() };
  const clients = options.oauthClients ?? [DEFAULT_OAUTH_CLIENT];
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  const state: SimulatorState = {
    store,
    clock,
    now: () => clock.now(),
    ...(options.behaviour ? { behaviour: options.behaviour } : {}),
    auth: new SimulatorAuth({
      apiKey,
      clients,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? 3600,
      pkce: options.pkce ?? 'ignored',
      now,
    }),
    faults: new FaultInjector({
      errorRate: options.errorRate,
      latencyMs: options.latencyMs,
      dropAfterWriteRate: options.dropAfterWriteRate,
      seed: options.faultSeed,
    }),
    limiterFor:
      options.rateLimits === 'off'
        ? undefined
        : (bucket) => {
            let limiter = limiters.get(bucket);
            if (!limiter) limiters.set(bucket, (limiter = new SlidingWindowLimiter(windows, rateClock)));
            return limiter;
          },
    perDay: limits.perDay,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    filter: { neIgnored: !options.strictNe },
    redirectHosts: options.redirectHosts ?? DEFAULT_REDIRECT_HOSTS,
    stats: { requests: 0, byStatus: {}, arrivals: [], droppedWrites: 0, hungRequests: 0 },
  };
  const server = await startLoopbackServer((request, response) => handleRequest(state, request, response), options.port ?? 0);
  const save = () => {
    if (options.dataFile) store.saveFile(options.dataFile);
  };
  return {
    url: server.url,
    port: server.port,
    apiKey,
    oauthClient: clients[0] ?? DEFAULT_OAUTH_CLIENT,
    store,
    faults: state.faults,
    stats: state.stats,
    now: () => clock.now(),
    setNow: (instant) => clock.set(instant),
    get requestCount() {
      return state.stats.requests;
    },
    save,
    close: async () => {
      await server.close();
      save();
    },
  };
}

export type { OAuthClient } from './auth';
export type { SimulatorStats } from './handler';
export type { SimulatorStore, WireRecord } from './store';
