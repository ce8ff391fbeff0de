// Test-mode keys only: `sk_test_…` and `rk_test_…` pass; anything else is a 401
// in Stripe's words, with the key masked so it never lands in logs whole.
import { SimError, maskKey } from './errors';

const ACCEPTED = /^(sk|rk)_test_[A-Za-z0-9_]{4,}$/;

export function authenticate(header: string | undefined): string {
  if (!header) {
    throw new SimError(401, {
      type: 'invalid_request_error',
      message:
        "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See https://stripe.com/docs/api#authentication for details, or we can help at https://support.stripe.com/.",
    });
  }
  const key = header.replace(/^Bearer\s+/i, '').trim();
  if (!ACCEPTED.test(key)) {
    throw new SimError(401, { type: 'invalid_request_error', message: `Invalid API Key provided: ${maskKey(key)}` });
  }
  return key;
}

export function rateLimitError(): SimError {
  return new SimError(429, {
    type: 'invalid_request_error',
    code: 'rate_limit',
    message:
      'Testmode request rate limit exceeded, the rate limits in testmode are lower than livemode. You can learn more about rate limits here https://stripe.com/docs/rate-limits.',
    doc_url: 'https://stripe.com/docs/error-codes/rate-limit',
  });
}

export function injectedServerError(): SimError {
  // Nothing was executed, so a retry with the same key is safe: say so, as Stripe does.
  return new SimError(500, { type: 'api_error', message: 'An unknown error occurred (injected by the simulator).' }, false, {
    'Stripe-Should-Retry': 'true',
  });
}

/** Another request holds the object: Stripe's 429 that it flags as safe to retry. */
export function lockTimeoutError(): SimError {
  return new SimError(
    429,
    {
      type: 'invalid_request_error',
      code: 'lock_timeout',
      message:
        'This object cannot be accessed right now because another API request or Stripe process is currently accessing it. If you see this error intermittently, retry the request. If you see this error frequently and are making multiple concurrent requests to a single object, make your requests serially or at a lower rate.',
      doc_url: 'https://stripe.com/docs/error-codes/lock-timeout',
    },
    false,
    { 'Stripe-Should-Retry': 'true' },
  );
}
