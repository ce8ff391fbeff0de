// One SDK call: our backoff around it, errors turned into typed connector errors.
import type Stripe from 'stripe';
import type { SlidingWindowLimiter } from '../../util/sliding-window-limiter';
import { toConnectorError } from './errors';
import { retrying, type StripeRetryOptions } from './retry';

export interface CallContext {
  stripe: Stripe;
  retry: StripeRetryOptions;
  /** Client-side budget so we rarely meet a 429 at all (null = none). */
  limiter: SlidingWindowLimiter | null;
}

export async function call<T>(ctx: CallContext, label: string, operation: (stripe: Stripe) => Promise<T>): Promise<T> {
  try {
    return await retrying(
      label,
      async () => {
        await ctx.limiter?.acquire();
        return operation(ctx.stripe);
      },
      ctx.retry,
    );
  } catch (error) {
    throw toConnectorError(error);
  }
}

/** Walks every page with the SDK's auto-pagination, inside one retried call per walk. */
export function listAll<T>(ctx: CallContext, label: string, list: (stripe: Stripe) => AsyncIterable<T>, max = 10_000): Promise<T[]> {
  return call(ctx, label, async (stripe) => {
    const out: T[] = [];
    for await (const item of list(stripe)) {
      out.push(item);
      if (out.length >= max) break;
    }
    return out;
  });
}

/** Idempotency keys are required on every write: an empty one is a bug upstream. */
export function requireKey(key: string): string {
  if (key.trim() === '' || key.length > 255) throw new Error('idempotency key must be 1–255 characters');
  return key;
}
