// How the engine treats each connector failure: retry later, show a person, or stop.
import { describe, expect, it } from 'vitest';
import { ServiceM8ApiError } from '../../src/main/core/connectors/servicem8/index';
import { StripeConnectorError } from '../../src/main/core/connectors/stripe/errors';
import { classifyConnectorError } from '../../src/main/core/sync/adapters/classify-error';

describe('classifyConnectorError', () => {
  it('ServiceM8: credentials stop, refusals need a person, the rest is retried later', () => {
    expect(classifyConnectorError(new ServiceM8ApiError('unauthorized', 'bad key', { status: 401 }))).toEqual({
      kind: 'auth',
      message: 'ServiceM8 401: bad key',
    });
    expect(classifyConnectorError(new ServiceM8ApiError('account', 'trial over', { status: 402 })).kind).toBe('auth');
    expect(classifyConnectorError(new ServiceM8ApiError('validation', 'name is required', { status: 400 })).kind).toBe('validation');
    expect(classifyConnectorError(new ServiceM8ApiError('not_found', 'gone', { status: 404 })).kind).toBe('not_found');
    expect(classifyConnectorError(new ServiceM8ApiError('server', 'oops', { status: 503 }))).toEqual({
      kind: 'transient',
      message: 'ServiceM8 503: oops',
    });
    expect(classifyConnectorError(new ServiceM8ApiError('protocol', 'not JSON')).kind).toBe('transient');
  });

  it('ServiceM8: a spent daily budget waits an hour instead of failing', () => {
    const daily = new ServiceM8ApiError('rate_limited', 'Number of allowed API requests per day exceeded', {
      status: 429,
      retryable: false,
      dailyLimit: true,
    });
    expect(classifyConnectorError(daily)).toMatchObject({ kind: 'transient', retryAfterMs: 3_600_000, pause: true });
    // Our own count of the day knows a slot frees up later than that: the later time.
    const counted = new ServiceM8ApiError('rate_limited', 'per day exceeded', {
      retryable: false,
      dailyLimit: true,
      retryAfterMs: 5 * 3_600_000,
    });
    expect(classifyConnectorError(counted)).toMatchObject({ retryAfterMs: 5 * 3_600_000, pause: true });
    expect(classifyConnectorError(new ServiceM8ApiError('rate_limited', 'per minute', { status: 429 })).pause).toBeUndefined();
    expect(classifyConnectorError(new ServiceM8ApiError('rate_limited', 'per minute', { status: 429 })).retryAfterMs).toBeUndefined();
  });

  it("Stripe keeps its connector's kind; anything unknown needs a person; secrets are scrubbed", () => {
    expect(classifyConnectorError(new StripeConnectorError('validation', 'Invalid email'))).toEqual({
      kind: 'validation',
      message: 'Stripe: Invalid email',
    });
    expect(classifyConnectorError(new StripeConnectorError('transient', 'busy')).kind).toBe('transient');
    expect(classifyConnectorError(new TypeError('cannot read x of undefined with sk_test_abcdefghijk'))).toEqual({
      kind: 'validation',
      message: 'cannot read x of undefined with [redacted]',
    });
  });
});
