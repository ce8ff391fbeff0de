// Retry with exponential backoff and full jitter, for transient failures only
// (429, 5xx, network). The caller classifies each error; validation errors are
// never retried. A server's Retry-After wins over the computed delay.
import { sleep } from './sliding-window-limiter';

export interface RetryDecision {
  retry: boolean;
  /** Server-supplied delay (Retry-After), used instead of the backoff when larger. */
  retryAfterMs?: number;
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseMs: number;
  maxMs: number;
  classify(error: unknown): RetryDecision;
  onRetry?(info: { attempt: number; delayMs: number; error: unknown }): void;
  random?: () => number;
  signal?: AbortSignal;
}

/** Delay before retry number `attempt` (1-based): uniform in [0, min(max, base·2^(attempt−1))]. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

export async function withRetry<T>(operation: (attempt: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await operation(attempt);
    } catch (error) {
      const decision = policy.classify(error);
      if (!decision.retry || attempt >= policy.retries) throw error;
      const computed = backoffDelay(attempt + 1, policy.baseMs, policy.maxMs, policy.random);
      const delayMs = Math.max(computed, decision.retryAfterMs ?? 0);
      policy.onRetry?.({ attempt: attempt + 1, delayMs, error });
      await sleep(delayMs, policy.signal);
    }
  }
}

/** Parses an HTTP Retry-After header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
