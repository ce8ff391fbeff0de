// One classification for errors from either connector: retry later, show a person,
// or stop because the credentials are wrong. Messages say which service answered.
import { ServiceM8ApiError } from '../../connectors/servicem8/index';
import { StripeConnectorError } from '../../connectors/stripe/errors';
import { redactText } from '../../logging/redact';
import type { ErrorClassifier, FailureKind } from '../clients/ports';

const DAY_LIMIT_RETRY_MS = 60 * 60_000;

export const classifyConnectorError: ErrorClassifier['classify'] = (error) => {
  if (error instanceof ServiceM8ApiError) {
    const status = (error as { details?: { status?: number } }).details?.status;
    const message = `ServiceM8${status ? ` ${status}` : ''}: ${error.message}`;
    const kinds: Record<string, FailureKind> = {
      validation: 'validation',
      not_found: 'not_found',
      unauthorized: 'auth',
      forbidden: 'auth',
      account: 'auth',
      rate_limited: 'transient',
      server: 'transient',
      network: 'transient',
      timeout: 'transient',
      protocol: 'transient',
    };
    const kind = kinds[error.kind] ?? 'transient';
    // The daily budget is spent: resume later instead of failing the sync.
    const perDay = error.kind === 'rate_limited' && /per day/i.test(error.message);
    return { kind, message: redactText(message), ...(perDay ? { retryAfterMs: DAY_LIMIT_RETRY_MS } : {}) };
  }
  if (error instanceof StripeConnectorError) return { kind: error.kind, message: redactText(`Stripe: ${error.message}`) };
  if (error instanceof Error && error.name === 'AbortError') return { kind: 'transient', message: 'stopped' };
  return { kind: 'validation', message: redactText(error instanceof Error ? error.message : String(error)) };
};
