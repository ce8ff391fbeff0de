// Public entry point of the Stripe simulator: an in-memory HTTP server on
// 127.0.0.1 that the official `stripe` SDK cannot tell from Stripe for the calls
// sm8sync makes. See ASSUMPTIONS.md for what the reference left unconfirmed.
import { FaultInjector } from '../shared/faults';
import { startLoopbackServer } from '../shared/http-server';
import { Pipeline, type PipelineStats } from './pipeline';
import { Router } from './router';
import type { SimClock } from './resources/sim-routes';
import { allRoutes } from './routes';
import { seedDemo } from './seed-demo';
import { SimStore } from './store';

export interface StripeSimulatorOptions {
  /** 0 (default) = any free port. */
  port?: number;
  seed?: 'demo' | 'none';
  /** 'real' (default): ~25 requests a second per API key, answered with 429 beyond. */
  rateLimits?: 'real' | 'off';
  ratePerSecond?: number;
  /** Fraction of requests answered with an injected 500 (retry-safe: nothing executed). */
  errorRate?: number;
  latencyMs?: number;
  /** Fraction of writes committed and then answered with a reset connection. */
  dropAfterWriteRate?: number;
  /** Fraction of writes answered with 429 `lock_timeout` (Stripe-Should-Retry: true). */
  lockTimeoutRate?: number;
  now?: () => Date;
  /** Seed of the id generator and fault injection (default 42). */
  randomSeed?: number;
}

export interface RunningStripeSimulator {
  url: string;
  port: number;
  close(): Promise<void>;
  faults: FaultInjector;
  readonly requestCount: number;
  /** What the fault injection, rate limiter and idempotency layer did so far. */
  readonly stats: Readonly<PipelineStats>;
  /** Direct inspection of the in-memory state (tests only). */
  store: SimStore;
  setRateLimit(mode: 'real' | 'off', ratePerSecond?: number): void;
  advanceClock(seconds: number): void;
  /** Sets the simulated time; it then runs on with wall time (like POST /_sim/clock). */
  setClock(now: Date): void;
  setLockTimeoutRate(rate: number): void;
}

const REAL_RATE = 25;

export async function startStripeSimulator(options: StripeSimulatorOptions = {}): Promise<RunningStripeSimulator> {
  const randomSeed = options.randomSeed ?? 42;
  const store = new SimStore(randomSeed);
  // Simulated time = wall time + an offset that /_sim/clock moves. Rate limits
  // count on wall time (a test clock does not change how fast requests arrive).
  let offsetMs = 0;
  const wallMs = () => (options.now ? options.now().getTime() : Date.now());
  const nowMs = () => wallMs() + offsetMs;
  const clock: SimClock = {
    advance: (seconds: number) => {
      offsetMs += seconds * 1000;
    },
    set: (ms: number) => {
      offsetMs = ms - wallMs();
    },
    nowMs,
  };
  const faults = new FaultInjector({
    errorRate: options.errorRate,
    latencyMs: options.latencyMs,
    dropAfterWriteRate: options.dropAfterWriteRate,
    seed: randomSeed,
  });
  const rate = (mode: 'real' | 'off' | undefined, perSecond?: number) => (mode === 'off' ? null : (perSecond ?? REAL_RATE));
  const pipeline = new Pipeline({
    store,
    router: new Router(allRoutes(clock)),
    faults,
    ratePerSecond: rate(options.rateLimits, options.ratePerSecond),
    nowMs,
    wallMs,
    lockTimeoutRate: options.lockTimeoutRate,
    randomSeed,
  });
  if (options.seed === 'demo') seedDemo(pipeline);
  const server = await startLoopbackServer(pipeline.handle, options.port ?? 0);
  return {
    url: server.url,
    port: server.port,
    close: () => server.close(),
    faults,
    get requestCount() {
      return pipeline.requestCount;
    },
    stats: pipeline.stats,
    store,
    setRateLimit: (mode, perSecond) => pipeline.setRatePerSecond(rate(mode, perSecond ?? options.ratePerSecond)),
    advanceClock: (seconds) => clock.advance(seconds),
    setClock: (now) => clock.set(now.getTime()),
    setLockTimeoutRate: (value) => {
      pipeline.lockTimeoutRate = value;
    },
  };
}
