// Our own backoff around each SDK call. The SDK retries 5xx, 409 and connection
// errors itself but never 429 (reference §3), so rate limits and lock timeouts
// are retried here with the shared withRetry; transient failures that outlast the
// SDK's own retries get a few more tries too. Every write carries the same
// idempotency key on every attempt, so a retry can never duplicate.
import { createLogger } from '../../logging/logger';
import { parseRetryAfter, withRetry } from '../../util/backoff';
import { isRetryable } from './errors';
import Stripe from 'stripe';

const log = createLogger('connectors/stripe');

export interface StripeRetryOptions {
  retries?: number;
  baseMs?: number;
  maxMs?: number;
  random?: () => number;
}

export function retrying<T>(label: string, operation: () => Promise<T>, options: StripeRetryOptions = {}): Promise<T> {
  return withRetry(() => operation(), {
    retries: options.retries ?? 6,
    baseMs: options.baseMs ?? 500,
    maxMs: options.maxMs ?? 8_000,
    random: options.random,
    classify: (error) => {
      if (!isRetryable(error)) return { retry: false };
      const header = error instanceof Stripe.errors.StripeError ? error.headers?.['retry-after'] : undefined;
      return { retry: true, retryAfterMs: parseRetryAfter(typeof header === 'string' ? header : undefined) };
    },
    onRetry: ({ attempt, delayMs, error }) => {
      const stripeError = error instanceof Stripe.errors.StripeError ? error : undefined;
      log.warn({ label, attempt, delayMs, type: stripeError?.type, code: stripeError?.code, requestId: stripeError?.requestId }, 'retrying Stripe call');
    },
  });
}
