// Errors in Stripe's wire shape. The SDK picks its error class from the HTTP status
// (reference §2), so each helper fixes both status and body. `stored` says whether
// the idempotency layer keeps the result: validation failures are not stored.
export interface StripeErrorBody {
  type: 'api_error' | 'card_error' | 'idempotency_error' | 'invalid_request_error';
  message: string;
  code?: string;
  param?: string;
  doc_url?: string;
  decline_code?: string;
}

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
    readonly stored = false,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }

  static invalid(message: string, param?: string, code?: string, status = 400): SimError {
    return new SimError(status, withDoc({ type: 'invalid_request_error', message, code, param }));
  }

  /** A request that executed and failed because of the object's state (stored for replay). */
  static state(message: string, code?: string, param?: string): SimError {
    return new SimError(400, withDoc({ type: 'invalid_request_error', message, code, param }), true);
  }

  static missing(kind: string, id: string, param = 'id'): SimError {
    return new SimError(
      404,
      withDoc({ type: 'invalid_request_error', code: 'resource_missing', message: `No such ${kind}: '${id}'`, param }),
    );
  }

  static unknownParam(param: string): SimError {
    return SimError.invalid(`Received unknown parameter: ${param}`, param, 'parameter_unknown');
  }

  static missingParam(param: string): SimError {
    return SimError.invalid(`Missing required param: ${param}.`, param, 'parameter_missing');
  }

  static unrecognizedUrl(method: string, path: string): SimError {
    return new SimError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    });
  }
}

function withDoc(body: StripeErrorBody): StripeErrorBody {
  const clean: StripeErrorBody = { type: body.type, message: body.message };
  if (body.code) {
    clean.code = body.code;
    clean.doc_url = `https://stripe.com/docs/error-codes/${body.code.replace(/_/g, '-')}`;
  }
  if (body.param) clean.param = body.param;
  return clean;
}

/** Stripe shows only the first 8 and last 4 characters of a rejected key. */
export function maskKey(key: string): string {
  if (key.length <= 12) return `${key.slice(0, 3)}${'*'.repeat(Math.max(0, key.length - 3))}`;
  return `${key.slice(0, 8)}${'*'.repeat(key.length - 12)}${key.slice(-4)}`;
}
