// One request through the simulator, in Stripe's order: auth → rate limit → fault
// injection → routing and parsing → idempotency → latency → execution → events
// committed with the result → response (or a dropped connection after the write).
import type http from 'node:http';
import { runDueWork } from './automatic';
import { authenticate, injectedServerError, lockTimeoutError, rateLimitError } from './auth';
import { seededRandom } from '../shared/random';
import type { PendingEvent, RouteResult, SimContext } from './context';
import { SimError } from './errors';
import { applyExpand, expandPaths } from './expand';
import { parseForm, type FormObject } from './form-body';
import { IdempotencyStore, fingerprintOf } from './idempotency';
import { newEvent, API_VERSION } from './objects/event';
import { render } from './render';
import { parseSimJson } from './sim-json';
import type { Router } from './router';
import type { SimStore } from './store';
import { headerOf, readBody } from '../shared/http-server';
import { holdUntilClientCloses, type FaultInjector } from '../shared/faults';
import { SlidingWindowLimiter } from '../../core/util/sliding-window-limiter';

export interface PipelineOptions {
  store: SimStore;
  router: Router;
  faults: FaultInjector;
  /** Requests per second per API key, or null for no limit. */
  ratePerSecond: number | null;
  /** The simulated clock (object timestamps, idempotency retention, event expiry). */
  nowMs: () => number;
  /** Wall time: what the rate limiter counts on. */
  wallMs: () => number;
  /** Fraction of writes answered with a 429 `lock_timeout` before they execute. */
  lockTimeoutRate?: number;
  randomSeed?: number;
}

export interface PipelineStats {
  injectedErrors: number;
  lockTimeouts: number;
  droppedWrites: number;
  /** Requests held unanswered until the client gave up (injected timeouts). */
  hungRequests: number;
  rateLimited: number;
  replays: number;
  /** Arrival time of every request (ms), for tests that check a client's pace independently. */
  arrivals: number[];
  /** Requests that reached a route, by `METHOD pattern` (what a bench reports per kind of request). */
  routes: Record<string, number>;
}

export class Pipeline {
  requestCount = 0;
  readonly stats: PipelineStats = {
    injectedErrors: 0,
    lockTimeouts: 0,
    droppedWrites: 0,
    hungRequests: 0,
    rateLimited: 0,
    replays: 0,
    arrivals: [],
    routes: {},
  };
  private readonly idempotency: IdempotencyStore;
  private readonly limiters = new Map<string, SlidingWindowLimiter>();
  private readonly lockRandom: () => number;
  lockTimeoutRate: number;

  constructor(private readonly options: PipelineOptions) {
    this.idempotency = new IdempotencyStore(options.nowMs);
    this.lockRandom = seededRandom((options.randomSeed ?? 42) + 1);
    this.lockTimeoutRate = options.lockTimeoutRate ?? 0;
  }

  setRatePerSecond(rate: number | null): void {
    this.options.ratePerSecond = rate;
    this.limiters.clear();
  }

  readonly handle = async (request: http.IncomingMessage, response: http.ServerResponse): Promise<void> => {
    this.requestCount += 1;
    this.stats.arrivals.push(Date.now());
    const { store } = this.options;
    const requestId = store.ids.next('req', 14);
    const method = request.method ?? 'GET';
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const idemKey = method === 'POST' ? headerOf(request, 'idempotency-key') : undefined;
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'Request-Id': requestId,
      'Stripe-Version': headerOf(request, 'stripe-version') ?? API_VERSION,
    };
    if (idemKey) headers['Idempotency-Key'] = idemKey;
    let apiKey: string | undefined;
    let claimed = false;
    try {
      const body = await readBody(request).catch(() => {
        throw SimError.invalid('The request body could not be read (too large or interrupted).');
      });
      apiKey = authenticate(headerOf(request, 'authorization'));
      this.checkRate(apiKey);
      if (this.options.faults.shouldFail()) {
        this.stats.injectedErrors += 1;
        throw injectedServerError();
      }
      this.runDue();
      const match = this.options.router.match(method, url.pathname);
      if (!match) throw SimError.unrecognizedUrl(method, url.pathname);
      const route = `${method} ${match.route.pattern}`;
      this.stats.routes[route] = (this.stats.routes[route] ?? 0) + 1;
      const isSim = url.pathname.startsWith('/_sim/');
      const json = isSim && (headerOf(request, 'content-type') ?? '').includes('application/json');
      const query = url.search.replace(/^\?/, '');
      const params = method === 'POST' ? (json ? parseSimJson(body) : parseForm(body)) : parseForm(query);
      if (method === 'POST' && this.lockTimeoutRate > 0 && this.lockRandom() < this.lockTimeoutRate) {
        // A lock collision happens before execution, so like a 429 it stores nothing.
        this.stats.lockTimeouts += 1;
        throw lockTimeoutError();
      }
      if (idemKey && idemKey.length > 255)
        throw SimError.invalid('Idempotency keys can be no longer than 255 characters.', 'Idempotency-Key');
      if (idemKey) {
        const outcome = this.idempotency.begin(apiKey, idemKey, fingerprintOf(method, url.pathname, params));
        if (outcome.kind === 'replay') {
          this.stats.replays += 1;
          await this.options.faults.delay();
          return send(response, outcome.status, { ...headers, 'Idempotent-Replayed': 'true' }, outcome.body);
        }
        claimed = true;
      }
      await this.options.faults.delay();
      const result = this.execute(match.route.handler, match.path, params, requestId, isSim ? null : (idemKey ?? null));
      const status = result.status ?? 200;
      const text = JSON.stringify(result.body);
      if (claimed && idemKey) this.idempotency.complete(apiKey, idemKey, status, text);
      if (this.options.faults.shouldHang()) {
        // The work is done (a write committed and stored for replay); the answer never comes.
        this.stats.hungRequests += 1;
        return await holdUntilClientCloses(response);
      }
      if (method !== 'GET' && this.options.faults.shouldDropAfterWrite()) {
        // The write is committed and stored for replay; the client only sees a reset.
        this.stats.droppedWrites += 1;
        response.socket?.destroy();
        return;
      }
      send(response, status, headers, text);
    } catch (error) {
      const simError =
        error instanceof SimError ? error : new SimError(500, { type: 'api_error', message: 'An unknown error occurred.' }, true);
      const text = JSON.stringify({ error: { ...simError.body, request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}` } });
      if (claimed && apiKey && idemKey) {
        if (simError.stored) this.idempotency.complete(apiKey, idemKey, simError.status, text);
        else this.idempotency.release(apiKey, idemKey);
      }
      send(response, simError.status, { ...headers, ...simError.headers }, text);
    }
  };

  private checkRate(apiKey: string): void {
    const rate = this.options.ratePerSecond;
    if (rate === null) return;
    let limiter = this.limiters.get(apiKey);
    if (!limiter) {
      limiter = new SlidingWindowLimiter([{ limit: rate, ms: 1000 }], { now: this.options.wallMs });
      this.limiters.set(apiKey, limiter);
    }
    if (!limiter.tryAcquire().ok) {
      this.stats.rateLimited += 1;
      throw rateLimitError();
    }
  }

  /** Stripe's automatic work that has come due on the simulated clock (automatic.ts). */
  private runDue(): void {
    this.execute(runDueWork, {}, {}, null, null);
  }

  /** Runs a route without HTTP (seeding); its events carry no request. */
  executeDirect(method: 'GET' | 'POST' | 'DELETE', pathname: string, params: FormObject): Record<string, unknown> {
    this.runDue();
    const match = this.options.router.match(method, pathname);
    if (!match) throw SimError.unrecognizedUrl(method, pathname);
    return this.execute(match.route.handler, match.path, params, null, null).body as Record<string, unknown>;
  }

  private execute(
    handler: (ctx: SimContext) => RouteResult,
    path: Record<string, string>,
    params: FormObject,
    requestId: string | null,
    idempotencyKey: string | null,
  ): RouteResult {
    const { store } = this.options;
    const pending: PendingEvent[] = [];
    const nowSeconds = () => Math.floor(this.options.nowMs() / 1000);
    const ctx: SimContext = {
      store,
      params,
      path,
      requestId: requestId ?? '',
      idempotencyKey,
      now: nowSeconds,
      emit: (type, object, previous) => pending.push({ type, object: render(store, object) as typeof object, previous }),
    };
    const paths = expandPaths(params);
    const result = handler(ctx);
    // Events are committed with the change itself, before anything else can fail.
    for (const event of pending) {
      store.events.insert(
        newEvent(
          store.ids.next('evt'),
          nowSeconds(),
          event.type,
          event.object,
          { id: requestId, idempotency_key: idempotencyKey },
          event.previous,
        ),
      );
    }
    const body =
      result.body !== null && typeof result.body === 'object'
        ? applyExpand(store, result.body as Record<string, unknown>, paths)
        : result.body;
    return { status: result.status, body };
  }
}

function send(response: http.ServerResponse, status: number, headers: Record<string, string>, text: string): void {
  response.writeHead(status, { ...headers, 'Content-Length': String(Buffer.byteLength(text)) });
  response.end(text);
}
