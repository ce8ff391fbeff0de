// Typed failures of the ServiceM8 connector. `kind` says what happened; `retryable`
// says whether backing off can help (only rate limits, 5xx and the network).
// Messages carry the API's own text and never a credential.

export type ServiceM8ErrorKind =
  | 'validation' // 400: the API rejected the request; its message says why
  | 'unauthorized' // 401: bad or revoked API key / token
  | 'account' // 402: account not in good standing (or trial expired)
  | 'forbidden' // 403: scope missing or bad impersonation
  | 'not_found' // 404
  | 'rate_limited' // 429
  | 'server' // 5xx
  | 'network' // connection refused, reset, dropped
  | 'timeout'
  | 'protocol'; // an answer we cannot read (not JSON, wrong shape)

const RETRYABLE: ReadonlySet<ServiceM8ErrorKind> = new Set(['rate_limited', 'server', 'network', 'timeout']);

export class ServiceM8ApiError extends Error {
  override readonly name = 'ServiceM8ApiError';
  readonly retryable: boolean;

  constructor(
    readonly kind: ServiceM8ErrorKind,
    message: string,
    readonly details: {
      status?: number;
      apiMessage?: string;
      retryAfterMs?: number;
      method?: string;
      path?: string;
      retryable?: boolean;
      dailyLimit?: boolean;
    } = {},
  ) {
    super(message);
    this.retryable = details.retryable ?? RETRYABLE.has(kind);
  }

  get status(): number | undefined {
    return this.details.status;
  }
}

export function kindForStatus(status: number): ServiceM8ErrorKind {
  if (status === 400 || status === 405 || status === 422) return 'validation';
  if (status === 401) return 'unauthorized';
  if (status === 402) return 'account';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'protocol';
}

/** The API's message from `{"errorCode":n,"message":"…"}`, or a plain-text body (429 may be text). */
export function apiMessageOf(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown; error_description?: unknown; error?: unknown };
    if (typeof body.message === 'string') return body.message;
    if (typeof body.error_description === 'string') return body.error_description;
    if (typeof body.error === 'string') return body.error;
  } catch {
    // not JSON: fall through to the text itself
  }
  return text.trim().slice(0, 300);
}
