// The one retry layer for Stripe calls. The SDK's own network retries are off by
// default (client.ts): stacked on ours they multiplied attempts and bypassed our
// request budget. 429s, lock timeouts, 5xx, 409 and connection errors are retried
// here with backoff, through the budget, and never when Stripe says
// `Stripe-Should-Retry: false`. Every write carries the same idempotency key on
// every attempt, so a retry can never duplicate.
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
      const headers = error instanceof Stripe.errors.StripeError ? error.headers : undefined;
      if (headers?.['stripe-should-retry'] === 'false') return { retry: false };
      const header = headers?.['retry-after'];
      return { retry: true, retryAfterMs: parseRetryAfter(typeof header === 'string' ? header : undefined) };
    },
    onRetry: ({ attempt, delayMs, error }) => {
      const stripeError = error instanceof Stripe.errors.StripeError ? error : undefined;
      log.warn(
        { label, attempt, delayMs, type: stripeError?.type, code: stripeError?.code, requestId: stripeError?.requestId },
        'retrying Stripe call',
      );
    },
  });
}
