// The connector's error classification over the SDK's real error classes.
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { isRetryable, toConnectorError } from '../../src/main/core/connectors/stripe/errors';
import { retrying } from '../../src/main/core/connectors/stripe/retry';

const raw = (status: number, extra: { code?: string; param?: string } = {}) => ({
  message: 'msg',
  statusCode: status,
  type: 'invalid_request_error' as const,
  ...extra,
});

describe('toConnectorError', () => {
  it("maps each SDK class to a kind and keeps Stripe's message and code", () => {
    expect(toConnectorError(new Stripe.errors.StripeAuthenticationError(raw(401)))).toMatchObject({ kind: 'auth', message: 'msg' });
    expect(toConnectorError(new Stripe.errors.StripePermissionError(raw(403))).kind).toBe('auth');
    expect(toConnectorError(new Stripe.errors.StripeInvalidRequestError(raw(404, { code: 'resource_missing' })))).toMatchObject({
      kind: 'not_found',
      details: { code: 'resource_missing', statusCode: 404 },
    });
    expect(
      toConnectorError(new Stripe.errors.StripeInvalidRequestError(raw(400, { code: 'parameter_unknown', param: 'x' }))),
    ).toMatchObject({ kind: 'validation', details: { param: 'x' } });
    expect(toConnectorError(new Stripe.errors.StripeIdempotencyError(raw(400))).kind).toBe('validation');
    expect(toConnectorError(new Stripe.errors.StripeRateLimitError(raw(429, { code: 'rate_limit' }))).kind).toBe('transient');
    expect(toConnectorError(new Stripe.errors.StripeAPIError(raw(500))).kind).toBe('transient');
    expect(toConnectorError(new Stripe.errors.StripeConnectionError({ message: 'reset' })).kind).toBe('transient');
  });
});

describe('isRetryable', () => {
  it('retries rate limits, lock timeouts, 5xx, 409 and connection errors, never validation', () => {
    expect(isRetryable(new Stripe.errors.StripeRateLimitError(raw(429)))).toBe(true);
    expect(isRetryable(new Stripe.errors.StripeRateLimitError(raw(429, { code: 'lock_timeout' })))).toBe(true);
    expect(isRetryable(new Stripe.errors.StripeAPIError(raw(503)))).toBe(true);
    expect(isRetryable(new Stripe.errors.StripeAPIError(raw(409)))).toBe(true);
    expect(isRetryable(new Stripe.errors.StripeConnectionError({ message: 'x' }))).toBe(true);
    expect(isRetryable(new Stripe.errors.StripeInvalidRequestError(raw(400)))).toBe(false);
    expect(isRetryable(new Stripe.errors.StripeIdempotencyError(raw(400)))).toBe(false);
    expect(isRetryable(new Stripe.errors.StripeAuthenticationError(raw(401)))).toBe(false);
    expect(isRetryable(new Error('plain'))).toBe(false);
  });
});

describe('retrying', () => {
  const fast = { baseMs: 1, maxMs: 2, retries: 3 };

  it('tries a transient failure again, with the same operation', async () => {
    let calls = 0;
    const result = await retrying(
      'test',
      () => (++calls < 3 ? Promise.reject(new Stripe.errors.StripeAPIError(raw(503))) : Promise.resolve('ok')),
      fast,
    );
    expect([result, calls]).toEqual(['ok', 3]);
  });

  it('does not retry when Stripe says Stripe-Should-Retry: false', async () => {
    let calls = 0;
    const refused = new Stripe.errors.StripeAPIError({ ...raw(500), headers: { 'stripe-should-retry': 'false' } });
    await expect(retrying('test', () => (calls++, Promise.reject(refused)), fast)).rejects.toBe(refused);
    expect(calls).toBe(1);
  });
});
