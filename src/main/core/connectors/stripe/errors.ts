// Typed connector errors: the engine decides what to do by kind (validation →
// needs attention, transient → retry later, auth → stop and ask for a key,
// not_found → the link is broken). Each carries Stripe's own message, code, param
// and request id; Stripe already masks keys in its messages, and no request data
// is copied in.
import Stripe from 'stripe';

export type StripeErrorKind = 'validation' | 'transient' | 'auth' | 'not_found';

export class StripeConnectorError extends Error {
  override readonly name = 'StripeConnectorError';

  constructor(
    readonly kind: StripeErrorKind,
    message: string,
    readonly details: { code?: string; param?: string; statusCode?: number; requestId?: string; stripeType?: string } = {},
  ) {
    super(message);
  }
}

export function toConnectorError(error: unknown): StripeConnectorError {
  if (error instanceof StripeConnectorError) return error;
  if (!(error instanceof Stripe.errors.StripeError)) {
    return new StripeConnectorError('transient', error instanceof Error ? error.message : String(error));
  }
  const details = {
    code: error.code,
    param: error.param,
    statusCode: error.statusCode,
    requestId: error.requestId,
    stripeType: error.type,
  };
  return new StripeConnectorError(kindOf(error), error.message, details);
}

function kindOf(error: Stripe.errors.StripeError): StripeErrorKind {
  if (error instanceof Stripe.errors.StripeAuthenticationError || error instanceof Stripe.errors.StripePermissionError) return 'auth';
  if (error instanceof Stripe.errors.StripeRateLimitError || error instanceof Stripe.errors.StripeConnectionError) return 'transient';
  if (error.statusCode === 404 || error.code === 'resource_missing') return 'not_found';
  if (error instanceof Stripe.errors.StripeAPIError) return 'transient';
  return 'validation';
}

/** True for errors worth another attempt with the same idempotency key. */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof Stripe.errors.StripeError)) return false;
  // lock_timeout arrives as a 429, so it is a StripeRateLimitError like any rate limit.
  if (error instanceof Stripe.errors.StripeRateLimitError) return true;
  if (error instanceof Stripe.errors.StripeConnectionError) return true;
  return (
    error instanceof Stripe.errors.StripeAPIError && (error.statusCode === undefined || error.statusCode >= 500 || error.statusCode === 409)
  );
}
