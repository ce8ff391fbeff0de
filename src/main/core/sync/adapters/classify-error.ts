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
    // The daily budget is spent: resume later instead of failing the sync.
    if (error.details.dailyLimit) return { kind: 'transient', message, retryAfterMs: DAY_LIMIT_RETRY_MS };
    // Rate limits, 5xx, network, timeouts — and unreadable answers, which the connector does
    // not retry within seconds but which a later cycle may safely send again (creates are idempotent).
    return { kind: 'transient', message };
  }
  if (error instanceof StripeConnectorError) return { kind: error.kind, message: redactText(`Stripe: ${error.message}`) };
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'transient', message: 'stopped' };
  return { kind: 'validation', message: redactText(error instanceof Error ? error.message : String(error)) };
};
