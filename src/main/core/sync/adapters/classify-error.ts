// One classification for errors from either connector: retry later, show a person,
// or stop because the credentials are wrong. Messages say which service answered.
import { ServiceM8ApiError } from '../../connectors/servicem8/index';
import { StripeConnectorError } from '../../connectors/stripe/errors';
import { redactText } from '../../logging/redact';
import type { ErrorClassifier } from '../engine/failure';

const DAY_LIMIT_RETRY_MS = 60 * 60_000;

export const classifyConnectorError: ErrorClassifier['classify'] = (error) => {
  if (error instanceof ServiceM8ApiError) {
    const message = redactText(`ServiceM8${error.status ? ` ${error.status}` : ''}: ${error.message}`);
    if (error.kind === 'unauthorized' || error.kind === 'forbidden' || error.kind === 'account') return { kind: 'auth', message };
    if (error.kind === 'validation' || error.kind === 'not_found') return { kind: error.kind, message };
    // The daily budget is spent: pause and try again later instead of failing the sync. ServiceM8
    // documents no reset time and sends no Retry-After, so an hour (or longer, when our own count
    // of today's requests knows a slot frees up later).
    if (error.details.dailyLimit)
      return { kind: 'transient', message, retryAfterMs: Math.max(DAY_LIMIT_RETRY_MS, error.details.retryAfterMs ?? 0), pause: true };
    // Rate limits, 5xx, network, timeouts — and unreadable answers, which the connector does
    // not retry within seconds but which a later cycle may safely send again (creates are idempotent).
    return { kind: 'transient', message };
  }
  if (error instanceof StripeConnectorError) return { kind: error.kind, message: redactText(`Stripe: ${error.message}`) };
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'transient', message: 'stopped' };
  return { kind: 'validation', message: redactText(error instanceof Error ? error.message : String(error)) };
};
