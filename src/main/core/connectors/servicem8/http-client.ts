// One HTTP exchange with ServiceM8: wait for the rate budget, authenticate, send,
// classify the answer. Transient failures (429, 5xx, network, timeout) are retried with
// exponential backoff and jitter; 400/401/402/403/404 surface at once with the API's
// message. Every attempt spends budget, so retries can never push us over the limit.
import { withRetry, parseRetryAfter } from '../../util/backoff';
import { BudgetSpentError, type SlidingWindowLimiter } from '../../util/sliding-window-limiter';
import { createLogger } from '../../logging/logger';
import type { ServiceM8Auth } from './auth';
import { ServiceM8ApiError, apiMessageOf, kindForStatus } from './errors';

const log = createLogger('connectors/servicem8');

export interface RetryOptions {
  retries: number;
  baseMs: number;
  maxMs: number;
}

/** The official SDK's policy is 0.5 s initial, capped at 60 s (reference §6); we use doubling with full jitter. */
export const DEFAULT_RETRY: RetryOptions = { retries: 6, baseMs: 500, maxMs: 60_000 };

export interface HttpClientOptions {
  baseUrl: string;
  auth: ServiceM8Auth;
  limiter: SlidingWindowLimiter;
  retry?: RetryOptions;
  timeoutMs?: number;
  /**
   * Minimum wait after a 429 that carries no Retry-After (none is documented): the
   * per-minute window has to move on, which a 0.5 s backoff alone would not wait for.
   */
  rateLimitedDelayMs?: number;
  random?: () => number;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface RequestSpec {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path under /api_1.0, e.g. "/job.json". */
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  signal?: AbortSignal;
}

export class ServiceM8Http {
  private readonly retry: RetryOptions;

  constructor(private readonly options: HttpClientOptions) {
    this.retry = options.retry ?? DEFAULT_RETRY;
  }

  request(spec: RequestSpec): Promise<HttpResult> {
    return withRetry(() => this.attemptWithAuthRecovery(spec), {
      ...this.retry,
      signal: spec.signal,
      random: this.options.random,
      classify: (error) =>
        error instanceof ServiceM8ApiError && error.retryable
          ? { retry: true, retryAfterMs: error.details.retryAfterMs }
          : { retry: false },
      onRetry: ({ attempt, delayMs, error }) =>
        log.warn(
          { attempt, delayMs, method: spec.method, path: spec.path, reason: (error as Error).message },
          'ServiceM8 request failed; retrying',
        ),
    });
  }

  /** A 401 may mean an access token expired early: refresh once and repeat, then give up. */
  private async attemptWithAuthRecovery(spec: RequestSpec): Promise<HttpResult> {
    try {
      return await this.attempt(spec);
    } catch (error) {
      if (error instanceof ServiceM8ApiError && error.kind === 'unauthorized' && (await this.options.auth.recover(spec.signal)))
        return this.attempt(spec);
      throw error;
    }
  }

  private async attempt(spec: RequestSpec): Promise<HttpResult> {
    await this.acquire(spec);
    const url = new URL(`${this.options.baseUrl.replace(/\/$/, '')}/api_1.0${spec.path}`);
    for (const [key, value] of Object.entries(spec.query ?? {})) url.searchParams.set(key, value);
    const headers: Record<string, string> = { accept: 'application/json', ...(await this.options.auth.headers(spec.signal)) };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    const timeout = AbortSignal.timeout(this.options.timeoutMs ?? 60_000);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
    const where = { method: spec.method, path: spec.path };
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (spec.signal?.aborted) throw spec.signal.reason as Error;
      if (timeout.aborted) throw new ServiceM8ApiError('timeout', `ServiceM8 ${spec.method} ${spec.path} timed out`, where);
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new ServiceM8ApiError('network', `ServiceM8 ${spec.method} ${spec.path} failed: network error (${cause})`, where);
    }
    if (response.ok) return { status: response.status, headers: response.headers, body: parseBody(text, spec) };
    const apiMessage = apiMessageOf(text);
    const message = `ServiceM8 ${spec.method} ${spec.path} failed (${response.status}): ${apiMessage}`;
    if (response.status !== 429)
      throw new ServiceM8ApiError(kindForStatus(response.status), message, { ...where, status: response.status, apiMessage });
    // Assumption C2: the daily budget does not come back within a retry loop: give up, the sync resumes later.
    // Assumption C3: with no Retry-After, wait at least rateLimitedDelayMs.
    const daily = /per day/i.test(apiMessage);
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after')) ?? this.options.rateLimitedDelayMs ?? 5000;
    throw new ServiceM8ApiError('rate_limited', message, {
      ...where,
      status: 429,
      apiMessage,
      retryAfterMs,
      retryable: !daily,
      dailyLimit: daily,
    });
  }

  /**
   * A slot of the budget. Waiting out the minute window is fine; a longer wait means our
   * own count of today's requests is at the daily limit, and sleeping through it would
   * hold a long-lived app's sync for hours with nothing said. That is refused at once as
   * the daily limit ServiceM8 itself would answer (its 429 text), so the cycle pauses and
   * says when it tries again, and nothing is sent.
   */
  private async acquire(spec: RequestSpec): Promise<void> {
    const { limiter } = this.options;
    try {
      await limiter.acquire(spec.signal, Math.min(...limiter.windows.map((w) => w.ms)));
    } catch (error) {
      if (!(error instanceof BudgetSpentError)) throw error;
      const apiMessage = 'Number of allowed API requests per day exceeded (counted by sm8sync; not sent)';
      throw new ServiceM8ApiError('rate_limited', `ServiceM8 ${spec.method} ${spec.path} not sent: ${apiMessage}`, {
        method: spec.method,
        path: spec.path,
        apiMessage,
        retryAfterMs: error.retryAfterMs,
        retryable: false,
        dailyLimit: true,
      });
    }
  }
}

/** Creates may answer with an empty body (reference §1, T1/T2): that is fine; garbage is not. */
function parseBody(text: string, spec: RequestSpec): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ServiceM8ApiError('protocol', `ServiceM8 ${spec.method} ${spec.path} answered with a body that is not JSON`, {
      method: spec.method,
      path: spec.path,
    });
  }
}
